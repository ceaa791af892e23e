package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import io.icewarn.decoder.FlagMeaning;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of {@code iceflags.json}: an ICEWarn bit in the Resource Kit layout.
 *
 * @param bit the bit written as hex ({@code "0x20"}); {@code "0x0"} is the no-failure row
 * @param brief a few words for compact lists ({@code TCP TURN connectivity failed})
 * @param cause the bit as the cause of a failure, in a few words, or null when it is no cause
 * @param causeRank how strongly the cause explains a failure, 1 strongest; null when there is no cause
 * @param expectation {@code expected}, {@code informational}, {@code may-occur}, {@code problem} or {@code unknown}
 */
public record FlagEntry(
        String bit,
        String brief,
        String label,
        String cause,
        Integer causeRank,
        String expectation,
        String guidance,
        List<String> sources,
        Confidence confidence)
        implements Cited {

    /** Returns the bit's numeric value. */
    public long value() {
        return Long.parseLong(bit.substring(2), 16);
    }

    /** The expectations by the names the data file writes ({@code may-occur}). */
    private static final Map<String, FlagMeaning.Expectation> EXPECTATIONS = Arrays.stream(
                    FlagMeaning.Expectation.values())
            .collect(Collectors.toUnmodifiableMap(FlagMeaning.Expectation::label, e -> e));

    /** Returns the expectation as an enum, its name read in any case; throws for an unknown name. */
    public FlagMeaning.Expectation expectationValue() {
        return expectation(expectation);
    }

    /** Returns the expectation named {@code name} (any case); throws for an unknown name. */
    public static FlagMeaning.Expectation expectation(String name) {
        FlagMeaning.Expectation e = EXPECTATIONS.get(name.toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new IllegalArgumentException("unknown expectation '" + name + "'");
        }
        return e;
    }

    @Override
    public String describe() {
        return "flag " + bit;
    }
}
