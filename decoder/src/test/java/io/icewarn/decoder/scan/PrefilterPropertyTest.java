package io.icewarn.decoder.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.model.Diagnostic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prefilter never hides what the scanner would find: texts made of every shape the scanner reacts to,
 * at the edges of what it accepts (most spaces allowed, every kind of space, any case, namespace prefixes,
 * SIP lines between), scan alike with and without it, whole and streamed.
 */
final class PrefilterPropertyTest {
    private static final String[] ASCII_SPACES = {" ", "\t", "\f", "\u000B"};
    private static final String[] UNICODE_SPACES = {"\u00A0", "\u2007", "\u202F", "\u200B", "\uFEFF"};
    private static final String[] NOISE = {
        "g", "G", "ag", "ug", ";", "/", "p/", "<", "</", "=", "\n", "\r\n", " ", "x", "9", ".", ":", "f", "Fi", "E",
        "lEn", "Q.850", ";c", ",", "\t", "\u0167", "\u013B", "\u0146", "\u0166"
    };
    private static final String[] TEAMS_FINAL = {
        "Final SIP code", "Final Microsoft subcode", "Final SIP phrase", "Final SIP Code Phrase", "finalSipCode"
    };
    private static final String[] TEAMS_END = {
        "CallEndReason",
        "CallEndSubReason",
        "Call End Sub Reason",
        "PSTN Call End Reason",
        "ParticipantEndSubCode",
        "Participant End Reason"
    };
    private static final String[] HEADERS = {
        "ms-client-diagnostics", "ms-diagnostics", "ms-diagnostics-public", "x-ms-diagnostics", "x-ms-SDP-diagnostics"
    };
    private static final String[] METHODS = {"INVITE", "BYE", "NEGOTIATE", "ACK"};

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shapesAtTheEdgesScanAlikeWithAndWithoutThePrefilter(long seed) throws IOException {
        Random rnd = new Random(seed);
        boolean unicode = seed % 2 == 1; // even seeds stay ASCII, so streamed windows are scanned as bytes
        StringBuilder sb = new StringBuilder();
        int parts = 5 + rnd.nextInt(30);
        for (int k = 0; k < parts; k++) {
            appendPart(sb, rnd, unicode);
        }
        String text = sb.toString();
        ScanResult expected = DiagnosticScanner.scan(text, false);
        ScanResult fast = DiagnosticScanner.scan(text);
        assertThat(fast.diagnostics()).as(text).isEqualTo(expected.diagnostics());
        assertThat(fast.problems()).as(text).isEqualTo(expected.problems());
        int chunk = 1 + rnd.nextInt(300);
        List<Diagnostic> streamed = new ArrayList<>();
        StreamScanner.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), streamed::add, chunk, 4096);
        assertThat(streamed).as("chunk %d: %s", chunk, text).isEqualTo(expected.diagnostics());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anchorsAreTriedByFirstCharacterWithoutMissingAMatch(long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder();
        int parts = 5 + rnd.nextInt(30);
        for (int k = 0; k < parts; k++) {
            appendPart(sb, rnd, seed % 2 == 1);
        }
        Source s = new Source(sb.toString());
        for (int i = 0; i < s.length(); i++) {
            Anchor first = null;
            boolean stops = false;
            for (Anchor a : Anchor.ORDERED) {
                if (a.match(s, i) >= 0) {
                    first = first == null ? a : first;
                    stops |= a.stopsValues();
                }
            }
            assertThat(Anchor.at(s, i)).as("at %d of %s", i, sb).isEqualTo(first);
            assertThat(Anchor.stopsValueAt(s, i)).as("stop at %d of %s", i, sb).isEqualTo(stops && s.wordStartsAt(i));
        }
    }

    private static void appendPart(StringBuilder sb, Random rnd, boolean unicode) {
        switch (rnd.nextInt(13)) {
            case 9 ->
                sb.append(anyCase(rnd, TEAMS_FINAL[rnd.nextInt(TEAMS_FINAL.length)]))
                        .append(gap(rnd, unicode))
                        .append(rnd.nextBoolean() ? ":" : "=")
                        .append(gap(rnd, unicode))
                        .append(digits(rnd))
                        .append(rnd.nextBoolean() ? ", " : "\n");
            case 10 ->
                sb.append(TEAMS_END[rnd.nextInt(TEAMS_END.length)])
                        .append(gap(rnd, unicode))
                        .append(rnd.nextBoolean() ? "= " : ": ")
                        .append(digits(rnd))
                        .append(rnd.nextBoolean() ? " and " : "\n");
            case 11 ->
                sb.append(anyCase(rnd, "Q.850"))
                        .append(gap(rnd, unicode))
                        .append(';')
                        .append(gap(rnd, unicode))
                        .append(anyCase(rnd, rnd.nextBoolean() ? "cause" : "text"))
                        .append('=')
                        .append(digits(rnd))
                        .append(rnd.nextBoolean() ? ";text=\"x\"\n" : "\n");
            case 12 -> {
                char d = rnd.nextBoolean() ? ',' : '\t';
                sb.append("\nCall type")
                        .append(d)
                        .append(anyCase(rnd, "Final SIP code"))
                        .append(d);
                sb.append("Final Microsoft subcode\n");
                for (int n = rnd.nextInt(3); n >= 0; n--) {
                    sb.append("dr_out")
                            .append(d)
                            .append(100 + rnd.nextInt(600))
                            .append(d)
                            .append(digits(rnd))
                            .append('\n');
                }
            }
            case 0 ->
                sb.append(digits(rnd))
                        .append(gap(rnd, unicode))
                        .append(';')
                        .append(gap(rnd, unicode))
                        .append(anyCase(rnd, "reason"))
                        .append(gap(rnd, unicode))
                        .append("=\"x\";UserType=\"Callee\"");
            case 1 ->
                sb.append(anyCase(rnd, HEADERS[rnd.nextInt(HEADERS.length)]))
                        .append(gap(rnd, unicode))
                        .append(':')
                        .append(gap(rnd, unicode))
                        .append(digits(rnd))
                        .append(";reason=\"x\"");
            case 2 ->
                sb.append(anyCase(rnd, rnd.nextBoolean() ? "CallerMediaDebug" : "CalleeMediaDebug"))
                        .append(gap(rnd, unicode))
                        .append("=\"audio:ICEWarn=0x320\"");
            case 3 ->
                sb.append(tag(rnd, anyCase(rnd, rnd.nextBoolean() ? "Ice" : "IceWarningFlags"), false))
                        .append(rnd.nextBoolean() ? "RELAY" : "0x320")
                        .append(tag(rnd, "Ice", true));
            case 4 ->
                sb.append(tag(rnd, anyCase(rnd, rnd.nextBoolean() ? "Connectivity" : "MediaLine"), rnd.nextBoolean()));
            case 5 ->
                sb.append(anyCase(rnd, "SIP/2.0"))
                        .append(gap(rnd, unicode))
                        .append(100 + rnd.nextInt(600))
                        .append(" Reason\n");
            case 6 ->
                sb.append(METHODS[rnd.nextInt(METHODS.length)])
                        .append(rnd.nextBoolean() ? " sip:" : rnd.nextBoolean() ? " sips:" : " tel:")
                        .append("bob@example.com ")
                        .append(rnd.nextInt(4) == 0 ? "" : "SIP/2.0")
                        .append(gap(rnd, unicode))
                        .append(rnd.nextBoolean() ? "\n" : "\r\n");
            case 7 -> sb.append("Via: SIP/2.0/TLS 10.0.0.1:5061\n");
            default -> {
                for (int n = rnd.nextInt(6); n >= 0; n--) {
                    sb.append(NOISE[rnd.nextInt(unicode ? NOISE.length : NOISE.length - 2)]);
                }
            }
        }
    }

    /** Up to ten digits: the report form takes nine at most. */
    private static String digits(Random rnd) {
        StringBuilder d = new StringBuilder();
        for (int n = 1 + rnd.nextInt(10); n > 0; n--) {
            d.append((char) ('0' + rnd.nextInt(10)));
        }
        return d.toString();
    }

    /** Up to nine spaces of any kind the scanner knows (it accepts eight). */
    private static String gap(Random rnd, boolean unicode) {
        StringBuilder g = new StringBuilder();
        for (int n = rnd.nextInt(3) == 0 ? rnd.nextInt(10) : rnd.nextInt(2); n > 0; n--) {
            g.append(
                    unicode && rnd.nextBoolean()
                            ? UNICODE_SPACES[rnd.nextInt(UNICODE_SPACES.length)]
                            : ASCII_SPACES[rnd.nextInt(ASCII_SPACES.length)]);
        }
        return g.toString();
    }

    private static String anyCase(Random rnd, String s) {
        switch (rnd.nextInt(3)) {
            case 0:
                return s;
            case 1:
                return s.toUpperCase(Locale.ROOT);
            default:
                StringBuilder b = new StringBuilder(s.length());
                for (char c : s.toCharArray()) {
                    b.append(rnd.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
                }
                return b.toString();
        }
    }

    private static String tag(Random rnd, String name, boolean closing) {
        return "<" + (closing ? "/" : "") + (rnd.nextBoolean() ? "v2:" : "") + name + ">";
    }
}
