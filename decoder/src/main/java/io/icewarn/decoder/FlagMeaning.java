package io.icewarn.decoder;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one ICEWarn bit means (Resource Kit layout).
 *
 * @param bit the single-bit value
 * @param label the Resource Kit label
 * @param expectation how the Resource Kit judges the bit
 * @param guidance condensed administrator guidance, possibly empty
 * @param sources citation keys (the context's too, when one applies)
 * @param confidence how well the meaning is backed
 * @param brief a few words for compact lists
 * @param inContext how the bit is judged in the diagnostic it came with (0x200 on a failed
 *     application-sharing call is a problem; any bit on a call that worked is informational); equals
 *     {@code expectation} when no context applies or the value was explained on its own
 * @param contextNote what the bit means in that context, empty when no context applies
 */
public record FlagMeaning(
        long bit,
        String label,
        Expectation expectation,
        String guidance,
        List<String> sources,
        Confidence confidence,
        String brief,
        Expectation inContext,
        String contextNote) {

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
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(inContext, "inContext");
        Objects.requireNonNull(contextNote, "contextNote");
    }

    /** Returns the meaning of a bit judged on its own: in context as the Resource Kit judges it. */
    public FlagMeaning(
            long bit,
            String label,
            Expectation expectation,
            String guidance,
            List<String> sources,
            Confidence confidence) {
        this(bit, label, expectation, guidance, sources, confidence, label, expectation, "");
    }

    /** Returns true when the Resource Kit calls the bit expected or informational. */
    public boolean expected() {
        return expectation.benign();
    }

    /** Returns true when the bit is no fault in the diagnostic it came with. */
    public boolean benignInContext() {
        return inContext.benign();
    }
}
