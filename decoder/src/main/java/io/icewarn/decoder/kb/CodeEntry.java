package io.icewarn.decoder.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
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
        @JsonProperty(required = true) String header,
        @JsonProperty(required = true) int code,
        String reason,
        @JsonProperty(required = true) String meaning,
        String family,
        @JsonProperty(required = true) String severity,
        @JsonProperty(required = true) List<String> sources,
        @JsonProperty(required = true) Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return header + " " + code;
    }
}
