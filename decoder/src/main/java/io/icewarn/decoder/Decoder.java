package io.icewarn.decoder;

import java.util.List;
import java.util.Optional;

/**
 * The decoder's entry point: finds Lync / Skype for Business diagnostics in text and explains them
 * from the bundled knowledge base. Instances are immutable and thread-safe; share one.
 */
public final class Decoder {
    /** Text longer than this many characters is decoded up to this length only, with a problem reported. */
    public static final int MAX_TEXT_CHARS = 64 * 1024 * 1024;

    private Decoder() {}

    /** Returns a decoder over the knowledge base bundled in this library. */
    public static Decoder standard() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Returns every diagnostic in {@code text}, decoded, in order; an empty result when there is none. Never throws. */
    public DecodeResult decode(CharSequence text) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Returns the bits of an ICEWarn value written as {@code 0x320}, {@code 320} (hex if it has a–f) or decimal; empty when it is not a number. */
    public Optional<IceWarnExplanation> explainIceWarn(String value) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Returns what {@code code} means under {@code header}; with a null header, the client meaning when
     * one is known, else the server one. Unknown IDs come back with {@code known=false} and their range.
     */
    public CodeExplanation explainCode(String header, int code) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Returns every ID the knowledge base knows, for autocomplete. */
    public List<CodeExplanation> knownCodes() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Returns the source cited as {@code key}, if known. */
    public Optional<SourceRef> source(String key) {
        throw new UnsupportedOperationException("not yet");
    }
}
