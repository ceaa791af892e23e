package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Problem;
import java.util.List;

/**
 * What a scan found.
 *
 * @param diagnostics the diagnostics in order of their start offset
 * @param problems what could not be read, at most {@link DiagnosticScanner#MAX_PROBLEMS}
 */
public record ScanResult(List<Diagnostic> diagnostics, List<Problem> problems) {
    public ScanResult {
        diagnostics = List.copyOf(diagnostics);
        problems = List.copyOf(problems);
    }
}
