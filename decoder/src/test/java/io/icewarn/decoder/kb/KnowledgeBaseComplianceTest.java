package io.icewarn.decoder.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.icewarn.decoder.Confidence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the bundled knowledge base against the rules every entry must follow: citations resolve,
 * bits are single and unique, rule conditions only name things that exist, and each file binds
 * without losing a property.
 */
final class KnowledgeBaseComplianceTest {
    private static final String DIR = "/io/icewarn/decoder/kb/";

    /** The derived facts computed by the decoder; a rule naming anything else can never fire. */
    private static final Set<String> KNOWN_FACTS = Set.of(
            "both-remote",
            "one-internal-one-remote",
            "both-internal",
            "location-unknown",
            "port-range-too-narrow",
            "port-range-restricted",
            "private-host-public-relay",
            "relay-equals-host",
            "same-relay-both-sides",
            "addresses-scrubbed",
            "provisional-response",
            "call-succeeded",
            "only-benign-flags",
            "ice-warn-zero",
            "federated",
            "has-ice-warn-ex",
            "unknown-code",
            "code-range-known",
            "has-reason",
            "has-source",
            "qoe-relay",
            "qoe-http-proxy",
            "qoe-failed");

    /** The names a rule text may use as {@code {name}}. */
    private static final Set<String> PLACEHOLDERS = Set.of(
            "PortRange",
            "portRangeSize",
            "minPorts",
            "media",
            "LocalMR",
            "LocalSite",
            "RemoteMR",
            "RemoteSite",
            "code",
            "source",
            "reason",
            "area",
            "range",
            "sipStatus");

    private static final Set<String> CODE_HEADERS =
            Set.of("ms-client-diagnostics", "ms-diagnostics", "ms-diagnostics-public");
    private static final Set<String> RANGE_HEADERS = Set.of("server", "ms-client-diagnostics");
    private static final Set<String> RELEASES = Set.of("current", "earlier");
    private static final Set<String> CARRIED_IN = Set.of("request", "response", "request or response");
    private static final String MS_OCER_PAGES = "https://learn.microsoft.com/en-us/openspecs/office_protocols/ms-ocer/";

    /**
     * The rows read from each [MS-OCER] table page, by its source key (docs/knowledge.md gives the same
     * counts): a row that goes missing from codes.json fails here. An entry listed under both server headers
     * counts once per header.
     */
    private static final Map<String, Integer> TABLE_ENTRIES = Map.ofEntries(
            Map.entry("S31b", 12),
            Map.entry("S31j", 15),
            Map.entry("S31k", 17),
            Map.entry("S31m", 16),
            Map.entry("S31l", 23),
            Map.entry("S31c", 13),
            Map.entry("S31n", 14),
            Map.entry("S31d", 12),
            Map.entry("S31o", 9),
            Map.entry("S31p", 20),
            Map.entry("S31e", 13),
            Map.entry("S31q", 13),
            Map.entry("S31f", 12),
            Map.entry("S31r", 9),
            Map.entry("S31h", 5),
            Map.entry("S31g", 12),
            Map.entry("S31s", 1));

    private static final Set<String> SEVERITIES = Set.of("failure", "warning", "info");
    private static final Set<String> MEDIA_KINDS = Set.of("av", "sharing");
    private static final long HIGHEST_KNOWN_BIT = 0x10000000L;

    /** Field keys that occur in the MediaDebug / MediaChanBlob parts of the sample pastes. */
    private static final List<String> SAMPLE_FIELD_KEYS = List.of(
            "ICEWarn",
            "LocalSite",
            "LocalMR",
            "RemoteSite",
            "RemoteMR",
            "PortRange",
            "LocalMRTCPPort",
            "RemoteMRTCPPort",
            "LocalLocation",
            "RemoteLocation",
            "FederationType",
            "UserType",
            "MediaType",
            "MediaChanBlob",
            "NetworkErr",
            "ErrTime",
            "RTPSeq",
            "SeqDelta",
            "RTPTime",
            "RTCPTime",
            "TransptRecvErr",
            "RecvErrTime",
            "TransptSendErr",
            "SendErrTime",
            "InterfacesStall",
            "InterfacesConnCheck",
            "MediaTimeout",
            "RtcpByeSent",
            "RtcpByeRcvd",
            "BlobVer");

