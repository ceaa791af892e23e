package io.icewarn.decoder.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of the {@code ranges} in {@code codes.json}: the product area an unknown ID falls in.
 *
 * @param header {@code server} (both server headers) or {@code ms-client-diagnostics}
 * @param from first ID, inclusive
 * @param to last ID, inclusive
 */
public record CodeRange(
        @JsonProperty(required = true) String header,
        @JsonProperty(required = true) int from,
        @JsonProperty(required = true) int to,
        @JsonProperty(required = true) String area,
        @JsonProperty(required = true) List<String> sources,
        @JsonProperty(required = true) Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return header + " range " + from + "-" + to;
    }
}
