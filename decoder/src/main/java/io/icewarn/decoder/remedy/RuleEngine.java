package io.icewarn.decoder.remedy;

import io.icewarn.decoder.ChecklistItem;
import io.icewarn.decoder.Severity;
import io.icewarn.decoder.kb.KnowledgeBase;
import io.icewarn.decoder.kb.RuleEntry;
import io.icewarn.decoder.kb.RuleEntry.Condition;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.IceWarn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the rules of {@code rules.json} into an ordered, de-duplicated checklist for one diagnostic.
 * Stateless and thread-safe. Internal to the decoder.
 */
public final class RuleEngine {
    private final List<RuleEntry> rules;

    /** Returns an engine over the rules of {@code kb}, sorted by priority (file order breaks ties). */
    public RuleEngine(KnowledgeBase kb) {
        List<RuleEntry> sorted = new ArrayList<>(kb.rules());
        sorted.sort(Comparator.comparingInt(RuleEntry::priority));
        this.rules = List.copyOf(sorted);
    }

    /** Returns the checklist for {@code situation} judged as {@code severity}, most likely cause first. */
    public List<ChecklistItem> checklist(Situation situation, Severity severity) {
        Map<String, String> values = placeholderValues(situation);
        List<ChecklistItem> items = new ArrayList<>();
        Set<String> seenText = new HashSet<>();
        for (RuleEntry rule : rules) {
            if (!matches(rule.when(), situation, severity)) {
                continue;
            }
            Optional<String> text = fill(rule.text(), values);
            if (text.isEmpty() || !seenText.add(text.get())) {
                continue;
            }
            items.add(new ChecklistItem(rule.id(), text.get(), rule.sources(), rule.confidence()));
        }
        return items;
    }

    /** Returns true when every property set in {@code c} holds for {@code s}. */
    static boolean matches(Condition c, Situation s, Severity severity) {
        if (c == null) {
            return true;
        }
        if (c.headers() != null
                && c.headers().stream()
                        .noneMatch(h -> h.equalsIgnoreCase(s.diagnostic().header()))) {
            return false;
        }
        if (c.codes() != null
                && (s.diagnostic().code().isEmpty()
                        || !c.codes().contains(s.diagnostic().code().getAsInt()))) {
            return false;
        }
        if (c.families() != null
                && s.family().filter(f -> c.families().contains(f)).isEmpty()) {
            return false;
        }
        if (c.media() != null && !mediaMatches(c.media(), s)) {
            return false;
        }
        long flags = s.iceWarn().map(IceWarn::value).orElse(0L);
        boolean hasFlags = s.iceWarn().isPresent();
        if (c.flagsAny() != null && (!hasFlags || (flags & mask(c.flagsAny())) == 0)) {
            return false;
        }
        if (c.flagsAll() != null) {
            long all = mask(c.flagsAll());
            if (!hasFlags || (flags & all) != all) {
                return false;
            }
        }
        if (c.flagsNone() != null && (flags & mask(c.flagsNone())) != 0) {
            return false;
        }
        if (c.facts() != null && !c.facts().stream().allMatch(f -> fact(f).holds(s))) {
            return false;
        }
        if (c.notFacts() != null && c.notFacts().stream().anyMatch(f -> fact(f).holds(s))) {
            return false;
        }
        if (c.severities() != null && !c.severities().contains(severity.label())) {
            return false;
        }
        return c.anyOf() == null || c.anyOf().stream().anyMatch(n -> matches(n, s, severity));
    }

    private static boolean mediaMatches(List<String> wanted, Situation s) {
        Optional<String> label =
                s.diagnostic() instanceof io.icewarn.decoder.model.ClientDiagnostic cd ? cd.media() : Optional.empty();
        Optional<String> kind = s.media().map(m -> m.kind());
        for (String w : wanted) {
            if (label.filter(l -> l.equalsIgnoreCase(w)).isPresent()
                    || kind.filter(k -> k.equalsIgnoreCase(w)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Fact fact(String id) {
        return Fact.byId(id).orElseThrow(() -> new IllegalStateException("rules.json names unknown fact " + id));
    }

    /** Returns the OR of the hex bits in {@code bits}. */
    static long mask(List<String> bits) {
        long m = 0;
        for (String b : bits) {
            m |= IceWarn.parse(b)
                    .orElseThrow(() -> new IllegalStateException("rules.json has a bad flag " + b))
                    .value();
        }
        return m;
    }

    private static Map<String, String> placeholderValues(Situation s) {
        Map<String, String> v = new HashMap<>();
        for (Field f : s.diagnostic().fields().entries()) {
            if (!f.value().isBlank()) {
                v.putIfAbsent(f.key().toLowerCase(Locale.ROOT), f.value().strip());
            }
        }
        s.info().portRange().ifPresent(r -> v.put("portrangesize", Integer.toString(r.size())));
        s.media().ifPresent(m -> v.put("minports", Integer.toString(m.minPorts())));
        if (s.diagnostic() instanceof io.icewarn.decoder.model.ClientDiagnostic cd) {
            cd.media().ifPresent(m -> v.put("media", m));
        }
        s.diagnostic().code().ifPresent(c -> v.put("code", Integer.toString(c)));
        return v;
    }

    /** Returns {@code template} with every {@code {Name}} replaced; empty when a value is missing. */
    static Optional<String> fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            int close = ch == '{' ? template.indexOf('}', i + 1) : -1;
            if (close < 0) {
                out.append(ch);
                i++;
                continue;
            }
            String value = values.get(template.substring(i + 1, close).toLowerCase(Locale.ROOT));
            if (value == null) {
                return Optional.empty();
            }
            out.append(value);
            i = close + 1;
        }
        return Optional.of(out.toString());
    }
}
