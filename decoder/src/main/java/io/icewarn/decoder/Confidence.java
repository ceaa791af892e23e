package io.icewarn.decoder;

import java.util.Locale;

/** How well a piece of knowledge is backed by its sources. */
public enum Confidence {
    /** A Microsoft Open Specification or product documentation. */
    SPEC,
    /** The Lync Server 2010 Resource Kit. */
    RESOURCE_KIT,
    /** Observed in real headers, articles or fixtures. */
    OBSERVED,
    /** Inferred from the evidence; no source states it. */
    INFERRED;

    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** Returns the name used in data files and JSON ({@code spec}, {@code resource-kit}, …). */
    public String label() {
        return label;
    }

    /** Returns the confidence named {@code label}; throws for an unknown name. */
    public static Confidence of(String label) {
        for (Confidence c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown confidence '" + label + "'");
    }
}
