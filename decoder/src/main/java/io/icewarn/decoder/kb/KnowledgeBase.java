package io.icewarn.decoder.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The knowledge base: the JSON resources under {@code io/icewarn/decoder/kb/}, bound once and immutable.
 * Thread-safe. Internal to the decoder; the bot reaches it only through {@code Decoder}.
 */
public final class KnowledgeBase {
    private static final String DIR = "/io/icewarn/decoder/kb/";

    private final Map<String, SourceEntry> sources;
    private final Map<Long, FlagEntry> flags;
    /** The flag rows of single bits, by bit position; null where there is none. */
    private final FlagEntry[] flagsByBit = new FlagEntry[64];

    private final List<CodeEntry> codes;
    /** The entries of each code in file order (one per wording), by lower-case header. */
    private final Map<String, Map<Integer, List<CodeEntry>>> codesByHeader;

    private final List<UnhandledIds> unhandled;
    private final List<PhraseEntry> phrases;

    private final List<CodeRange> ranges;
    private final Map<String, FieldEntry> fields;
    /** The same entries by their keys as written, which most diagnostics use: no lower-casing per lookup. */
    private final Map<String, FieldEntry> fieldsAsWritten;

    private final Map<String, MediaEntry> media;
    private final List<LookAlikeEntry> lookAlikes;
    private final List<RuleEntry> rules;
    private final List<ContextEntry> contexts;
    private final Map<String, FamilyEntry> families;
    private final TeamsKnowledge teams;

    private KnowledgeBase(
            List<SourceEntry> sources,
            List<FlagEntry> flags,
            List<CodeEntry> codes,
            List<CodeRange> ranges,
            List<UnhandledIds> unhandled,
            List<FieldEntry> fields,
            List<MediaEntry> media,
            List<LookAlikeEntry> lookAlikes,
            List<PhraseEntry> phrases,
            List<RuleEntry> rules,
            List<ContextEntry> contexts,
            List<FamilyEntry> families,
            TeamsKnowledge teams) {
        Map<String, SourceEntry> s = new LinkedHashMap<>();
        sources.forEach(e -> s.put(e.key(), e));
        this.sources = Collections.unmodifiableMap(s);
        Map<Long, FlagEntry> f = new LinkedHashMap<>();
        flags.forEach(e -> f.put(e.value(), e));
        this.flags = Collections.unmodifiableMap(f);
        this.flags.forEach((bit, e) -> {
            if (Long.bitCount(bit) == 1) {
                flagsByBit[Long.numberOfTrailingZeros(bit)] = e;
            }
        });
        this.codes = List.copyOf(codes);
        Map<String, Map<Integer, List<CodeEntry>>> byHeader = new HashMap<>();
        for (CodeEntry c : this.codes) {
            byHeader.computeIfAbsent(c.header().toLowerCase(Locale.ROOT), h -> new HashMap<>())
                    .computeIfAbsent(c.code(), k -> new ArrayList<>())
                    .add(c);
        }
        Map<String, Map<Integer, List<CodeEntry>>> frozen = new HashMap<>();
        byHeader.forEach((header, byCode) -> {
            Map<Integer, List<CodeEntry>> copy = new HashMap<>();
            byCode.forEach((code, entries) -> copy.put(code, List.copyOf(entries)));
            frozen.put(header, Map.copyOf(copy));
        });
        this.codesByHeader = Map.copyOf(frozen);
        this.ranges = List.copyOf(ranges);
        this.unhandled = List.copyOf(unhandled);
        this.phrases = List.copyOf(phrases);
        Map<String, FieldEntry> fl = new LinkedHashMap<>();
        fields.forEach(e -> fl.put(e.key().toLowerCase(Locale.ROOT), e));
        this.fields = Collections.unmodifiableMap(fl);
        Map<String, FieldEntry> asWritten = new HashMap<>();
        fl.values().forEach(e -> asWritten.put(e.key(), e));
        this.fieldsAsWritten = Map.copyOf(asWritten);
        Map<String, MediaEntry> m = new LinkedHashMap<>();
        media.forEach(e -> m.put(e.label().toLowerCase(Locale.ROOT), e));
        this.media = Collections.unmodifiableMap(m);
        this.lookAlikes = List.copyOf(lookAlikes);
        this.rules = List.copyOf(rules);
        this.contexts = List.copyOf(contexts);
        Map<String, FamilyEntry> fa = new LinkedHashMap<>();
        families.forEach(e -> fa.put(e.id(), e));
        this.families = Collections.unmodifiableMap(fa);
        this.teams = teams;
    }

