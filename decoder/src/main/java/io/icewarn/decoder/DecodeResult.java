package io.icewarn.decoder;

import io.icewarn.decoder.model.Problem;
import java.util.List;

/**
 * Everything found in one text.
 *
 * @param diagnostics the diagnostics in order of appearance
 * @param problems what could not be read, capped in number
 */
public record DecodeResult(List<DecodedDiagnostic> diagnostics, List<Problem> problems) {
    public DecodeResult {
        diagnostics = List.copyOf(diagnostics);
        problems = List.copyOf(problems);
    }

    /** Returns true when no diagnostic was found. */
    public boolean isEmpty() {
        return diagnostics.isEmpty();
    }
}
