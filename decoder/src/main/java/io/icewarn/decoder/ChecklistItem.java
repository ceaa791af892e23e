package io.icewarn.decoder;

import java.util.List;

/**
 * One remediation step, or one remark (a note from a rule, never numbered as a step).
 *
 * @param ruleId the rule that produced it (stable, for feedback counting)
 * @param text what to check or do
 * @param sources citation keys: its own and those of the steps merged into it
 * @param confidence how well the advice is backed; {@link Confidence#INFERRED} items are hints
 * @param merged the steps that say the same thing (same topic) and were folded into this one, each with its
 *     own text and sources; empty for most steps
 */
public record ChecklistItem(
        String ruleId, String text, List<String> sources, Confidence confidence, List<ChecklistItem> merged) {
    public ChecklistItem {
        sources = List.copyOf(sources);
        merged = List.copyOf(merged);
    }

    /** Returns a step that has nothing merged into it. */
    public ChecklistItem(String ruleId, String text, List<String> sources, Confidence confidence) {
        this(ruleId, text, sources, confidence, List.of());
    }
}