    /**
     * Returns the knowledge base bundled in the decoder's resources.
     *
     * @throws UncheckedIOException when a resource is missing or does not match its schema (a build error)
     */
    public static KnowledgeBase load() {
        return load(name -> KnowledgeBase.class.getResourceAsStream(DIR + name));
    }

    /** As {@link #load()}, with each file ({@code codes.json}, …) opened by {@code files}; null when missing. */
    static KnowledgeBase load(Function<String, InputStream> files) {
        JsonObject codes = read(files, "codes.json");
        JsonObject sources = read(files, "sources.json");
        JsonObject flags = read(files, "iceflags.json");
        JsonObject fields = read(files, "fields.json");
        JsonObject media = read(files, "media.json");
        JsonObject lookAlikes = read(files, "lookalikes.json");
        JsonObject phrases = read(files, "phrases.json");
        JsonObject rules = read(files, "rules.json");
        JsonObject families = read(files, "families.json");
        try {
            TeamsKnowledge teams = TeamsKnowledge.load(files);
            flags.text("layout");
            List<FlagEntry> flagEntries = flags.objects("flags", KnowledgeBase::flag);
            List<ContextEntry> contexts = flags.optionalObjects("contexts", KnowledgeBase::context);
            return new KnowledgeBase(
                    sources.end(sources.objects("sources", KnowledgeBase::source)),
                    flags.end(flagEntries),
                    codes.objects("codes", KnowledgeBase::code),
                    codes.objects("ranges", KnowledgeBase::range),
                    codes.end(codes.objects("unhandledByClient", KnowledgeBase::unhandled)),
                    fields.end(fields.objects("fields", KnowledgeBase::field)),
                    media.end(media.objects("media", KnowledgeBase::media)),
                    lookAlikes.end(lookAlikes.objects("lookAlikes", KnowledgeBase::lookAlike)),
                    phrases.end(phrases.objects("phrases", KnowledgeBase::phrase)),
                    rules.end(rules.objects("rules", KnowledgeBase::rule)),
                    contexts == null ? List.of() : contexts,
                    families.end(families.objects("families", KnowledgeBase::family)),
                    teams);
        } catch (JsonObject.SchemaException e) {
            throw new UncheckedIOException(
                    new IOException("knowledge base does not match its schema: " + e.getMessage()));
        }
    }

    static JsonObject read(Function<String, InputStream> files, String name) {
        try (InputStream in = files.apply(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing knowledge-base resource " + name));
            }
            return JsonObject.parse(in, name);
        } catch (IOException | JsonObject.SchemaException e) {
            throw new UncheckedIOException(
                    "cannot read knowledge-base resource " + name + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    static SourceEntry source(JsonObject o) {
        String key = o.text("key");
        String label = o.optionalText("label");
        String title = o.text("title");
        String url = o.optionalText("url");
        String noUrl = o.optionalText("noUrl");
        if ((url == null) == (noUrl == null)) {
            throw o.error("needs exactly one of 'url' and 'noUrl' (why it has no address)");
        }
        if ((url != null && url.isBlank()) || (noUrl != null && noUrl.isBlank())) {
            throw o.error("'url' and 'noUrl' must not be blank");
        }
        return o.end(new SourceEntry(key, label, title, url, noUrl));
    }

    private static FlagEntry flag(JsonObject o) {
        return o.end(new FlagEntry(
                o.text("bit"),
                o.text("brief"),
                o.text("label"),
                o.optionalText("cause"),
                o.optionalInteger("causeRank"),
                o.text("expectation"),
                o.text("guidance"),
                o.texts("sources"),
                o.confidence()));
    }

    private static ContextEntry context(JsonObject o) {
        return o.end(new ContextEntry(
                o.optionalTexts("bits"),
                o.object("when", KnowledgeBase::condition),
                o.text("expectation"),
                o.text("guidance"),
                o.optionalText("cause"),
                o.optionalInteger("causeRank"),
                o.texts("sources"),
                o.confidence()));
    }

    private static FamilyEntry family(JsonObject o) {
        return o.end(new FamilyEntry(
                o.text("id"), o.text("situation"), o.text("summary"), o.texts("sources"), o.confidence()));
    }

    private static CodeEntry code(JsonObject o) {
        return o.end(new CodeEntry(
                o.text("header"),
                o.integer("code"),
                o.optionalText("reason"),
                o.optionalText("meaning"),
                o.optionalText("family"),
                o.text("severity"),
                o.optionalTexts("releases"),
                o.optionalText("carriedIn"),
                o.texts("sources"),
                o.confidence()));
    }

    private static UnhandledIds unhandled(JsonObject o) {
        String client = o.text("client");
        List<Integer> ids = o.integers("ids");
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i) <= ids.get(i - 1)) {
                throw o.error("'ids' must be ascending without repeats, not " + ids.get(i - 1) + " then " + ids.get(i));
            }
        }
        return o.end(new UnhandledIds(client, ids, o.texts("sources"), o.confidence()));
    }

