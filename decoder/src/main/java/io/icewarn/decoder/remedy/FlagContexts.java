package io.icewarn.decoder.remedy;

import io.icewarn.decoder.kb.ContextEntry;
import io.icewarn.decoder.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@code contexts} of {@code iceflags.json}, compiled once: which context, if any, decides how a bit
 * is judged in a situation. Immutable and thread-safe. Internal to the decoder.
 */
public final class FlagContexts {
    /** One context: the bits it covers (all when {@code every}) and when it applies. */
    private record Compiled(boolean every, long bits, Predicate<Situation> when, ContextEntry entry) {}

    private static final FlagContexts NONE = new FlagContexts(List.of());

    private final List<Compiled> rows;

    private FlagContexts(List<Compiled> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * Returns the contexts of {@code kb}.
     *
     * @throws IllegalStateException when a context names a malformed bit or an unknown fact
     */
    public static FlagContexts of(KnowledgeBase kb) {
        List<Compiled> rows = new ArrayList<>();
        for (ContextEntry c : kb.contexts()) {
            rows.add(new Compiled(
                    c.bits() == null,
                    c.bits() == null ? 0 : RuleEngine.mask(c.bits()),
                    RuleEngine.matcher(c.when()),
                    c));
        }
        return new FlagContexts(rows);
    }

    /** Returns contexts that never apply: every bit is judged as the Resource Kit judges it. */
    public static FlagContexts none() {
        return NONE;
    }

    /** Returns the first context that covers {@code bit} and applies to {@code s}, if any. */
    public Optional<ContextEntry> context(Situation s, long bit) {
        for (Compiled c : rows) {
            if ((c.every() || (c.bits() & bit) != 0) && c.when().test(s)) {
                return Optional.of(c.entry());
            }
        }
        return Optional.empty();
    }
}
