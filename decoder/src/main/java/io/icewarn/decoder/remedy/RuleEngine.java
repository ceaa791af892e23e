package io.icewarn.decoder.remedy;

import io.icewarn.decoder.ChecklistItem;
import io.icewarn.decoder.Severity;
import io.icewarn.decoder.kb.KnowledgeBase;
import io.icewarn.decoder.kb.MediaEntry;
import io.icewarn.decoder.kb.PhraseEntry;
import io.icewarn.decoder.kb.RuleEntry;
import io.icewarn.decoder.kb.RuleEntry.Condition;
import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.TeamsDiagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns the rules of {@code rules.json} into an ordered, de-duplicated checklist for one diagnostic.
 * Stateless and thread-safe. Internal to the decoder.
 */
public final class RuleEngine {
    private final List<RuleEntry> rules;
    /** Each rule's text split once into literal parts and lower-case placeholder names, in rule order. */
    private final List<Template> templates;
    /** Each rule's condition with its flags, facts and severities resolved once, in rule order. */
    private final List<Test> tests;

    /**
     * Returns an engine over the rules of {@code kb}, sorted by priority (file order breaks ties).
     *
     * @throws IllegalStateException when a rule names an unknown fact or a malformed flag
     */
    public RuleEngine(KnowledgeBase kb) {
        List<RuleEntry> sorted = new ArrayList<>(kb.rules());
        sorted.addAll(kb.teams().rules());
        sorted.sort(Comparator.comparingInt(RuleEntry::priority));
        this.rules = List.copyOf(sorted);
        List<Template> compiled = new ArrayList<>(rules.size());
        List<Test> conditions = new ArrayList<>(rules.size());
        for (RuleEntry rule : rules) {
            compiled.add(Template.of(rule.text()));
            conditions.add(Test.of(rule.when()));
        }
        this.templates = List.copyOf(compiled);
        this.tests = List.copyOf(conditions);
    }

    /**
     * The checklist of one diagnostic.
     *
     * @param steps the steps, most likely cause first; rules on the same topic are merged into the first
     * @param remarks the remarks of the rules that are notes, in order
     */
    public record Checklist(List<ChecklistItem> steps, List<ChecklistItem> remarks) {
        public Checklist {
            steps = List.copyOf(steps);
            remarks = List.copyOf(remarks);
        }
    }

    /** Returns the checklist for {@code situation} judged as {@code severity}, most likely cause first. */
    public Checklist checklist(Situation situation, Severity severity) {
        Judged judged = new Judged(situation, severity);
        Map<String, String> values = null;
        List<Step> steps = new ArrayList<>();
        Map<String, Step> byTopic = new HashMap<>();
        List<ChecklistItem> remarks = new ArrayList<>();
        Set<String> seenText = new HashSet<>();
        for (int r = 0; r < rules.size(); r++) {
            if (!tests.get(r).holds(judged)) {
                continue;
            }
            Template template = templates.get(r);
            if (values == null && template.keys().length > 0) {
                values = placeholderValues(situation);
            }
            RuleEntry rule = rules.get(r);
            Optional<String> text = template.fill(template.uses(FLAGS) ? withFlags(values, r, judged) : values);
            if (text.isEmpty() || !seenText.add(text.get())) {
                continue;
            }
            ChecklistItem item = new ChecklistItem(rule.id(), text.get(), rule.sources(), rule.confidence());
            if (rule.note()) {
                remarks.add(item);
                continue;
            }
            Step same = rule.topic() == null ? null : byTopic.get(rule.topic());
            if (same != null) {
                same.merged.add(item);
                continue;
            }
            Step step = new Step(item);
            steps.add(step);
            if (rule.topic() != null) {
                byTopic.put(rule.topic(), step);
            }
        }
        List<ChecklistItem> items = new ArrayList<>(steps.size());
        steps.forEach(s -> items.add(s.item()));
        return new Checklist(items, remarks);
    }

    /** The placeholder a rule text uses for the bits of its condition that are set. */
    private static final String FLAGS = "flags";

    /** Returns {@code values} with {@code {flags}}: the bits of rule {@code r}'s condition that are set. */
    private Map<String, String> withFlags(Map<String, String> values, int r, Judged judged) {
        long named = tests.get(r).any() | tests.get(r).all();
        long set = named & judged.flags;
        Map<String, String> v = new HashMap<>(values);
        if (judged.hasFlags && set != 0) {
            List<String> bits = new ArrayList<>();
            for (long rest = set; rest != 0; rest &= rest - 1) {
                bits.add(IceWarn.hex(Long.lowestOneBit(rest)));
            }
            v.put(FLAGS, String.join(" and ", bits));
        }
        return v;
    }