    private static PhraseEntry phrase(JsonObject o) {
        return o.end(new PhraseEntry(
                o.text("id"),
                o.texts("terms"),
                orEmpty(o.optionalIntegers("statuses")),
                o.text("gist"),
                o.texts("sources"),
                o.confidence()));
    }

    private static CodeRange range(JsonObject o) {
        return o.end(new CodeRange(
                o.text("header"),
                o.integer("from"),
                o.integer("to"),
                o.text("area"),
                o.texts("sources"),
                o.confidence()));
    }

    static FieldEntry field(JsonObject o) {
        return o.end(new FieldEntry(
                o.text("key"),
                o.optionalBoolean("evidence"),
                o.text("meaning"),
                o.objects("values", KnowledgeBase::fieldValue),
                o.texts("sources"),
                o.confidence()));
    }

    private static FieldEntry.ValueEntry fieldValue(JsonObject o) {
        return o.end(new FieldEntry.ValueEntry(o.text("value"), o.text("label"), o.texts("sources"), o.confidence()));
    }

    private static MediaEntry media(JsonObject o) {
        return o.end(new MediaEntry(
                o.text("label"),
                o.text("name"),
                o.text("kind"),
                o.text("description"),
                o.integer("minPorts"),
                o.texts("sources"),
                o.confidence()));
    }

