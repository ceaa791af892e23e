package io.icewarn.decoder.kb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.icewarn.decoder.Confidence;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One object of a knowledge-base file, read with Jackson's streaming parser and bound to a record by the
 * record's reader in {@link KnowledgeBase}. The binding is strict, as the files' schema is: a property read
 * without {@code optional} must be there and not null, every property must have the type it is read as,
 * and {@link #end} refuses a property that nothing read. Errors name the file and the path to the value.
 *
 * <p>Streaming and this binding cost a quarter of what data binding cost at start-up, which every run of
 * the command line pays (docs/PERFORMANCE.md, round 4, item 18).
 */
final class JsonObject {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** JSON {@code null}, which a map cannot hold apart from an absent property. */
    private static final Object NULL = new Object();

    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new HashSet<>();

    private JsonObject(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    /** A value that does not have the shape its file's schema gives it. */
    static final class SchemaException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SchemaException(String message) {
            super(message);
        }
    }

    /**
     * Returns the object that {@code in} holds, with {@code file} as the start of its path.
     *
     * @throws IOException when {@code in} is not one JSON object
     * @throws SchemaException when a property is written twice
     */
    static JsonObject parse(InputStream in, String file) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SchemaException(file + ": not a JSON object");
            }
            JsonObject root = readObject(p, file);
            if (p.nextToken() != null) {
                throw new SchemaException(file + ": text after the object");
            }
            return root;
        }
    }

    private static JsonObject readObject(JsonParser p, String path) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            values.put(name, readValue(p, path + "." + name));
        }
        return new JsonObject(path, values);
    }

    private static Object readValue(JsonParser p, String path) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT:
                return readObject(p, path);
            case START_ARRAY:
                List<Object> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, path + "[" + items.size() + "]"));
                }
                return items;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.INT
                        ? (Object) p.getIntValue()
                        : new Unexpected(p.getText());
            case VALUE_NULL:
                return NULL;
            default:
                // floats, booleans and whole numbers beyond int: no property of the knowledge base has them
                return new Unexpected(p.getText());
        }
    }

    /** A value of a kind no property takes; reading it as anything fails. */
    private record Unexpected(String text) {}

    /** Returns the string property {@code name}. */
    String text(String name) {
        return as(name, required(name), String.class, "a string");
    }

    /** Returns the string property {@code name}, or null when it is absent or null. */
    String optionalText(String name) {
        Object v = optional(name);
        return v == null ? null : as(name, v, String.class, "a string");
    }

    /** Returns the whole-number property {@code name}. */
    int integer(String name) {
        return as(name, required(name), Integer.class, "a whole number");
    }

    /** Returns the whole-number property {@code name}, or null when it is absent or null. */
    Integer optionalInteger(String name) {
        Object v = optional(name);
        return v == null ? null : as(name, v, Integer.class, "a whole number");
    }

    /** Returns the property {@code name}, a list of strings. */
    List<String> texts(String name) {
        return items(name, required(name), item -> as(name, item, String.class, "a string"));
    }

    /** Returns the property {@code name}, a list of strings, or null when it is absent or null. */
    List<String> optionalTexts(String name) {
        Object v = optional(name);
        return v == null ? null : items(name, v, item -> as(name, item, String.class, "a string"));
    }

    /** Returns the property {@code name}, a list of whole numbers. */
    List<Integer> integers(String name) {
        return items(name, required(name), item -> as(name, item, Integer.class, "a whole number"));
    }

    /** Returns the property {@code name}, a list of whole numbers, or null when it is absent or null. */
    List<Integer> optionalIntegers(String name) {
        Object v = optional(name);
        return v == null ? null : items(name, v, item -> as(name, item, Integer.class, "a whole number"));
    }

    /** Returns the property {@code name}, a list of objects each bound by {@code bind}. */
    <T> List<T> objects(String name, Function<JsonObject, T> bind) {
        return items(name, required(name), item -> bind.apply(as(name, item, JsonObject.class, "an object")));
    }

    /** As {@link #objects}, or null when the property is absent or null. */
    <T> List<T> optionalObjects(String name, Function<JsonObject, T> bind) {
        Object v = optional(name);
        return v == null ? null : items(name, v, item -> bind.apply(as(name, item, JsonObject.class, "an object")));
    }

    /** Returns the object property {@code name} bound by {@code bind}. */
    <T> T object(String name, Function<JsonObject, T> bind) {
        return bind.apply(as(name, required(name), JsonObject.class, "an object"));
    }

    /** Returns the object property {@code name} bound by {@code bind}, or null when it is absent or null. */
    <T> T optionalObject(String name, Function<JsonObject, T> bind) {
        Object v = optional(name);
        return v == null ? null : bind.apply(as(name, v, JsonObject.class, "an object"));
    }

    /** Returns the {@code confidence} property. */
    Confidence confidence() {
        String label = text("confidence");
        try {
            return Confidence.of(label);
        } catch (IllegalArgumentException e) {
            throw new SchemaException(path + ".confidence: " + e.getMessage());
        }
    }

    /** Returns an error about this object, naming its path, for a rule its record reader checks itself. */
    SchemaException error(String message) {
        return new SchemaException(path + ": " + message);
    }

    /** Returns {@code bound}, the record read from this object, after checking that every property was read. */
    <T> T end(T bound) {
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                throw new SchemaException(path + ": unknown property '" + name + "'");
            }
        }
        return bound;
    }

    private Object required(String name) {
        Object v = optional(name);
        if (v == null) {
            throw new SchemaException(path + ": missing required property '" + name + "'");
        }
        return v;
    }

    private Object optional(String name) {
        read.add(name);
        Object v = values.get(name);
        return v == NULL ? null : v;
    }

    private <T> List<T> items(String name, Object value, Function<Object, T> item) {
        if (!(value instanceof List<?> list)) {
            throw new SchemaException(path + "." + name + ": must be a list");
        }
        List<T> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(item.apply(o));
        }
        return List.copyOf(out); // immutable, so the records' own List.copyOf keeps it as it is
    }

    private <T> T as(String name, Object value, Class<T> type, String what) {
        if (!type.isInstance(value)) {
            throw new SchemaException(path + "." + name + ": must be " + what);
        }
        return type.cast(value);
    }
}
