package io.icewarn.decoder.kb;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The Teams Direct Routing part of the knowledge base: the Microsoft response codes and their structure
 * ({@code teams-codes.json}), SIP response codes ({@code sip-codes.json}), Q.850 causes ({@code q850.json}),
 * the rules of this family ({@code teams-rules.json}) and the sources they cite ({@code teams-sources.json}).
 * Its codes live in their own namespace: nothing here is looked up under a Lync header, and no Lync ID is
 * looked up here. Immutable and thread-safe.
 */
public final class TeamsKnowledge {
    static final List<String> FILES =
            List.of("teams-codes.json", "sip-codes.json", "q850.json", "teams-rules.json", "teams-sources.json");

    private final TeamsStructure structure;
    private final List<TeamsCodeEntry> codes;
    private final Map<Integer, List<TeamsCodeEntry>> byCode;
    /** Each row's {@link #phraseKey}, made once: a lookup by phrase compares keys only. */
    private final Map<TeamsCodeEntry, String> phraseKeys;

    private final Map<String, List<TeamsCodeEntry>> byPhrase;
    private final List<SipCodeEntry> sipCodes;
    private final Map<Integer, SipCodeEntry> sipByCode;
    private final List<Q850Entry> causes;
    private final Map<Integer, Q850Entry> causeByValue;
    private final List<FieldEntry> fields;
    private final Map<String, FieldEntry> fieldByName;
    private final List<RuleEntry> rules;
    private final List<SourceEntry> sources;
    private final Map<String, SourceEntry> sourceByKey;