    /** ICEWarn bits decoded from the sample pastes. */
    private static final List<String> SAMPLE_FLAGS =
            List.of("0x1", "0x2", "0x8", "0x20", "0x100", "0x200", "0x800000", "0x4000000");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern HEX_BIT = Pattern.compile("0x[0-9a-f]+");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule().addSerializer(Confidence.class, new StdSerializer<>(Confidence.class) {
                @Override
                public void serialize(Confidence value, JsonGenerator gen, SerializerProvider provider)
                        throws IOException {
                    gen.writeString(value.label());
                }
            }))
            .build();

    private static KnowledgeBase kb;

    @BeforeAll
    static void loadKnowledgeBase() {
        kb = KnowledgeBase.load();
    }

    @Test
    void load_bundledResources_fillsEverySection() {
        assertThat(kb.sources()).isNotEmpty();
        assertThat(kb.flags()).isNotEmpty();
        assertThat(kb.codes()).isNotEmpty();
        assertThat(kb.ranges()).isNotEmpty();
        assertThat(kb.fields()).isNotEmpty();
        assertThat(kb.media()).isNotEmpty();
        assertThat(kb.lookAlikes()).isNotEmpty();
        assertThat(kb.rules()).isNotEmpty();
    }

    @Test
    void citedEntries_everyEntry_hasSourcesAndConfidence() {
        SoftAssertions soft = new SoftAssertions();
        for (Cited entry : kb.citedEntries()) {
            soft.assertThat(entry.sources()).as(entry.describe()).isNotEmpty();
            soft.assertThat(entry.confidence()).as(entry.describe()).isNotNull();
        }
        soft.assertAll();
    }

    @Test
    void citedEntries_everySourceKey_existsInSources() {
        Set<String> known = kb.sources().stream().map(SourceEntry::key).collect(Collectors.toSet());
        SoftAssertions soft = new SoftAssertions();
        for (Cited entry : kb.citedEntries()) {
            soft.assertThat(known).as(entry.describe()).containsAll(entry.sources());
        }
        soft.assertAll();
    }

    @Test
    void sources_keys_areUnique() {
        assertThat(rawItems("sources.json", "sources", node -> node.get("key").asText()))
                .doesNotHaveDuplicates();
    }

    @Test
    void sources_titlesAndUrls_areUsable() {
        for (SourceEntry source : kb.sources()) {
            assertThat(source.title()).as(source.key()).isNotBlank();
            if (source.url() != null) {
                assertThat(source.url()).as(source.key()).matches("https?://\\S+");
                assertThat(source.noUrl()).as(source.key()).isNull();
            } else {
                assertThat(source.noUrl())
                        .as(source.key() + ": no url, so it must say why")
                        .isNotBlank();
            }
        }
    }

    @Test
    void codes_everyEntry_citesASourceWithUrlOrSaysWhyNone() {
        SoftAssertions soft = new SoftAssertions();
        List<Cited> entries = new ArrayList<>(kb.codes());
        entries.addAll(kb.ranges());
        entries.addAll(kb.unhandledByClient());
        for (Cited entry : entries) {
            List<SourceEntry> cited = entry.sources().stream()
                    .map(key -> kb.source(key).orElse(null))
                    .filter(Objects::nonNull)
                    .collect(Collectors.toList());
            soft.assertThat(cited).as(entry.describe()).isNotEmpty();
            boolean addressed = cited.stream().anyMatch(s -> s.url() != null);
            boolean explained = !cited.isEmpty()
                    && cited.stream()
                            .allMatch(s -> s.noUrl() != null && !s.noUrl().isBlank());
            soft.assertThat(addressed || explained)
                    .as(entry.describe() + " cites no source with a URL and no source saying why it has none")
                    .isTrue();
            if (entry.confidence() == Confidence.SPEC) {
                soft.assertThat(addressed)
                        .as(entry.describe() + " is spec, so a source must have a URL")
                        .isTrue();
            }
        }
        soft.assertAll();
    }

    @Test
    void codes_tableRows_citeTheirMsOcerPageAndSayWhereCarried() {
        SoftAssertions soft = new SoftAssertions();
        for (CodeEntry code : kb.codes()) {
            if (code.releases().isEmpty()) {
                soft.assertThat(code.carriedIn()).as(code.describe()).isNull();
                continue;
            }
            soft.assertThat(code.releases())
                    .as(code.describe())
                    .isSubsetOf(RELEASES)
                    .doesNotHaveDuplicates();
            soft.assertThat(code.carriedIn()).as(code.describe()).isIn(CARRIED_IN);
            soft.assertThat(code.reason()).as(code.describe()).isNotBlank();
            soft.assertThat(code.confidence()).as(code.describe()).isEqualTo(Confidence.SPEC);
            long tablePages = code.sources().stream()
                    .map(key -> kb.source(key).map(SourceEntry::url).orElse(""))
                    .filter(url -> url != null && url.startsWith(MS_OCER_PAGES))
                    .count();
            soft.assertThat(tablePages)
                    .as(code.describe() + ": one [MS-OCER] page per release")
                    .isGreaterThanOrEqualTo(code.releases().size());
        }
        soft.assertAll();
    }

    @Test
    void codes_eachTablePage_keepsEveryRowRead() {
        Map<String, Integer> counted = new java.util.TreeMap<>();
        for (CodeEntry code : kb.codes()) {
            if (!code.releases().isEmpty()) {
                code.sources().stream()
                        .filter(TABLE_ENTRIES::containsKey)
                        .forEach(key -> counted.merge(key, 1, Integer::sum));
            }
        }
        assertThat(counted).isEqualTo(new java.util.TreeMap<>(TABLE_ENTRIES));
    }

    @Test
    void codes_sameIdAndHeader_differInReleaseAndWording() {
        Map<String, List<CodeEntry>> byId =
                kb.codes().stream().collect(Collectors.groupingBy(c -> c.header() + " " + c.code()));
        SoftAssertions soft = new SoftAssertions();
        byId.forEach((id, entries) -> {
            if (entries.size() > 1) {
                soft.assertThat(entries)
                        .as(id + ": wordings of one ID come from the release tables")
                        .allSatisfy(e -> assertThat(e.releases()).isNotEmpty());
                soft.assertThat(entries.stream().flatMap(e -> e.releases().stream()))
                        .as(id + ": each release gives one wording")
                        .doesNotHaveDuplicates();
                soft.assertThat(entries.stream().map(CodeEntry::reason))
                        .as(id + ": wordings differ")
                        .doesNotHaveDuplicates();
            }
        });
        soft.assertAll();
    }

    @Test
    void unhandledByClient_idsAreServerIdsInAscendingOrder() {
        assertThat(kb.unhandledByClient()).isNotEmpty();
        for (UnhandledIds list : kb.unhandledByClient()) {
            assertThat(list.ids()).as(list.describe()).isNotEmpty().isSorted().doesNotHaveDuplicates();
            assertThat(list.ids())
                    .as(list.describe())
                    .allSatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(0));
        }
        assertThat(kb.unhandledByClient(1018)).isPresent();
        assertThat(kb.unhandledByClient(1003)).isEmpty();
    }

    @Test
    void phrases_idsTermsAndStatuses_areWellFormed() {
        assertThat(kb.phrases().stream().map(PhraseEntry::id)).doesNotHaveDuplicates();
        for (PhraseEntry phrase : kb.phrases()) {
            assertThat(phrase.id()).as(phrase.describe()).matches(KEBAB_CASE);
            assertThat(phrase.gist()).as(phrase.describe()).isNotBlank();
            assertThat(phrase.terms()).as(phrase.describe()).isNotEmpty();
            for (String term : phrase.terms()) {
                assertThat(term).as(phrase.describe()).matches("[a-z0-9]+( [a-z0-9]+)*");
            }
            assertThat(phrase.statuses())
                    .as(phrase.describe())
                    .allSatisfy(st -> assertThat(st).isBetween(100, 699));
        }
    }

    @Test
    void phrases_everyPhrase_isUsedByARuleAndRulesNameOnlyKnownPhrases() {
        Set<String> known = kb.phrases().stream().map(PhraseEntry::id).collect(Collectors.toSet());
        Set<String> used = new HashSet<>();
        forEachCondition((rule, c) -> {
            assertThat(orEmpty(c.reasonPhrases())).as(rule.describe()).isSubsetOf(known);
            used.addAll(orEmpty(c.reasonPhrases()));
        });
        assertThat(used).isEqualTo(known);
    }

    @Test
    void flags_layout_isResourceKit() {
        assertThat(raw("iceflags.json").get("layout").asText()).isEqualTo("resource-kit");
    }

    @Test
    void flags_bits_areLowerCaseHexSingleBitsOrZero() {
        for (FlagEntry flag : kb.flags()) {
            assertThat(flag.bit()).as(flag.describe()).matches(HEX_BIT);
            assertThat(Long.bitCount(flag.value())).as(flag.describe()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void flags_bits_areUnique() {
        assertThat(rawItems(
                        "iceflags.json",
                        "flags",
                        node -> Long.parseLong(node.get("bit").asText().substring(2), 16)))
                .doesNotHaveDuplicates();
    }

    @Test
    void flags_bits_noneAboveHighestKnownBit() {
        assertThat(kb.flags())
                .allSatisfy(
                        flag -> assertThat(flag.value()).as(flag.describe()).isLessThanOrEqualTo(HIGHEST_KNOWN_BIT));
    }

    @Test
    void flags_expectation_isKnownName() {
        for (FlagEntry flag : kb.flags()) {
            assertThatCode(flag::expectationValue).as(flag.describe()).doesNotThrowAnyException();
        }
    }

    @Test
    void flags_unknownExpectation_isMarkedInferred() {
        assertThat(kb.flags())
                .filteredOn(flag -> flag.expectation().equals("unknown"))
                .isNotEmpty()
                .allSatisfy(flag -> assertThat(flag.confidence().label()).isEqualTo("inferred"));
    }

    @Test
    void flags_sampleBits_areKnown() {
        for (String bit : SAMPLE_FLAGS) {
            assertThat(kb.flag(Long.parseLong(bit.substring(2), 16))).as(bit).isPresent();
        }
    }

    @Test
    void codes_headerCodeAndReleases_areUnique() {
        assertThat(kb.codes().stream().map(CodeEntry::describe)).doesNotHaveDuplicates();
    }

    @Test
    void codes_headerAndSeverity_areKnown() {
        for (CodeEntry code : kb.codes()) {
            assertThat(code.header()).as(code.describe()).isIn(CODE_HEADERS);
            assertThat(code.severity()).as(code.describe()).isIn(SEVERITIES);
            assertThat(code.reason() != null && !code.reason().isBlank()
                            || code.meaning() != null && !code.meaning().isBlank())
                    .as(code.describe() + " says nothing: it needs a reason or a meaning")
                    .isTrue();
            if (code.meaning() != null) {
                assertThat(code.meaning()).as(code.describe()).isNotBlank();
            }
        }
    }

    @Test
    void codes_sampleCodes_areKnown() {
        assertThat(kb.code("ms-client-diagnostics", 22)).isPresent();
        assertThat(kb.code("ms-client-diagnostics", 23)).isPresent();
        assertThat(kb.code("ms-client-diagnostics", 24)).isPresent();
        assertThat(kb.code("ms-diagnostics", 1008)).isPresent();
        assertThat(kb.code("ms-diagnostics-public", 4141)).isPresent();
        assertThat(kb.code("ms-diagnostics", 2004))
                .hasValueSatisfying(
                        c -> assertThat(c.reason()).isEqualTo("Subscriber is not authorized to subscribe."));
    }

    @Test
    void codes_everyFamily_isUsedByARule() {
        Set<String> used = new HashSet<>();
        kb.rules().forEach(rule -> conditions(rule.when()).forEach(c -> used.addAll(orEmpty(c.families()))));
        SoftAssertions soft = new SoftAssertions();
        kb.codes().stream()
                .map(CodeEntry::family)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(family ->
                        soft.assertThat(used).as("rules using family " + family).contains(family));
        soft.assertAll();
    }

    @Test
    void ranges_bounds_areOrderedAndHeadersKnown() {
        for (CodeRange range : kb.ranges()) {
            assertThat(range.from()).as(range.describe()).isLessThanOrEqualTo(range.to());
            assertThat(range.header()).as(range.describe()).isIn(RANGE_HEADERS);
            assertThat(range.area()).as(range.describe()).isNotBlank();
        }
    }

    @Test
    void fields_keys_areUniqueIgnoringCase() {
        assertThat(rawItems(
                        "fields.json",
                        "fields",
                        node -> node.get("key").asText().toLowerCase(Locale.ROOT)))
                .doesNotHaveDuplicates();
    }

    @Test
    void fields_sampleKeys_areKnown() {
        for (String key : SAMPLE_FIELD_KEYS) {
            assertThat(kb.field(key)).as(key).isPresent();
        }
    }

    @Test
    void media_kindAndMinPorts_areValid() {
        for (MediaEntry media : kb.media()) {
            assertThat(media.kind()).as(media.describe()).isIn(MEDIA_KINDS);
            assertThat(media.minPorts()).as(media.describe()).isPositive();
        }
    }

    @Test
    void lookAlikes_headerRow_existsForEveryHeader() {
        Set<String> headers =
                kb.lookAlikes().stream().map(LookAlikeEntry::header).collect(Collectors.toSet());
        for (String header : headers) {
            assertThat(kb.lookAlikes()).as(header).anySatisfy(entry -> {
                assertThat(entry.header()).isEqualTo(header);
                assertThat(entry.code()).isNull();
            });
        }
    }

    @Test
    void rules_ids_areUniqueKebabCase() {
        assertThat(kb.rules().stream().map(RuleEntry::id)).doesNotHaveDuplicates();
        assertThat(kb.rules()).allSatisfy(rule -> assertThat(rule.id()).matches(KEBAB_CASE));
    }

    @Test
    void rules_priorityAndText_areWithinLimits() {
        for (RuleEntry rule : kb.rules()) {
            assertThat(rule.priority()).as(rule.describe()).isBetween(0, 99);
            assertThat(rule.text()).as(rule.describe()).isNotBlank().hasSizeLessThanOrEqualTo(300);
        }
    }

    @Test
    void rules_textPlaceholders_areAllowedNames() {
        for (RuleEntry rule : kb.rules()) {
            Matcher m = PLACEHOLDER.matcher(rule.text());
            while (m.find()) {
                assertThat(m.group(1)).as(rule.describe()).isIn(PLACEHOLDERS);
            }
        }
    }

    @Test
    void rules_conditions_nameOnlyKnownFlags() {
        Set<String> known = kb.flags().stream().map(FlagEntry::bit).collect(Collectors.toSet());
        forEachCondition((rule, c) -> {
            Stream.of(c.flagsAny(), c.flagsAll(), c.flagsNone())
                    .flatMap(l -> orEmpty(l).stream())
                    .forEach(bit -> assertThat(bit).as(rule.describe()).isIn(known));
        });
    }

    @Test
    void rules_conditions_nameOnlyKnownFacts() {
        forEachCondition((rule, c) -> {
            assertThat(orEmpty(c.facts())).as(rule.describe()).isSubsetOf(KNOWN_FACTS);
            assertThat(orEmpty(c.notFacts())).as(rule.describe()).isSubsetOf(KNOWN_FACTS);
        });
    }

    @Test
    void rules_conditions_nameOnlyKnownCodesAndFamilies() {
        Set<Integer> codes = kb.codes().stream().map(CodeEntry::code).collect(Collectors.toSet());
        Set<String> families = kb.codes().stream()
                .map(CodeEntry::family)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        forEachCondition((rule, c) -> {
            assertThat(orEmpty(c.codes())).as(rule.describe()).isSubsetOf(codes);
            assertThat(orEmpty(c.families())).as(rule.describe()).isSubsetOf(families);
        });
    }

    @Test
    void rules_conditions_nameOnlyKnownMediaHeadersAndSeverities() {
        Set<String> media = new HashSet<>(MEDIA_KINDS);
        kb.media().forEach(m -> media.add(m.label()));
        forEachCondition((rule, c) -> {
            assertThat(orEmpty(c.media())).as(rule.describe()).isSubsetOf(media);
            assertThat(orEmpty(c.headers())).as(rule.describe()).isSubsetOf(CODE_HEADERS);
            assertThat(orEmpty(c.severities())).as(rule.describe()).isSubsetOf(SEVERITIES);
        });
    }

    @Test
    void rules_conditions_areNeverEmpty() {
        forEachCondition((rule, c) -> assertThat(isEmpty(c)).as(rule.describe()).isFalse());
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("sources.json", Map.of("sources", bound(KnowledgeBase::sources))),
                Arguments.of("iceflags.json", Map.of("flags", bound(KnowledgeBase::flags))),
                Arguments.of(
                        "codes.json",
                        Map.of(
                                "codes",
                                bound(KnowledgeBase::codes),
                                "ranges",
                                bound(KnowledgeBase::ranges),
                                "unhandledByClient",
                                bound(KnowledgeBase::unhandledByClient))),
                Arguments.of("fields.json", Map.of("fields", bound(KnowledgeBase::fields))),
                Arguments.of("media.json", Map.of("media", bound(KnowledgeBase::media))),
                Arguments.of("lookalikes.json", Map.of("lookAlikes", bound(KnowledgeBase::lookAlikes))),
                Arguments.of("phrases.json", Map.of("phrases", bound(KnowledgeBase::phrases))),
                Arguments.of("rules.json", Map.of("rules", bound(KnowledgeBase::rules))));
    }

    private static Function<KnowledgeBase, List<?>> bound(Function<KnowledgeBase, List<?>> entries) {
        return entries;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void file_loadedAndWrittenBack_keepsEveryValue(String file, Map<String, Function<KnowledgeBase, List<?>>> arrays) {
        JsonNode original = raw(file);
        for (Map.Entry<String, Function<KnowledgeBase, List<?>>> array : arrays.entrySet()) {
            JsonNode items = original.get(array.getKey());
            assertThat(items).as(file + " " + array.getKey()).isNotNull();
            assertThat(items.isArray()).as(file + " " + array.getKey()).isTrue();
            List<?> loaded = array.getValue().apply(kb);
            assertThat(loaded).as(file + " " + array.getKey()).hasSize(items.size());
            for (int i = 0; i < items.size(); i++) {
                JsonNode written = JSON.valueToTree(loaded.get(i));
                assertThat(withoutNulls(written)).as(file + " " + i).isEqualTo(withoutNulls(items.get(i)));
            }
        }
    }

    private interface ConditionCheck {
        void check(RuleEntry rule, RuleEntry.Condition condition);
    }

    private static void forEachCondition(ConditionCheck check) {
        for (RuleEntry rule : kb.rules()) {
            for (RuleEntry.Condition c : conditions(rule.when())) {
                check.check(rule, c);
            }
        }
    }

    /** Returns the condition and every condition nested in it through {@code anyOf}. */
    private static List<RuleEntry.Condition> conditions(RuleEntry.Condition root) {
        List<RuleEntry.Condition> all = new ArrayList<>();
        List<RuleEntry.Condition> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            RuleEntry.Condition c = todo.remove(todo.size() - 1);
            all.add(c);
            todo.addAll(orEmpty(c.anyOf()));
        }
        return all;
    }

    private static boolean isEmpty(RuleEntry.Condition c) {
        return Stream.of(
                        c.headers(),
                        c.codes(),
                        c.families(),
                        c.media(),
                        c.flagsAny(),
                        c.flagsAll(),
                        c.flagsNone(),
                        c.facts(),
                        c.notFacts(),
                        c.severities(),
                        c.reasonPhrases(),
                        c.anyOf())
                .allMatch(l -> l == null || l.isEmpty());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static JsonNode raw(String file) {
        try (InputStream in = KnowledgeBaseComplianceTest.class.getResourceAsStream(DIR + file)) {
            assertThat(in).as(file).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> rawItems(String file, String array, Function<JsonNode, T> key) {
        List<T> keys = new ArrayList<>();
        raw(file).get(array).forEach(node -> keys.add(key.apply(node)));
        assertThat(keys).as(file).isNotEmpty();
        return keys;
    }

    /**
     * Returns a copy of {@code node} without null-valued properties or empty lists, so omitted, null and
     * empty compare equal (the records read an absent optional list as an empty one).
     */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            Set<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = node.get(name);
                if (!value.isNull() && !(value.isArray() && value.isEmpty())) {
                    copy.set(name, withoutNulls(value));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                copy.add(withoutNulls(it.next()));
            }
            return copy;
        }
        return node;
    }
}
