package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code codes.json}: a diagnostic ID under one header.
 *
 * @param header {@code ms-client-diagnostics}, {@code ms-diagnostics} or {@code ms-diagnostics-public}
 * @param reason the documented reason text, or null when no source gives one
 * @param family remediation family referenced by rules, or null
 * @param severity {@code failure}, {@code warning} or {@code info}: what the ID means by itself
 */
public record CodeEntry(
        String header,
        int code,
        String reason,
        String meaning,
        String family,
        String severity,
        List<String> sources,
        Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return header + " " + code;
    }
}
