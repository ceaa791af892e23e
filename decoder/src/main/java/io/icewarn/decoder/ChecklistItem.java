package io.icewarn.decoder;

import java.util.List;

/**
 * One remediation step.
 *
 * @param ruleId the rule that produced it (stable, for feedback counting)
 * @param text what to check or do
 * @param sources citation keys
 * @param confidence how well the advice is backed; {@link Confidence#INFERRED} items are hints
 */
public record ChecklistItem(String ruleId, String text, List<String> sources, Confidence confidence) {
    public ChecklistItem {
        sources = List.copyOf(sources);
    }
}
