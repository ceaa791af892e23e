package io.icewarn.decoder.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.icewarn.decoder.Confidence;
import io.icewarn.decoder.FlagMeaning;
import java.util.List;

/**
 * One row of {@code iceflags.json}: an ICEWarn bit in the Resource Kit layout.
 *
 * @param bit the bit written as hex ({@code "0x20"}); {@code "0x0"} is the no-failure row
 * @param expectation {@code expected}, {@code informational}, {@code may-occur}, {@code problem} or {@code unknown}
 */
public record FlagEntry(
        @JsonProperty(required = true) String bit,
        @JsonProperty(required = true) String label,
        @JsonProperty(required = true) String expectation,
        @JsonProperty(required = true) String guidance,
        @JsonProperty(required = true) List<String> sources,
        @JsonProperty(required = true) Confidence confidence)
        implements Cited {

    /** Returns the bit's numeric value. */
    public long value() {
        return Long.parseLong(bit.substring(2), 16);
    }

    /** Returns the expectation as an enum; throws for an unknown name. */
    public FlagMeaning.Expectation expectationValue() {
        return FlagMeaning.Expectation.valueOf(
                expectation.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    @Override
    public String describe() {
        return "flag " + bit;
    }
}
