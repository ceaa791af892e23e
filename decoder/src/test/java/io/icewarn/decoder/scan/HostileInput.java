package io.icewarn.decoder.scan;

import java.util.LinkedHashMap;
import java.util.Map;

/** Adversarial texts for the hostile-input test and {@link HostileInputBench}. */
final class HostileInput {
    private HostileInput() {}

    /** Returns named adversarial texts of about {@code size} characters each. */
    static Map<String, String> texts(int size) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("client header, unclosed reason", repeat("ms-client-diagnostics: 24; reason=\"", size));
        m.put("server header, unclosed reason", repeat("ms-diagnostics: 1008;reason=\"Unable ", size));
        m.put("bare MediaDebug flood", repeat("CallerMediaDebug=\"", size));
        m.put("MediaDebug then commas", "CallerMediaDebug=\"audio:" + repeat(",", size));
        m.put("MediaDebug then equals", "CalleeMediaDebug=" + repeat("=", size));
        m.put("report anchors", repeat("1;reason=\"1;reason=", size));
        m.put("report chain without media", "24; reason=x" + repeat(";k=v", size));
        m.put("header prefixes", repeat("ms-client-diagnostics ms-diagnostics-public x-ms-diagnostics: ", size));
        m.put("quotes and separators", repeat("=\"\u201C;:,\\\"&quot;", size));
        m.put("one long value", "ms-client-diagnostics: 24; reason=\"" + repeat("a", size));
        m.put("wrapped lines", "ms-client-diagnostics: 24; reason=\"" + repeat("x\n ", size));
        m.put("qoe tags", repeat("<Connectivity><Ice>", size));
        m.put("sip status lines", repeat("SIP/2.0 200 OK\nBYE sip:x ", size));
        m.put("backslashes", repeat("\\\\\\\\\\\\\\\\\\\\\"", size));
        return m;
    }

    static String repeat(String unit, int size) {
        return unit.repeat(Math.max(1, size / unit.length()));
    }
}