    private static LookAlikeEntry lookAlike(JsonObject o) {
        return o.end(new LookAlikeEntry(
                o.text("header"),
                o.optionalInteger("code"),
                o.text("product"),
                o.text("meaning"),
                o.texts("sources"),
                o.confidence()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static RuleEntry rule(JsonObject o) {
        return o.end(new RuleEntry(
                o.text("id"),
                o.integer("priority"),
                o.optionalText("topic"),
                o.optionalText("kind"),
                o.object("when", KnowledgeBase::condition),
                o.text("text"),
                o.texts("sources"),
                o.confidence()));
    }

    private static RuleEntry.Condition condition(JsonObject o) {
        return o.end(new RuleEntry.Condition(
                o.optionalTexts("headers"),
                o.optionalIntegers("codes"),
                o.optionalTexts("families"),
                o.optionalTexts("media"),
                o.optionalTexts("flagsAny"),
                o.optionalTexts("flagsAll"),
                o.optionalTexts("flagsNone"),
                o.optionalTexts("facts"),
                o.optionalTexts("notFacts"),
                o.optionalTexts("severities"),
                o.optionalTexts("reasonPhrases"),
                o.optionalObjects("anyOf", KnowledgeBase::condition)));
    }

    /** Returns the source with {@code key}, if the knowledge base cites it (the Teams family's sources included). */
    public Optional<SourceEntry> source(String key) {
        SourceEntry s = sources.get(key);
        return s != null ? Optional.of(s) : teams.source(key);
    }

    /** Returns the Teams Direct Routing part: its codes, SIP codes, Q.850 causes, rules and sources. */
    public TeamsKnowledge teams() {
        return teams;
    }

    /** Returns every source, in file order. */
    public List<SourceEntry> sources() {
        return List.copyOf(sources.values());
    }

    /** Returns the meaning of the single bit {@code bit}, if known. */
    public Optional<FlagEntry> flag(long bit) {
        return Optional.ofNullable(
                Long.bitCount(bit) == 1 ? flagsByBit[Long.numberOfTrailingZeros(bit)] : flags.get(bit));
    }

    /** Returns every flag row, in file order. */
    public List<FlagEntry> flags() {
        return List.copyOf(flags.values());
    }

    /** Returns the first entry for {@code code} under {@code header} (the current release's wording), if known. */
    public Optional<CodeEntry> code(String header, int code) {
        List<CodeEntry> all = codes(header, code);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Returns every entry for {@code code} under {@code header}, one per wording, in file order; may be empty. */
    public List<CodeEntry> codes(String header, int code) {
        Map<Integer, List<CodeEntry>> byCode = codesByHeader.get(header.toLowerCase(Locale.ROOT));
        List<CodeEntry> all = byCode == null ? null : byCode.get(code);
        return all == null ? List.of() : all;
    }

    /** Returns the lists of server IDs clients do not handle, in file order. */
    public List<UnhandledIds> unhandledByClient() {
        return unhandled;
    }

    /** Returns the first list that says a client does not handle server ID {@code code}, if any. */
    public Optional<UnhandledIds> unhandledByClient(int code) {
        for (UnhandledIds u : unhandled) {
            if (Collections.binarySearch(u.ids(), code) >= 0) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** Returns the reason phrases, in file order. */
    public List<PhraseEntry> phrases() {
        return phrases;
    }

    /** Returns every code entry, in file order. */
    public List<CodeEntry> codes() {
        return codes;
    }

    /** Returns every code range, in file order. */
    public List<CodeRange> ranges() {
        return ranges;
    }

    /** Returns the narrowest range for {@code code} that applies to {@code header}, if any. */
    public Optional<CodeRange> range(String header, int code) {
        boolean server = header.toLowerCase(Locale.ROOT).startsWith("ms-diagnostics")
                || header.equalsIgnoreCase("x-ms-SDP-diagnostics");
        return ranges.stream()
                .filter(r -> code >= r.from() && code <= r.to())
                .filter(r -> server ? r.header().equals("server") : r.header().equalsIgnoreCase(header))
                .min((a, b) -> Integer.compare(a.to() - a.from(), b.to() - b.from()));
    }

    /** Returns the entry for field {@code key} (ignoring case), if known. */
    public Optional<FieldEntry> field(String key) {
        FieldEntry e = fieldsAsWritten.get(key);
        return Optional.ofNullable(e != null ? e : fields.get(key.toLowerCase(Locale.ROOT)));
    }

    /** Returns every field entry, in file order. */
    public List<FieldEntry> fields() {
        return List.copyOf(fields.values());
    }

    /** Returns the entry for media {@code label} (ignoring case), if known. */
    public Optional<MediaEntry> media(String label) {
        return Optional.ofNullable(media.get(label.toLowerCase(Locale.ROOT)));
    }

    /** Returns every media entry, in file order. */
    public List<MediaEntry> media() {
        return List.copyOf(media.values());
    }

    /** Returns the look-alike entries, in file order. */
    public List<LookAlikeEntry> lookAlikes() {
        return lookAlikes;
    }

    /** Returns the rules, in file order. */
    public List<RuleEntry> rules() {
        return rules;
    }

    /** Returns the context rows of the ICEWarn bits, in file order (the first that matches a bit wins). */
    public List<ContextEntry> contexts() {
        return contexts;
    }

    /** Returns how failure family {@code id} reads in a verdict, if the knowledge base has it. */
    public Optional<FamilyEntry> family(String id) {
        return Optional.ofNullable(id == null ? null : families.get(id));
    }

    /** Returns every family entry, in file order. */
    public List<FamilyEntry> families() {
        return List.copyOf(families.values());
    }

    /** Returns every entry that must cite sources, with nested values, for compliance checks. */
    public List<Cited> citedEntries() {
        List<Cited> all = new ArrayList<>();
        all.addAll(flags.values());
        all.addAll(codes);
        all.addAll(ranges);
        for (FieldEntry f : fields.values()) {
            all.add(f);
            all.addAll(f.values());
        }
        all.addAll(media.values());
        all.addAll(lookAlikes);
        all.addAll(unhandled);
        all.addAll(phrases);
        all.addAll(rules);
        all.addAll(contexts);
        all.addAll(families.values());
        return List.copyOf(all);
    }

    /** Returns every entry as a stream, for tests. */
    public Stream<Cited> citedStream() {
        return citedEntries().stream();
    }
}