    /** A step being built: the first rule of its topic and the rules merged into it. */
    private static final class Step {
        final ChecklistItem first;
        final List<ChecklistItem> merged = new ArrayList<>();

        Step(ChecklistItem first) {
            this.first = first;
        }

        ChecklistItem item() {
            if (merged.isEmpty()) {
                return first;
            }
            Set<String> sources = new LinkedHashSet<>(first.sources());
            merged.forEach(m -> sources.addAll(m.sources()));
            return new ChecklistItem(
                    first.ruleId(), first.text(), List.copyOf(sources), first.confidence(), List.copyOf(merged));
        }
    }

    /**
     * Returns a test of {@code condition} on its own, as contexts use it: without a severity, so the
     * condition must not name severities.
     *
     * @throws IllegalStateException when the condition names severities, an unknown fact or a bad flag
     */
    static Predicate<Situation> matcher(Condition condition) {
        if (condition != null && condition.severities() != null) {
            throw new IllegalStateException("a flag context cannot depend on the severity");
        }
        Test test = Test.of(condition);
        return s -> test.holds(new Judged(s, null));
    }

    /** The situation a checklist is built for, with what the tests look up more than once worked out once. */
    private static final class Judged {
        final Situation situation;
        final Severity severity;
        final String header;
        final boolean hasFlags;
        final long flags;
        /** Per fact ordinal: 0 not yet asked, 1 holds, 2 does not hold. */
        private final byte[] facts = new byte[FACTS.length];

        Judged(Situation situation, Severity severity) {
            this.situation = situation;
            this.severity = severity;
            this.header = situation.diagnostic().header();
            this.hasFlags = situation.iceWarn().isPresent();
            this.flags = hasFlags ? situation.iceWarn().get().value() : 0L;
        }

        boolean holds(Fact fact) {
            byte known = facts[fact.ordinal()];
            if (known == 0) {
                known = fact.holds(situation) ? (byte) 1 : (byte) 2;
                facts[fact.ordinal()] = known;
            }
            return known == 1;
        }
    }

    private static final Fact[] FACTS = Fact.values();

    /** The longest pasted reason a step quotes whole. */
    private static final int MAX_QUOTED_REASON = 120;