    private TeamsKnowledge(
            TeamsStructure structure,
            List<TeamsCodeEntry> codes,
            List<FieldEntry> fields,
            List<SipCodeEntry> sipCodes,
            List<Q850Entry> causes,
            List<RuleEntry> rules,
            List<SourceEntry> sources) {
        this.structure = structure;
        this.codes = List.copyOf(codes);
        Map<Integer, List<TeamsCodeEntry>> rows = new LinkedHashMap<>();
        for (TeamsCodeEntry e : this.codes) {
            rows.computeIfAbsent(e.code(), c -> new ArrayList<>()).add(e);
        }
        Map<Integer, List<TeamsCodeEntry>> frozen = new HashMap<>();
        rows.forEach((code, list) -> frozen.put(code, List.copyOf(list)));
        this.byCode = Map.copyOf(frozen);
        Map<TeamsCodeEntry, String> keys = new IdentityHashMap<>();
        Map<String, List<TeamsCodeEntry>> phrases = new LinkedHashMap<>();
        for (TeamsCodeEntry e : this.codes) {
            String key = phraseKey(e.phrase());
            keys.put(e, key);
            phrases.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        this.phraseKeys = Collections.unmodifiableMap(keys);
        Map<String, List<TeamsCodeEntry>> frozenPhrases = new HashMap<>();
        phrases.forEach((key, list) -> frozenPhrases.put(key, List.copyOf(list)));
        this.byPhrase = Map.copyOf(frozenPhrases);
        this.sipCodes = List.copyOf(sipCodes);
        Map<Integer, SipCodeEntry> sip = new HashMap<>();
        this.sipCodes.forEach(e -> sip.putIfAbsent(e.code(), e));
        this.sipByCode = Map.copyOf(sip);
        this.causes = List.copyOf(causes);
        Map<Integer, Q850Entry> cause = new HashMap<>();
        this.causes.forEach(e -> cause.putIfAbsent(e.cause(), e));
        this.causeByValue = Map.copyOf(cause);
        this.fields = List.copyOf(fields);
        Map<String, FieldEntry> byName = new HashMap<>();
        this.fields.forEach(f -> byName.putIfAbsent(fieldName(f.key()), f));
        this.fieldByName = Map.copyOf(byName);
        this.rules = List.copyOf(rules);
        this.sources = List.copyOf(sources);
        Map<String, SourceEntry> byKey = new LinkedHashMap<>();
        this.sources.forEach(s -> byKey.putIfAbsent(s.key(), s));
        this.sourceByKey = Collections.unmodifiableMap(byKey);
    }

    /** Reads the Teams files with {@code files}, strictly, like the rest of the knowledge base. */
    static TeamsKnowledge load(Function<String, InputStream> files) {
        JsonObject teams = KnowledgeBase.read(files, "teams-codes.json");
        JsonObject sip = KnowledgeBase.read(files, "sip-codes.json");
        JsonObject q850 = KnowledgeBase.read(files, "q850.json");
        JsonObject rules = KnowledgeBase.read(files, "teams-rules.json");
        JsonObject sources = KnowledgeBase.read(files, "teams-sources.json");
        TeamsStructure structure = teams.object("structure", TeamsKnowledge::structure);
        List<TeamsCodeEntry> codes = teams.objects("codes", TeamsKnowledge::code);
        return new TeamsKnowledge(
                structure,
                codes,
                teams.end(teams.objects("fields", KnowledgeBase::field)),
                sip.end(sip.objects("codes", TeamsKnowledge::sipCode)),
                q850.end(q850.objects("causes", TeamsKnowledge::cause)),
                rules.end(rules.objects("rules", KnowledgeBase::rule)),
                sources.end(sources.objects("sources", KnowledgeBase::source)));
    }

    private static TeamsStructure structure(JsonObject o) {
        return o.end(new TeamsStructure(
                o.integer("length"),
                o.integer("leading"),
                o.text("meaning"),
                o.objects("modules", TeamsKnowledge::module),
                o.object("otherModules", TeamsKnowledge::module),
                o.text("unknown"),
                o.texts("sources"),
                o.confidence()));
    }

    private static TeamsStructure.Module module(JsonObject o) {
        return o.end(new TeamsStructure.Module(
                o.optionalInteger("digit"),
                o.optionalInteger("source"),
                o.text("origin"),
                o.text("meaning"),
                o.text("detail")));
    }

    private static TeamsCodeEntry code(JsonObject o) {
        return o.end(new TeamsCodeEntry(
                o.integer("code"),
                o.integer("sip"),
                o.text("phrase"),
                o.text("meaning"),
                o.optionalText("family"),
                o.text("severity"),
                o.texts("sources"),
                o.confidence()));
    }

    private static SipCodeEntry sipCode(JsonObject o) {
        return o.end(new SipCodeEntry(
                o.integer("code"),
                o.text("phrase"),
                o.text("meaning"),
                o.optionalText("family"),
                o.text("severity"),
                o.texts("sources"),
                o.confidence()));
    }

    private static Q850Entry cause(JsonObject o) {
        return o.end(new Q850Entry(
                o.integer("cause"),
                o.text("name"),
                o.optionalInteger("sip"),
                o.text("meaning"),
                o.text("family"),
                o.text("severity"),
                o.texts("sources"),
                o.confidence()));
    }

    /** Returns the structure of a Microsoft response code. */
    public TeamsStructure structure() {
        return structure;
    }

    /** Returns every documented row, in file order. */
    public List<TeamsCodeEntry> codes() {
        return codes;
    }

    /** Returns the documented rows of {@code code}, in file order; empty when no source lists it. */
    public List<TeamsCodeEntry> rows(int code) {
        return byCode.getOrDefault(code, List.of());
    }

    /**
     * Returns the row of {@code code} that fits best what was pasted with it: the SIP code first, then the
     * phrase (equal ignoring case, spaces and a final full stop, else one containing the other); empty when no
     * source lists the code.
     */
    public Optional<Match> match(int code, OptionalInt sip, Optional<String> phrase) {
        List<TeamsCodeEntry> rows = rows(code);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<TeamsCodeEntry> candidates = rows;
        boolean sipMatches = false;
        if (sip.isPresent()) {
            List<TeamsCodeEntry> same = new ArrayList<>();
            for (TeamsCodeEntry e : rows) {
                if (e.sip() == sip.getAsInt()) {
                    same.add(e);
                }
            }
            if (!same.isEmpty()) {
                candidates = same;
                sipMatches = true;
            }
        }
        String pasted = phrase.map(TeamsKnowledge::phraseKey).orElse("");
        if (!pasted.isEmpty()) {
            for (TeamsCodeEntry e : candidates) {
                if (phraseKeys.get(e).equals(pasted)) {
                    return Optional.of(new Match(e, sipMatches, true));
                }
            }
            for (TeamsCodeEntry e : candidates) {
                String documented = phraseKeys.get(e);
                if (pasted.contains(documented) || documented.contains(pasted)) {
                    return Optional.of(new Match(e, sipMatches, true));
                }
            }
        }
        return Optional.of(new Match(candidates.get(0), sipMatches, false));
    }

    /**
     * Returns the documented rows whose phrase is {@code phrase} (ignoring case, spaces and a final full stop),
     * those with SIP code {@code sip} first; for the free text Teams writes into a Q.850 Reason header.
     */
    public List<TeamsCodeEntry> rowsWithPhrase(String phrase, OptionalInt sip) {
        String key = phraseKey(phrase);
        List<TeamsCodeEntry> same = key.isEmpty() ? List.of() : byPhrase.getOrDefault(key, List.of());
        if (same.size() < 2 || sip.isEmpty()) {
            return same;
        }
        List<TeamsCodeEntry> found = new ArrayList<>(same);
        found.sort((a, b) -> Boolean.compare(b.sip() == sip.getAsInt(), a.sip() == sip.getAsInt()));
        return List.copyOf(found);
    }

    /**
     * A documented row chosen for a pasted code.
     *
     * @param entry the row
     * @param sipMatches true when the pasted SIP code is the row's
     * @param phraseMatches true when the pasted phrase is the row's
     */
    public record Match(TeamsCodeEntry entry, boolean sipMatches, boolean phraseMatches) {}

    /** Returns the SIP response code {@code code}, if a source defines it. */
    public Optional<SipCodeEntry> sip(int code) {
        return Optional.ofNullable(sipByCode.get(code));
    }

    /** Returns every SIP response code, in file order. */
    public List<SipCodeEntry> sipCodes() {
        return sipCodes;
    }

    /** Returns Q.850 cause {@code cause}, if known. */
    public Optional<Q850Entry> q850(int cause) {
        return Optional.ofNullable(causeByValue.get(cause));
    }

    /** Returns every Q.850 cause, in file order. */
    public List<Q850Entry> q850Causes() {
        return causes;
    }

    /**
     * Returns the meaning of the field {@code key} of a Teams diagnostic, however it is written ({@code Final SIP
     * code}, {@code finalSipCode}, {@code PSTN Call End Reason}, {@code Start time (UTC)}).
     */
    public Optional<FieldEntry> field(String key) {
        return Optional.ofNullable(fieldByName.get(fieldName(key)));
    }

    /** Returns every field entry, in file order. */
    public List<FieldEntry> fields() {
        return fields;
    }

    /** Returns the rules of this family, in file order. */
    public List<RuleEntry> rules() {
        return rules;
    }

    /** Returns the sources this family cites, in file order. */
    public List<SourceEntry> sources() {
        return sources;
    }

    /** Returns the source with {@code key}, if this family cites it. */
    public Optional<SourceEntry> source(String key) {
        return Optional.ofNullable(sourceByKey.get(key));
    }

    /** Returns every entry that must cite sources, for compliance checks. */
    public List<Cited> citedEntries() {
        List<Cited> all = new ArrayList<>();
        all.add(structure);
        all.addAll(codes);
        all.addAll(fields);
        all.addAll(sipCodes);
        all.addAll(causes);
        all.addAll(rules);
        return List.copyOf(all);
    }

    /** Returns the letters and digits of {@code key}, lower case, without a leading {@code pstn} or a {@code (…)} part. */
    static String fieldName(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        int depth = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        String name = sb.toString();
        return name.startsWith("pstn") && name.length() > 4 ? name.substring(4) : name;
    }

    /** Returns {@code phrase} lower case with runs of spaces as one space, without a final full stop. */
    static String phraseKey(String phrase) {
        StringBuilder sb = new StringBuilder(phrase.length());
        boolean space = false;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(Character.toLowerCase(c));
        }
        int end = sb.length();
        while (end > 0 && (sb.charAt(end - 1) == '.' || sb.charAt(end - 1) == ' ')) {
            end--;
        }
        return sb.substring(0, end);
    }
}
