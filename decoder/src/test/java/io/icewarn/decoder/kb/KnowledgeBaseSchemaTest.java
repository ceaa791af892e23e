package io.icewarn.decoder.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The knowledge base is bound strictly: the bundled files load, and a file that breaks the schema (an
 * unknown or missing property, a value of the wrong type) fails the load with the file and the path to
 * the value in the message.
 */
final class KnowledgeBaseSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of(
            "codes.json",
            "sources.json",
            "iceflags.json",
            "fields.json",
            "media.json",
            "lookalikes.json",
            "phrases.json",
            "rules.json",
            "families.json",
            "teams-codes.json",
            "sip-codes.json",
            "q850.json",
            "teams-rules.json",
            "teams-sources.json");

    @Test
    void bundledFilesLoad() {
        KnowledgeBase kb = load(bundled());
        assertThat(kb.rules()).isNotEmpty();
        assertThat(kb.codes()).isNotEmpty();
        assertThat(kb.code("ms-client-diagnostics", 24)).isPresent();
        assertThat(kb.rules()).allSatisfy(r -> assertThat(r.when()).isNotNull());
    }

    @Test
    void unknownPropertyNamesItsPath() {
        assertThatThrownBy(() -> load(
                        changed("media.json", root -> item(root, "media", 1).put("minPort", 2))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("media.json.media[1]: unknown property 'minPort'");
    }

    @Test
    void missingRequiredPropertyAndWrongTypesAreRefused() {
        assertThatThrownBy(() -> load(
                        changed("codes.json", root -> item(root, "codes", 0).remove("severity"))))
                .hasMessageContaining("codes.json.codes[0]: missing required property 'severity'");
        assertThatThrownBy(() -> load(
                        changed("rules.json", root -> item(root, "rules", 2).put("priority", "3"))))
                .hasMessageContaining("rules.json.rules[2].priority: must be a whole number");
        assertThatThrownBy(() -> load(
                        changed("rules.json", root -> item(root, "rules", 2).putNull("priority"))))
                .hasMessageContaining("rules.json.rules[2]: missing required property 'priority'");
    }

    @Test
    void duplicatePropertiesAndBadConfidenceAreRefused() {
        Map<String, String> files = bundled();
        files.put("sources.json", "{\"sources\": [], \"sources\": []}");
        assertThatThrownBy(() -> load(files))
                .hasMessageContaining("sources.json")
                .hasMessageContaining("sources");
        assertThatThrownBy(() -> load(
                        changed("iceflags.json", root -> item(root, "flags", 0).put("confidence", "sure"))))
                .hasMessageContaining("iceflags.json.flags[0].confidence: unknown confidence 'sure'");
    }

    @Test
    void aSourceNeedsExactlyOneOfUrlAndNoUrl() {
        assertThatThrownBy(() -> load(
                        changed("sources.json", root -> item(root, "sources", 0).put("noUrl", "both given"))))
                .hasMessageContaining("sources.json.sources[0]: needs exactly one of 'url' and 'noUrl'");
        assertThatThrownBy(() -> load(
                        changed("sources.json", root -> item(root, "sources", 0).remove("url"))))
                .hasMessageContaining("sources.json.sources[0]: needs exactly one of 'url' and 'noUrl'");
        assertThatThrownBy(() -> load(
                        changed("sources.json", root -> item(root, "sources", 0).put("url", " "))))
                .hasMessageContaining("sources.json.sources[0]: 'url' and 'noUrl' must not be blank");
    }

    @Test
    void unhandledIdsMustAscendWithoutRepeats() {
        assertThatThrownBy(() -> load(changed("codes.json", root -> {
                    ArrayNode ids =
                            (ArrayNode) item(root, "unhandledByClient", 0).get("ids");
                    ids.insert(1, ids.get(0).intValue());
                })))
                .hasMessageContaining("codes.json.unhandledByClient[0]: 'ids' must be ascending without repeats");
    }

    @Test
    void aMissingFileIsNamed() {
        Map<String, String> files = bundled();
        files.remove("fields.json");
        assertThatThrownBy(() -> load(files))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("fields.json");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /**
     * One random change to one random value of one file: adding a property anywhere, giving a string a
     * number's type or a number a string's, or removing a property, which fails exactly when the schema
     * requires it.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aRandomSchemaBreakFailsWithItsPath(long seed) {
        Random rnd = new Random(seed);
        Map<String, String> files = bundled();
        String file = FILES.get(rnd.nextInt(FILES.size()));
        JsonNode root = tree(files.get(file));
        List<Place> places = new ArrayList<>();
        collect(root, file, places);
        Place place = places.get(rnd.nextInt(places.size()));
        boolean mustFail = true;
        switch (rnd.nextInt(3)) {
            case 0 -> place.object.put("extra" + rnd.nextInt(100), "x");
            case 1 -> {
                JsonNode v = place.object.get(place.name);
                if (v.isTextual()) {
                    place.object.put(place.name, rnd.nextInt(100));
                } else if (v.isInt()) {
                    place.object.put(place.name, Integer.toString(v.intValue()));
                } else if (v.isArray()
                        && !v.isEmpty()
                        && (v.get(0).isTextual() || v.get(0).isInt())) {
                    ((ArrayNode) v)
                            .set(
                                    0,
                                    v.get(0).isTextual()
                                            ? JSON.getNodeFactory().numberNode(7)
                                            : JSON.getNodeFactory().textNode("7"));
                } else if (v.isBoolean()) {
                    place.object.put(place.name, "yes");
                } else {
                    place.object.put(place.name, true);
                }
            }
            default -> {
                place.object.remove(place.name);
                mustFail = !optional(place.path, place.name);
            }
        }
        files.put(file, root.toString());
        if (mustFail) {
            assertThatThrownBy(() -> load(files))
                    .as("%s %s", place.path, place.name)
                    .hasMessageContaining(place.path);
        } else {
            assertThat(load(files)).as("%s without %s", place.path, place.name).isNotNull();
        }
    }

    /** Returns true for the properties the schema lets a file leave out. */
    private static boolean optional(String path, String name) {
        return path.contains(".when") // every property of a condition
                || path.startsWith("codes.json.codes[")
                        && Set.of("reason", "meaning", "family", "releases", "carriedIn")
                                .contains(name)
                || path.startsWith("phrases.json.phrases[") && name.equals("statuses")
                || path.startsWith("lookalikes.json.lookAlikes[") && name.equals("code")
                || path.startsWith("sources.json.sources[") && name.equals("label")
                || path.startsWith("iceflags.json.flags[")
                        && Set.of("cause", "causeRank").contains(name)
                || path.equals("iceflags.json") && name.equals("contexts")
                || path.startsWith("iceflags.json.contexts[")
                        && Set.of("bits", "cause", "causeRank").contains(name)
                || path.startsWith("fields.json.fields[") && name.equals("evidence")
                || path.startsWith("rules.json.rules[")
                        && Set.of("topic", "kind").contains(name)
                || path.startsWith("teams-codes.json.codes[") && name.equals("family")
                || path.startsWith("teams-codes.json.structure.")
                        && Set.of("digit", "source").contains(name)
                || path.startsWith("sip-codes.json.codes[") && name.equals("family")
                || path.startsWith("q850.json.causes[") && name.equals("sip");
    }

    private record Place(ObjectNode object, String path, String name) {}

    private static void collect(JsonNode node, String path, List<Place> into) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                into.add(new Place(o, path, e.getKey()));
                collect(e.getValue(), path + "." + e.getKey(), into);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                collect(a.get(i), path + "[" + i + "]", into);
            }
        }
    }

    /** Returns the bundled files with {@code change} made to the tree of {@code file}. */
    private static Map<String, String> changed(String file, Consumer<ObjectNode> change) {
        Map<String, String> files = bundled();
        ObjectNode root = (ObjectNode) tree(files.get(file));
        change.accept(root);
        files.put(file, root.toString());
        return files;
    }

    /** Returns item {@code index} of the array {@code array} of {@code root}. */
    private static ObjectNode item(ObjectNode root, String array, int index) {
        return (ObjectNode) root.get(array).get(index);
    }

    private static KnowledgeBase load(Map<String, String> files) {
        return KnowledgeBase.load(name -> files.containsKey(name)
                ? new ByteArrayInputStream(files.get(name).getBytes(StandardCharsets.UTF_8))
                : null);
    }

    private static Map<String, String> bundled() {
        Map<String, String> files = new HashMap<>();
        for (String f : FILES) {
            try (InputStream in = KnowledgeBaseSchemaTest.class.getResourceAsStream("/io/icewarn/decoder/kb/" + f)) {
                files.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
