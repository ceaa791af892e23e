package io.icewarn.decoder.model;

import java.util.Locale;
import java.util.Optional;

/** Which party of the call reported the media data ({@code CallerMediaDebug} or {@code UserType="Caller"}). */
public enum Side {
    CALLER,
    CALLEE;

    /** Returns the lower-case name used in JSON and replies. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the side named by {@code text} ("Caller", "callee", …), if it names one. */
    public static Optional<Side> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.equalsIgnoreCase("caller")) {
            return Optional.of(CALLER);
        }
        if (t.equalsIgnoreCase("callee")) {
            return Optional.of(CALLEE);
        }
        return Optional.empty();
    }
}
