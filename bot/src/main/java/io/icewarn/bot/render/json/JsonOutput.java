package io.icewarn.bot.render.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icewarn.decoder.ChecklistItem;
import io.icewarn.decoder.CodeExplanation;
import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.FlagMeaning;
import io.icewarn.decoder.IceWarnExplanation;
import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.Problem;
import io.icewarn.decoder.model.ServerDiagnostic;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes decode results as the one JSON document of {@code decode --json}; the schema is in
 * {@code docs/json-output.md}. This is raw data, not the chat wording: nothing is redacted or reworded.
 * Thread-safe.
 */
public final class JsonOutput {
    /**
     * The tree writer, built at first use: a streamed document starts with jackson-core alone, so a big
     * file's scan does not wait for the object mapper (a few hundred classes) to be built first.
     */
    private static final class Trees {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * One decoded input, or one that could not be read.
     *
     * @param name the file name, or {@code -} for standard input
     * @param result what was found, empty when the input could not be read
     * @param error why the input could not be read, empty when it was read
     */
    public record Input(String name, Optional<DecodeResult> result, Optional<String> error) {
        public Input {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(error, "error");
        }

        /** Returns a decoded input. */
        public static Input decoded(String name, DecodeResult result) {
            return new Input(name, Optional.of(result), Optional.empty());
        }

        /** Returns an input that could not be read. */
        public static Input failed(String name, String error) {
            return new Input(name, Optional.empty(), Optional.of(error));
        }
    }

