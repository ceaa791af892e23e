package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Diagnostic;

/**
 * What a reader made of the text at an anchor.
 *
 * @param diagnostic the diagnostic read, or null when the text was consumed without one (or not at all)
 * @param end the offset after the consumed text; not after the anchor when nothing was consumed
 */
record Read(Diagnostic diagnostic, int end) {
    static final Read NOTHING = new Read(null, -1);

    static Read of(Diagnostic diagnostic, int end) {
        return new Read(diagnostic, end);
    }

    static Read skip(int end) {
        return new Read(null, end);
    }
}
