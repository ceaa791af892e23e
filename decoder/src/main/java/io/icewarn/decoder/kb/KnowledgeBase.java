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
    /** The first entry of each code, by lower-case header. */
    private final Map<String, Map<Integer, CodeEntry>> codesByHeader;

    private final List<CodeRange> ranges;
    private final Map<String, FieldEntry> fields;
    /** The same entries by their keys as written, which most diagnostics use: no lower-casing per lookup. */
    private final Map<String, FieldEntry> fieldsAsWritten;

    private final Map<String, MediaEntry> media;
    private final List<LookAlikeEntry> lookAlikes;
    private final List<RuleEntry> rules;
    private final TeamsKnowledge teams;

    private KnowledgeBase(
            List<SourceEntry> sources,
            List<FlagEntry> flags,
            List<CodeEntry> codes,
            List<CodeRange> ranges,
            List<FieldEntry> fields,
            List<MediaEntry> media,
            List<LookAlikeEntry> lookAlikes,
            List<RuleEntry> rules,
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
        Map<String, Map<Integer, CodeEntry>> byHeader = new HashMap<>();
        for (CodeEntry c : this.codes) {
            byHeader.computeIfAbsent(c.header().toLowerCase(Locale.ROOT), h -> new HashMap<>())
                    .putIfAbsent(c.code(), c);
        }
        this.codesByHeader = Map.copyOf(byHeader);
        this.ranges = List.copyOf(ranges);
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
        JsonObject rules = read(files, "rules.json");
        try {
            TeamsKnowledge teams = TeamsKnowledge.load(files);
            flags.text("layout");
            return new KnowledgeBase(
                    sources.end(sources.objects("sources", KnowledgeBase::source)),
                    flags.end(flags.objects("flags", KnowledgeBase::flag)),
                    codes.objects("codes", KnowledgeBase::code),
                    codes.end(codes.objects("ranges", KnowledgeBase::range)),
                    fields.end(fields.objects("fields", KnowledgeBase::field)),
                    media.end(media.objects("media", KnowledgeBase::media)),
                    lookAlikes.end(lookAlikes.objects("lookAlikes", KnowledgeBase::lookAlike)),
                    rules.end(rules.objects("rules", KnowledgeBase::rule)),
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
        return o.end(new SourceEntry(o.text("key"), o.text("title"), o.text("url")));
    }

    private static FlagEntry flag(JsonObject o) {
        return o.end(new FlagEntry(
                o.text("bit"),
                o.text("label"),
                o.text("expectation"),
                o.text("guidance"),
                o.texts("sources"),
                o.confidence()));
    }

    private static CodeEntry code(JsonObject o) {
        return o.end(new CodeEntry(
                o.text("header"),
                o.integer("code"),
                o.optionalText("reason"),
                o.text("meaning"),
                o.optionalText("family"),
                o.text("severity"),
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

    static RuleEntry rule(JsonObject o) {
        return o.end(new RuleEntry(
                o.text("id"),
                o.integer("priority"),
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

    /** Returns the entry for {@code code} under {@code header}, if known. */
    public Optional<CodeEntry> code(String header, int code) {
        Map<Integer, CodeEntry> byCode = codesByHeader.get(header.toLowerCase(Locale.ROOT));
        return byCode == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
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
        all.addAll(rules);
        return List.copyOf(all);
    }

    /** Returns every entry as a stream, for tests. */
    public Stream<Cited> citedStream() {
        return citedEntries().stream();
    }
}
