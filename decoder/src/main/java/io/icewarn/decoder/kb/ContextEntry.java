package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code contexts} in {@code iceflags.json}: how ICEWarn bits are judged in a particular
 * situation, overriding the Resource Kit's judgement of {@code flags} (0x200 is expected in general, but
 * a problem on a failed TCP-only call). The first row that matches a bit wins.
 *
 * @param bits the bits it applies to, written as hex; null for every bit
 * @param when the situation; the same condition language as rules, without {@code severities} (the
 *     severity is worked out from the judged bits)
 * @param expectation how the bits are judged there ({@code problem}, {@code informational}, …)
 * @param guidance what the bits mean there
 * @param cause the bits as the cause of a failure, in a few words, or null
 * @param causeRank how strongly the cause explains a failure, 1 strongest; null when there is no cause
 */
public record ContextEntry(
        List<String> bits,
        RuleEntry.Condition when,
        String expectation,
        String guidance,
        String cause,
        Integer causeRank,
        List<String> sources,
        Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return "flag context " + (bits == null ? "(every bit)" : String.join(",", bits));
    }
}
