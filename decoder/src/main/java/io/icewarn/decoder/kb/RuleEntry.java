package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code rules.json}: a remediation step and when it applies.
 *
 * @param id stable identifier (feedback is counted per id)
 * @param priority lower comes first in the checklist; ties keep file order
 * @param when the condition; every property set in it must hold
 * @param text the step; {@code {Key}} is replaced by the diagnostic's field or derived value of that name
 */
public record RuleEntry(
        String id, int priority, Condition when, String text, List<String> sources, Confidence confidence)
        implements Cited {

    /**
     * When a rule applies. Every non-null property must hold (AND); list properties hold when any
     * listed value matches (OR within the list), except {@code flagsAll} and {@code facts}.
     *
     * @param headers canonical header names
     * @param codes diagnostic IDs
     * @param families code families from {@code codes.json}
     * @param media media labels or kinds ({@code av}, {@code sharing})
     * @param flagsAny ICEWarn bits of which at least one is set
     * @param flagsAll ICEWarn bits that are all set
     * @param flagsNone ICEWarn bits none of which is set
     * @param facts derived facts that must all hold (see {@code Fact})
     * @param notFacts derived facts none of which may hold
     * @param severities severities ({@code failure}, …)
     * @param reasonPhrases ids from {@code phrases.json} of which at least one matches the pasted reason
     *     or SIP status
     * @param anyOf nested conditions of which at least one holds
     */
    public record Condition(
            List<String> headers,
            List<Integer> codes,
            List<String> families,
            List<String> media,
            List<String> flagsAny,
            List<String> flagsAll,
            List<String> flagsNone,
            List<String> facts,
            List<String> notFacts,
            List<String> severities,
            List<String> reasonPhrases,
            List<Condition> anyOf) {}

    @Override
    public String describe() {
        return "rule " + id;
    }
}
