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
import java.util.IdentityHashMap;
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
    /** Each rule's text split once into literal parts and lower-case placeholder names, in rule order. */
    private final List<Template> templates;
    /** The flag masks of every condition (nested ones too), parsed once: any, all, none. */
    private final Map<Condition, long[]> masks = new IdentityHashMap<>();

    /** Returns an engine over the rules of {@code kb}, sorted by priority (file order breaks ties). */
    public RuleEngine(KnowledgeBase kb) {
        List<RuleEntry> sorted = new ArrayList<>(kb.rules());
        sorted.sort(Comparator.comparingInt(RuleEntry::priority));
        this.rules = List.copyOf(sorted);
        List<Template> compiled = new ArrayList<>(rules.size());
        for (RuleEntry rule : rules) {
            compiled.add(Template.of(rule.text()));
            precomputeMasks(rule.when(), masks);
        }
        this.templates = List.copyOf(compiled);
    }

    private static void precomputeMasks(Condition c, Map<Condition, long[]> into) {
        if (c == null) {
            return;
        }
        into.put(c, new long[] {
            c.flagsAny() == null ? 0 : mask(c.flagsAny()),
            c.flagsAll() == null ? 0 : mask(c.flagsAll()),
            c.flagsNone() == null ? 0 : mask(c.flagsNone())
        });
        if (c.anyOf() != null) {
            c.anyOf().forEach(n -> precomputeMasks(n, into));
        }
    }

    /** Returns the checklist for {@code situation} judged as {@code severity}, most likely cause first. */
    public List<ChecklistItem> checklist(Situation situation, Severity severity) {
        Map<String, String> values = placeholderValues(situation);
        List<ChecklistItem> items = new ArrayList<>();
        Set<String> seenText = new HashSet<>();
        for (int r = 0; r < rules.size(); r++) {
            RuleEntry rule = rules.get(r);
            if (!matches(rule.when(), situation, severity, masks)) {
                continue;
            }
            Optional<String> text = templates.get(r).fill(values);
            if (text.isEmpty() || !seenText.add(text.get())) {
                continue;
            }
            items.add(new ChecklistItem(rule.id(), text.get(), rule.sources(), rule.confidence()));
        }
        return items;
    }

    /** Returns true when every property set in {@code c} holds for {@code s}. */
    static boolean matches(Condition c, Situation s, Severity severity) {
        return matches(c, s, severity, Map.of());
    }

    /** As {@link #matches(Condition, Situation, Severity)}, with flag masks taken from {@code masks} when there. */
    private static boolean matches(Condition c, Situation s, Severity severity, Map<Condition, long[]> masks) {
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
        long[] m = masks.get(c);
        if (c.flagsAny() != null && (!hasFlags || (flags & (m != null ? m[0] : mask(c.flagsAny()))) == 0)) {
            return false;
        }
        if (c.flagsAll() != null) {
            long all = m != null ? m[1] : mask(c.flagsAll());
            if (!hasFlags || (flags & all) != all) {
                return false;
            }
        }
        if (c.flagsNone() != null && (flags & (m != null ? m[2] : mask(c.flagsNone()))) != 0) {
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
        return c.anyOf() == null || c.anyOf().stream().anyMatch(n -> matches(n, s, severity, masks));
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
        return Template.of(template).fill(values);
    }

    /**
     * A rule text parsed once: literal parts and placeholder names (lower case) alternate, starting and
     * ending with a literal. Same result as filling the text character by character.
     */
    private record Template(String[] literals, String[] keys) {
        static Template of(String template) {
            List<String> literals = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            StringBuilder lit = new StringBuilder();
            int i = 0;
            while (i < template.length()) {
                char ch = template.charAt(i);
                int close = ch == '{' ? template.indexOf('}', i + 1) : -1;
                if (close < 0) {
                    lit.append(ch);
                    i++;
                    continue;
                }
                literals.add(lit.toString());
                lit.setLength(0);
                keys.add(template.substring(i + 1, close).toLowerCase(Locale.ROOT));
                i = close + 1;
            }
            literals.add(lit.toString());
            return new Template(literals.toArray(new String[0]), keys.toArray(new String[0]));
        }

        Optional<String> fill(Map<String, String> values) {
            if (keys.length == 0) {
                return Optional.of(literals[0]);
            }
            StringBuilder out = new StringBuilder(literals[0].length() + 64);
            out.append(literals[0]);
            for (int k = 0; k < keys.length; k++) {
                String value = values.get(keys[k]);
                if (value == null) {
                    return Optional.empty();
                }
                out.append(value).append(literals[k + 1]);
            }
            return Optional.of(out.toString());
        }
    }
}