    /**
     * A {@link Condition} resolved once: each list property becomes an array (null when the property is
     * absent), flag lists become masks, fact names become facts. Holds exactly when every property set in
     * the condition holds.
     */
    private record Test(
            String[] headers,
            int[] codes,
            String[] families,
            String[] media,
            boolean hasAny,
            long any,
            boolean hasAll,
            long all,
            long none,
            Fact[] facts,
            Fact[] notFacts,
            boolean[] severities,
            String[] reasonPhrases,
            Test[] anyOf) {

        static Test of(Condition c) {
            if (c == null) {
                return new Test(null, null, null, null, false, 0, false, 0, 0, null, null, null, null, null);
            }
            boolean[] severities = null;
            if (c.severities() != null) {
                severities = new boolean[Severity.values().length];
                for (Severity s : Severity.values()) {
                    severities[s.ordinal()] = c.severities().contains(s.label());
                }
            }
            return new Test(
                    c.headers() == null ? null : c.headers().toArray(new String[0]),
                    c.codes() == null
                            ? null
                            : c.codes().stream().mapToInt(Integer::intValue).toArray(),
                    c.families() == null ? null : c.families().toArray(new String[0]),
                    c.media() == null ? null : c.media().toArray(new String[0]),
                    c.flagsAny() != null,
                    c.flagsAny() == null ? 0 : mask(c.flagsAny()),
                    c.flagsAll() != null,
                    c.flagsAll() == null ? 0 : mask(c.flagsAll()),
                    c.flagsNone() == null ? 0 : mask(c.flagsNone()),
                    c.facts() == null
                            ? null
                            : c.facts().stream().map(RuleEngine::fact).toArray(Fact[]::new),
                    c.notFacts() == null
                            ? null
                            : c.notFacts().stream().map(RuleEngine::fact).toArray(Fact[]::new),
                    severities,
                    c.reasonPhrases() == null ? null : c.reasonPhrases().toArray(new String[0]),
                    c.anyOf() == null ? null : c.anyOf().stream().map(Test::of).toArray(Test[]::new));
        }

        boolean holds(Judged j) {
            Situation s = j.situation;
            if (headers != null && !containsIgnoringCase(headers, j.header)) {
                return false;
            }
            if (codes != null && !hasCode(s, headers != null)) {
                return false;
            }
            if (families != null
                    && !(s.code().isPresent()
                            && contains(families, s.code().get().family()))) {
                return false;
            }
            if (media != null && !mediaMatches(media, s)) {
                return false;
            }
            if (hasAny && (!j.hasFlags || (j.flags & any) == 0)) {
                return false;
            }
            if (hasAll && (!j.hasFlags || (j.flags & all) != all)) {
                return false;
            }
            if ((j.flags & none) != 0) {
                return false;
            }
            if (facts != null) {
                for (Fact f : facts) {
                    if (!j.holds(f)) {
                        return false;
                    }
                }
            }
            if (notFacts != null) {
                for (Fact f : notFacts) {
                    if (j.holds(f)) {
                        return false;
                    }
                }
            }
            if (severities != null && !severities[j.severity.ordinal()]) {
                return false;
            }
            if (reasonPhrases != null && !phraseMatched(reasonPhrases, s)) {
                return false;
            }
            if (anyOf == null) {
                return true;
            }
            for (Test t : anyOf) {
                if (t.holds(j)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Returns true when the diagnostic's ID is one of the codes; a rule that names no header speaks of
         * Lync IDs only, never of the codes of another namespace (a Teams code, a Q.850 cause).
         */
        private boolean hasCode(Situation s, boolean headed) {
            if (s.diagnostic().code().isEmpty() || (!headed && s.diagnostic() instanceof TeamsDiagnostic)) {
                return false;
            }
            int code = s.diagnostic().code().getAsInt();
            for (int c : codes) {
                if (c == code) {
                    return true;
                }
            }
            return false;
        }

        private static boolean phraseMatched(String[] wanted, Situation s) {
            for (PhraseEntry p : s.phrases()) {
                if (contains(wanted, p.id())) {
                    return true;
                }
            }
            return false;
        }

        private static boolean contains(String[] values, String value) {
            for (String v : values) {
                if (v.equals(value)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean containsIgnoringCase(String[] values, String value) {
            for (String v : values) {
                if (v.equalsIgnoreCase(value)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean mediaMatches(String[] wanted, Situation s) {
            String label =
                    s.diagnostic() instanceof ClientDiagnostic cd ? cd.media().orElse(null) : null;
            String kind = s.media().map(MediaEntry::kind).orElse(null);
            for (String w : wanted) {
                if ((label != null && label.equalsIgnoreCase(w)) || (kind != null && kind.equalsIgnoreCase(w))) {
                    return true;
                }
            }
            return false;
        }
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

    /** Returns the final SIP code of a Teams diagnostic: as pasted, else the ZZZ of an SBC's 560ZZZ. */
    private static OptionalInt sipCode(Situation s) {
        if (!(s.diagnostic() instanceof TeamsDiagnostic t)) {
            return OptionalInt.empty();
        }
        if (t.sipCode().isPresent() || t.microsoftCode().isEmpty()) {
            return t.sipCode();
        }
        return s.kb().teams()
                .structure()
                .read(t.microsoftCode().getAsInt())
                .map(r -> TeamsEntries.sipCodeOf(r, OptionalInt.empty()))
                .orElse(OptionalInt.empty());
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
        if (s.diagnostic() instanceof ClientDiagnostic cd) {
            cd.media().ifPresent(m -> v.put("media", m));
        }
        s.diagnostic().code().ifPresent(c -> {
            v.put("code", Integer.toString(c));
            s.kb().range(s.diagnostic().header(), c).ifPresent(r -> {
                v.put("area", r.area());
                v.put("range", r.from() + "\u2013" + r.to());
            });
        });
        s.diagnostic()
                .reason()
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .ifPresent(r -> v.put("reason", shortened(r)));
        s.diagnostic().sipStatus().ifPresent(st -> v.put("sipstatus", Integer.toString(st)));
        sipCode(s).ifPresent(c -> v.put("sipcode", Integer.toString(c)));
        return v;
    }

    /** Returns {@code reason}, cut to a length a checklist step can quote. */
    private static String shortened(String reason) {
        return reason.length() <= MAX_QUOTED_REASON ? reason : reason.substring(0, MAX_QUOTED_REASON - 1) + "\u2026";
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

        /** Returns true when the text has the placeholder {@code key} (lower case). */
        boolean uses(String key) {
            for (String k : keys) {
                if (k.equals(key)) {
                    return true;
                }
            }
            return false;
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