    /** Returns the JSON document for {@code inputs}, pretty-printed, without a trailing line break. */
    public String render(List<Input> inputs) {
        ObjectNode root = Trees.MAPPER.createObjectNode();
        ArrayNode diagnostics = root.putArray("diagnostics");
        ArrayNode problems = root.putArray("problems");
        ArrayNode errors = root.putArray("errors");
        for (Input in : inputs) {
            in.error().ifPresent(e -> errors.addObject().put("input", in.name()).put("message", e));
            if (in.result().isEmpty()) {
                continue;
            }
            for (DecodedDiagnostic d : in.result().get().diagnostics()) {
                diagnostics.add(diagnostic(in.name(), d));
            }
            for (Problem p : in.result().get().problems()) {
                problems.addObject()
                        .put("input", in.name())
                        .put("offset", p.offset())
                        .put("message", p.message());
            }
        }
        try {
            return Trees.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns a writer of the same document, written as it goes: each diagnostic is written out as soon
     * as it is passed, so a log of any size needs memory for one diagnostic only. Problems and errors,
     * few by construction, are kept until {@link Streaming#finish()}. Not thread-safe.
     */
    public Streaming streaming(OutputStream out) {
        return new Streaming(out);
    }

    /** The incremental form of {@link #render}: byte for byte the same document. */
    public final class Streaming {
        private final JsonGenerator gen;
        private final List<ObjectNode> problems = new ArrayList<>();
        private final List<ObjectNode> errors = new ArrayList<>();

        private Streaming(OutputStream out) {
            try {
                gen = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
                gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                gen.setPrettyPrinter(new DefaultPrettyPrinter());
                gen.writeStartObject();
                gen.writeArrayFieldStart("diagnostics");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes one diagnostic of {@code input} now. */
        public void diagnostic(String input, DecodedDiagnostic d) {
            try {
                Trees.MAPPER.writeTree(gen, JsonOutput.this.diagnostic(input, d));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Adds a problem met in {@code input}; written by {@link #finish()}. */
        public void problem(String input, Problem p) {
            problems.add(Trees.MAPPER
                    .createObjectNode()
                    .put("input", input)
                    .put("offset", p.offset())
                    .put("message", p.message()));
        }

        /** Adds an input that could not be decoded; written by {@link #finish()}. */
        public void error(String input, String message) {
            errors.add(Trees.MAPPER.createObjectNode().put("input", input).put("message", message));
        }

        /** Ends the document (without a trailing line break) and flushes it. */
        public void finish() {
            try {
                gen.writeEndArray();
                gen.writeArrayFieldStart("problems");
                for (ObjectNode p : problems) {
                    Trees.MAPPER.writeTree(gen, p);
                }
                gen.writeEndArray();
                gen.writeArrayFieldStart("errors");
                for (ObjectNode e : errors) {
                    Trees.MAPPER.writeTree(gen, e);
                }
                gen.writeEndArray();
                gen.writeEndObject();
                gen.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ObjectNode diagnostic(String input, DecodedDiagnostic decoded) {
        Diagnostic d = decoded.diagnostic();
        ObjectNode o = Trees.MAPPER.createObjectNode();
        o.put("input", input);
        o.put("header", d.header());
        putInt(o, "code", d.code());
        o.put("reason", d.reason().orElse(null));
        ClientDiagnostic client = d instanceof ClientDiagnostic ? (ClientDiagnostic) d : null;
        o.put("side", client == null ? null : client.side().map(s -> s.label()).orElse(null));
        o.put("media", client == null ? null : client.media().orElse(null));
        o.put("severity", decoded.severity().label());
        o.put("shape", d.shape().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.putObject("span").put("start", d.span().start()).put("end", d.span().end());
        o.put("verdict", decoded.verdict());
        putInt(o, "sipStatus", d.sipStatus());
        putInt(
                o,
                "subErrorId",
                d instanceof ServerDiagnostic ? ((ServerDiagnostic) d).subErrorId() : OptionalInt.empty());
        ObjectNode fields = o.putObject("fields");
        for (Field f : d.fields().entries()) {
            if (!fields.has(f.key())) {
                fields.put(f.key(), f.value());
            }
        }
        if (decoded.iceWarn().isPresent()) {
            o.set("iceWarn", iceWarn(decoded.iceWarn().get()));
        } else {
            o.putNull("iceWarn");
        }
        if (decoded.code().isPresent()) {
            o.set("codeInfo", codeInfo(decoded.code().get()));
        } else {
            o.putNull("codeInfo");
        }
        ArrayNode checklist = o.putArray("checklist");
        for (ChecklistItem c : decoded.checklist()) {
            ObjectNode item = checklist.addObject();
            item.put("text", c.text());
            strings(item.putArray("sources"), c.sources());
            item.put("confidence", c.confidence().label());
            item.put("rule", c.ruleId());
        }
        strings(o.putArray("notes"), decoded.notes());
        return o;
    }

    /** Returns the JSON of one ICEWarn explanation, as used under {@code iceWarn} (also by {@code explain --json}). */
    public ObjectNode iceWarn(IceWarnExplanation e) {
        ObjectNode o = Trees.MAPPER.createObjectNode();
        o.put("value", e.value().hex());
        o.put("raw", e.value().raw());
        ArrayNode flags = o.putArray("flags");
        for (FlagMeaning f : e.flags()) {
            ObjectNode flag = flags.addObject();
            flag.put("bit", IceWarn.hex(f.bit()));
            flag.put("label", f.label());
            flag.put("expected", f.expected());
            flag.put(
                    "expectation",
                    f.expectation().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            flag.put("guidance", f.guidance());
            strings(flag.putArray("sources"), f.sources());
            flag.put("confidence", f.confidence().label());
        }
        ArrayNode unknown = o.putArray("unknownBits");
        e.unknownBits().forEach(b -> unknown.add(IceWarn.hex(b)));
        o.put("note", e.note().orElse(null));
        return o;
    }

    private ObjectNode codeInfo(CodeExplanation c) {
        ObjectNode o = Trees.MAPPER.createObjectNode();
        o.put("known", c.known());
        o.put("reason", c.reason().orElse(null));
        o.put("meaning", c.meaning());
        o.put("area", c.area().orElse(null));
        o.put("family", c.family().orElse(null));
        o.put("severity", c.severity().label());
        strings(o.putArray("sources"), c.sources());
        o.put("confidence", c.confidence().label());
        return o;
    }

    private static void putInt(ObjectNode o, String key, OptionalInt value) {
        if (value.isPresent()) {
            o.put(key, value.getAsInt());
        } else {
            o.putNull(key);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
