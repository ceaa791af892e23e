package io.icewarn.decoder.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.icewarn.decoder.Confidence;
import io.icewarn.decoder.remedy.Fact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
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
 * Checks the Teams Direct Routing part of the knowledge base: every entry cites sources that exist and have
 * an address, the codes are the ones the Microsoft pages list, the structure rule is data, and every rule of
 * the family names only facts, families and namespaces that exist.
 */
final class TeamsKnowledgeComplianceTest {
    private static final String DIR = "/io/icewarn/decoder/kb/";
    private static final Set<String> SEVERITIES = Set.of("failure", "warning", "info");
    private static final Set<String> HEADERS = Set.of("teams-direct-routing", "Q.850", "SIP");
    private static final Set<String> PLACEHOLDERS = Set.of("code", "sipCode");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The Microsoft support pages on Direct Routing codes: the main article and one page per SIP code. */
    private static final Set<String> SUPPORT_PAGES = Set.of(
            "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "T13", "T14", "T15", "T16",
            "T17", "T18", "T19");

    private static final ObjectMapper JSON = JsonMapper.builder()
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
    private static TeamsKnowledge teams;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.load();
        teams = kb.teams();
    }

    @Test
    void codes_fromTheSupportPages_areAtLeast45() {
        Set<Integer> documented = teams.codes().stream()
                .filter(e -> e.sources().stream().anyMatch(SUPPORT_PAGES::contains))
                .map(TeamsCodeEntry::code)
                .collect(Collectors.toSet());
        assertThat(documented).hasSizeGreaterThanOrEqualTo(45);
        assertThat(documented).contains(560403, 510559, 569009, 500001, 10037, 0);
    }

    @Test
    void citedEntries_everyEntry_citesSourcesThatExistWithAnAddress() {
        SoftAssertions soft = new SoftAssertions();
        for (Cited entry : teams.citedEntries()) {
            soft.assertThat(entry.sources()).as(entry.describe()).isNotEmpty();
            soft.assertThat(entry.confidence()).as(entry.describe()).isNotNull();
            for (String key : entry.sources()) {
                soft.assertThat(kb.source(key))
                        .as(entry.describe() + " cites " + key)
                        .isPresent();
                kb.source(key).ifPresent(s -> soft.assertThat(s.url()).as(key).matches("https://\\S+"));
            }
        }
        soft.assertAll();
    }

    @Test
    void sources_keys_areUniqueAcrossBothSourceFiles() {
        List<String> keys = new ArrayList<>();
        kb.sources().forEach(s -> keys.add(s.key()));
        teams.sources().forEach(s -> keys.add(s.key()));
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(teams.sources()).allSatisfy(s -> assertThat(s.title()).isNotBlank());
    }

    @Test
    void sources_everyTeamsSource_isCited() {
        Set<String> cited = new HashSet<>();
        teams.citedEntries().forEach(e -> cited.addAll(e.sources()));
        assertThat(teams.sources().stream().map(SourceEntry::key))
                .allSatisfy(k -> assertThat(cited).contains(k));
    }

    @Test
    void codes_rows_areUniqueAndValid() {
        assertThat(teams.codes().stream().map(e -> e.code() + " " + e.sip() + " " + e.phrase()))
                .doesNotHaveDuplicates();
        for (TeamsCodeEntry e : teams.codes()) {
            assertThat(e.severity()).as(e.describe()).isIn(SEVERITIES);
            assertThat(e.meaning()).as(e.describe()).isNotBlank();
            assertThat(e.phrase()).as(e.describe()).isNotBlank();
            assertThat(e.code()).as(e.describe()).isBetween(0, 999_999_999);
        }
    }

    @Test
    void structure_readsThe560CodesAsTheSbcs() {
        TeamsStructure s = teams.structure();
        assertThat(s.read(560403)).hasValueSatisfying(r -> {
            assertThat(r.documentedModule().origin()).isEqualTo("sbc");
            assertThat(r.detailIsSipCode()).isTrue();
            assertThat(r.detail()).isEqualTo(403);
        });
        assertThat(s.read(569009))
                .hasValueSatisfying(
                        r -> assertThat(r.documentedModule().origin()).isEqualTo("microsoft"));
        assertThat(s.read(510559))
                .hasValueSatisfying(r -> assertThat(r.module()).isEqualTo(1));
        assertThat(s.read(10037)).isEmpty();
        assertThat(s.read(0)).isEmpty();
        assertThat(s.read(5604030)).isEmpty();
        assertThat(s.read(460403)).isEmpty();
    }

    @Test
    void structure_agreesWithEveryDocumentedRow() {
        for (TeamsCodeEntry e : teams.codes()) {
            teams.structure()
                    .read(e.code())
                    .filter(TeamsStructure.Reading::detailIsSipCode)
                    .ifPresent(r -> assertThat(r.detail()).as(e.describe()).isEqualTo(e.sip()));
        }
    }

    @Test
    void sipAndQ850_valuesAreUniqueAndInRange() {
        assertThat(teams.sipCodes().stream().map(SipCodeEntry::code)).doesNotHaveDuplicates();
        assertThat(teams.sipCodes()).allSatisfy(e -> {
            assertThat(e.code()).isBetween(100, 699);
            assertThat(e.severity()).isIn(SEVERITIES);
        });
        assertThat(teams.q850Causes().stream().map(Q850Entry::cause)).doesNotHaveDuplicates();
        assertThat(teams.q850Causes()).allSatisfy(e -> {
            assertThat(e.cause()).isBetween(1, 127);
            assertThat(e.severity()).isIn(SEVERITIES);
            if (e.sip() != null) {
                assertThat(teams.sip(e.sip()))
                        .as("cause %d maps to a known SIP code", e.cause())
                        .isPresent();
            }
        });
        assertThat(teams.sip(403))
                .hasValueSatisfying(e -> assertThat(e.phrase()).isEqualTo("Forbidden"));
        assertThat(teams.q850(34)).hasValueSatisfying(e -> assertThat(e.sip()).isEqualTo(503));
    }

    @Test
    void fields_keysAreUniqueAsTheyAreLookedUp() {
        assertThat(teams.fields().stream().map(f -> TeamsKnowledge.fieldName(f.key())))
                .doesNotHaveDuplicates();
        assertThat(teams.field("finalSipCode"))
                .hasValueSatisfying(f -> assertThat(f.key()).isEqualTo("Final SIP code"));
        assertThat(teams.field("PSTN Call End Sub Reason"))
                .hasValueSatisfying(f -> assertThat(f.key()).isEqualTo("CallEndSubReason"));
        assertThat(teams.field("Start time (UTC)")).isPresent();
    }

    @Test
    void rules_areValidAndNameOnlyWhatExists() {
        Set<String> ids = new HashSet<>();
        kb.rules().forEach(r -> ids.add(r.id()));
        Set<String> facts = Stream.of(Fact.values()).map(Fact::id).collect(Collectors.toSet());
        Set<String> families = families();
        SoftAssertions soft = new SoftAssertions();
        for (RuleEntry rule : teams.rules()) {
            soft.assertThat(ids.add(rule.id())).as("unique id " + rule.id()).isTrue();
            soft.assertThat(rule.id()).matches(KEBAB_CASE);
            soft.assertThat(rule.priority()).as(rule.describe()).isBetween(0, 99);
            soft.assertThat(rule.text()).as(rule.describe()).isNotBlank().hasSizeLessThanOrEqualTo(300);
            Matcher m = PLACEHOLDER.matcher(rule.text().replace("<correlation id>;<reason>", ""));
            while (m.find()) {
                soft.assertThat(m.group(1)).as(rule.describe()).isIn(PLACEHOLDERS);
            }
            for (RuleEntry.Condition c : conditions(rule.when())) {
                soft.assertThat(orEmpty(c.facts())).as(rule.describe()).isSubsetOf(facts);
                soft.assertThat(orEmpty(c.notFacts())).as(rule.describe()).isSubsetOf(facts);
                soft.assertThat(orEmpty(c.families())).as(rule.describe()).isSubsetOf(families);
                soft.assertThat(orEmpty(c.headers())).as(rule.describe()).isSubsetOf(HEADERS);
                soft.assertThat(c.codes() == null || c.headers() != null)
                        .as(rule.describe() + ": codes need a header, or they would be read as Lync IDs")
                        .isTrue();
            }
        }
        soft.assertAll();
    }

    @Test
    void families_everyFamilyOfTheData_isUsedByARule() {
        Set<String> used = new HashSet<>();
        teams.rules().forEach(r -> conditions(r.when()).forEach(c -> used.addAll(orEmpty(c.families()))));
        assertThat(families())
                .allSatisfy(f -> assertThat(used).as("rules using family " + f).contains(f));
    }

    private static Set<String> families() {
        Set<String> all = new TreeSet<>();
        teams.codes().stream()
                .map(TeamsCodeEntry::family)
                .filter(Objects::nonNull)
                .forEach(all::add);
        teams.q850Causes().stream().map(Q850Entry::family).forEach(all::add);
        teams.sipCodes().stream()
                .map(SipCodeEntry::family)
                .filter(Objects::nonNull)
                .forEach(all::add);
        return all;
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of(
                        "teams-codes.json",
                        Map.<String, Function<TeamsKnowledge, List<?>>>of(
                                "codes", TeamsKnowledge::codes, "fields", TeamsKnowledge::fields)),
                Arguments.of(
                        "sip-codes.json",
                        Map.<String, Function<TeamsKnowledge, List<?>>>of("codes", TeamsKnowledge::sipCodes)),
                Arguments.of(
                        "q850.json",
                        Map.<String, Function<TeamsKnowledge, List<?>>>of("causes", TeamsKnowledge::q850Causes)),
                Arguments.of(
                        "teams-rules.json",
                        Map.<String, Function<TeamsKnowledge, List<?>>>of("rules", TeamsKnowledge::rules)),
                Arguments.of(
                        "teams-sources.json",
                        Map.<String, Function<TeamsKnowledge, List<?>>>of("sources", TeamsKnowledge::sources)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void file_loadedAndWrittenBack_keepsEveryValue(String file, Map<String, Function<TeamsKnowledge, List<?>>> arrays) {
        JsonNode original = raw(file);
        for (Map.Entry<String, Function<TeamsKnowledge, List<?>>> array : arrays.entrySet()) {
            JsonNode items = original.get(array.getKey());
            List<?> loaded = array.getValue().apply(teams);
            assertThat(loaded).as(file + " " + array.getKey()).hasSize(items.size());
            for (int i = 0; i < items.size(); i++) {
                assertThat(withoutNulls(JSON.valueToTree(loaded.get(i))))
                        .as(file + " " + array.getKey() + " " + i)
                        .isEqualTo(withoutNulls(items.get(i)));
            }
        }
    }

    @Test
    void structure_loadedAndWrittenBack_keepsEveryValue() {
        assertThat(withoutNulls(JSON.valueToTree(teams.structure())))
                .isEqualTo(withoutNulls(raw("teams-codes.json").get("structure")));
    }

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

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static JsonNode raw(String file) {
        try (InputStream in = TeamsKnowledgeComplianceTest.class.getResourceAsStream(DIR + file)) {
            assertThat(in).as(file).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            Set<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = node.get(name);
                if (!value.isNull()) {
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
