package io.icewarn.decoder;

import java.util.List;
import java.util.Locale;

/**
 * What one ICEWarn bit means (Resource Kit layout).
 *
 * @param bit the single-bit value
 * @param label the Resource Kit label
 * @param expectation how the Resource Kit judges the bit
 * @param guidance condensed administrator guidance, possibly empty
 * @param sources citation keys
 * @param confidence how well the meaning is backed
 */
public record FlagMeaning(
        long bit, String label, Expectation expectation, String guidance, List<String> sources, Confidence confidence) {

    /** How the Resource Kit judges a warning bit. */
    public enum Expectation {
        /** Expected: normal during ICE, not a fault by itself (0x100, 0x200, 0x100000). */
        EXPECTED,
        /** Informational: not an ICE failure (0x1000, 0x10000, 0x1000000). */
        INFORMATIONAL,
        /** Can occur behind NAT or UDP-blocking firewalls; a fault only with other failures. */
        MAY_OCCUR,
        /** Not expected: points at a real problem. */
        PROBLEM,
        /** No source defines the bit. */
        UNKNOWN;

        private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

        /** Returns the name used in data files and JSON ({@code expected}, {@code may-occur}, …). */
        public String label() {
            return label;
        }

        /** Returns true when the bit alone is no reason for alarm. */
        public boolean benign() {
            return this == EXPECTED || this == INFORMATIONAL;
        }
    }

    public FlagMeaning {
        sources = List.copyOf(sources);
    }

    /** Returns true when the Resource Kit calls the bit expected or informational. */
    public boolean expected() {
        return expectation.benign();
    }
}
