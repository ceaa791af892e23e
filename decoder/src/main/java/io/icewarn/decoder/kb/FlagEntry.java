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
 * @param expectation {@code expected}, {@code informational}, {@code may-occur}, {@code problem} or {@code unknown}
 */
public record FlagEntry(
        String bit, String label, String expectation, String guidance, List<String> sources, Confidence confidence)
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
        FlagMeaning.Expectation e = EXPECTATIONS.get(expectation.toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new IllegalArgumentException("unknown expectation '" + expectation + "'");
        }
        return e;
    }

    @Override
    public String describe() {
        return "flag " + bit;
    }
}
