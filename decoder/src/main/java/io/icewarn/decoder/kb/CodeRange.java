package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of the {@code ranges} in {@code codes.json}: the product area an unknown ID falls in.
 *
 * @param header {@code server} (both server headers) or {@code ms-client-diagnostics}
 * @param from first ID, inclusive
 * @param to last ID, inclusive
 */
public record CodeRange(String header, int from, int to, String area, List<String> sources, Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return header + " range " + from + "-" + to;
    }
}
