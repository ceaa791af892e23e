package io.icewarn.bot.render.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.icewarn.decoder.ChecklistItem;
import io.icewarn.decoder.CodeExplanation;
import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.FlagMeaning;
import io.icewarn.decoder.IceWarnExplanation;
import io.icewarn.decoder.TeamsExplanation;
import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.Problem;
import io.icewarn.decoder.model.ServerDiagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Writes decode results as the one JSON document of {@code decode --json}; the schema is in
 * {@code docs/json-output.md}. This is raw data, not the chat wording: nothing is redacted or reworded.
 * Thread-safe.
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Streaming document = streaming(out);
        for (Input in : inputs) {
            in.error().ifPresent(e -> document.error(in.name(), e));
            if (in.result().isEmpty()) {
                continue;
            }
            for (DecodedDiagnostic d : in.result().get().diagnostics()) {
                document.diagnostic(in.name(), d);
            }
            for (Problem p : in.result().get().problems()) {
                document.problem(in.name(), p);
            }
        }
        document.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Returns a writer of the same document, written as it goes: each diagnostic is written out as soon
     * as it is passed, so a log of any size needs memory for one diagnostic only. Problems and errors,
     * few by construction, are kept until {@link Streaming#finish()}. Not thread-safe.
     */
    public Streaming streaming(OutputStream out) {
        return new Streaming(out);
    }

    /**
     * The incremental form of {@link #render}: byte for byte the same document. Written with jackson-core's
     * generator alone: building the object mapper and its trees cost more start-up than a 1 GiB log's
     * diagnostics take to write.
     */
    public final class Streaming {
        private final JsonGenerator gen;
        private final List<Entry> problems = new ArrayList<>();
        private final List<Entry> errors = new ArrayList<>();

        /** A problem (with an offset) or an error (without one), kept until the end of the document. */
        private record Entry(String input, OptionalInt offset, String message) {}

        private Streaming(OutputStream out) {
            try {
                gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
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
                writeDiagnostic(gen, input, d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Adds a problem met in {@code input}; written by {@link #finish()}. */
        public void problem(String input, Problem p) {
            problems.add(new Entry(input, OptionalInt.of(p.offset()), p.message()));
        }

        /** Adds an input that could not be decoded; written by {@link #finish()}. */
        public void error(String input, String message) {
            errors.add(new Entry(input, OptionalInt.empty(), message));
        }

        /** Ends the document (without a trailing line break) and flushes it. */
        public void finish() {
            try {
                gen.writeEndArray();
                writeEntries("problems", problems);
                writeEntries("errors", errors);
                gen.writeEndObject();
                gen.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void writeEntries(String name, List<Entry> entries) throws IOException {
            gen.writeArrayFieldStart(name);
            for (Entry e : entries) {
                gen.writeStartObject();
                gen.writeStringField("input", e.input());
                if (e.offset().isPresent()) {
                    gen.writeNumberField("offset", e.offset().getAsInt());
                }
                gen.writeStringField("message", e.message());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
    }

    private static void writeDiagnostic(JsonGenerator g, String input, DecodedDiagnostic decoded) throws IOException {
        Diagnostic d = decoded.diagnostic();
        ClientDiagnostic client = d instanceof ClientDiagnostic ? (ClientDiagnostic) d : null;
        g.writeStartObject();
        g.writeStringField("input", input);
        g.writeStringField("header", d.header());
        writeInt(g, "code", d.code());
        g.writeStringField("reason", d.reason().orElse(null));
        g.writeStringField(
                "side",
                client == null ? null : client.side().map(s -> s.label()).orElse(null));
        g.writeStringField("media", client == null ? null : client.media().orElse(null));
        g.writeStringField("severity", decoded.severity().label());
        g.writeStringField("shape", d.shape().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        g.writeObjectFieldStart("span");
        g.writeNumberField("start", d.span().start());
        g.writeNumberField("end", d.span().end());
        g.writeEndObject();
        g.writeStringField("summary", decoded.summary());
        g.writeStringField("verdict", decoded.verdict());
        writeInt(g, "sipStatus", d.sipStatus());
        g.writeStringField("callId", decoded.callId().orElse(null));
        writeInt(
                g,
                "subErrorId",
                d instanceof ServerDiagnostic ? ((ServerDiagnostic) d).subErrorId() : OptionalInt.empty());
        g.writeObjectFieldStart("fields");
        Set<String> written = new HashSet<>();
        for (Field f : d.fields().entries()) {
            if (written.add(f.key())) { // a repeated key keeps its first value
                g.writeStringField(f.key(), f.value());
            }
        }
        g.writeEndObject();
        g.writeFieldName("iceWarn");
        if (decoded.iceWarn().isPresent()) {
            writeIceWarn(g, decoded.iceWarn().get());
        } else {
            g.writeNull();
        }
        g.writeFieldName("codeInfo");
        if (decoded.code().isPresent()) {
            writeCodeInfo(g, decoded.code().get());
        } else {
            g.writeNull();
        }
        g.writeFieldName("teams");
        if (decoded.teams().isPresent()) {
            writeTeams(g, decoded.teams().get());
        } else {
            g.writeNull();
        }
        g.writeArrayFieldStart("checklist");
        for (ChecklistItem c : decoded.checklist()) {
            writeItem(g, c, true);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("remarks");
        for (ChecklistItem c : decoded.remarks()) {
            writeItem(g, c, false);
        }
        g.writeEndArray();
        writeStrings(g, "notes", decoded.notes());
        g.writeEndObject();
    }

    /** Writes a step (with the steps merged into it) or a remark. */
    private static void writeItem(JsonGenerator g, ChecklistItem c, boolean step) throws IOException {
        g.writeStartObject();
        g.writeStringField("text", c.text());
        writeStrings(g, "sources", c.sources());
        g.writeStringField("confidence", c.confidence().label());
        g.writeStringField("rule", c.ruleId());
        if (step) {
            g.writeArrayFieldStart("merged");
            for (ChecklistItem m : c.merged()) {
                writeItem(g, m, false);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeIceWarn(JsonGenerator g, IceWarnExplanation e) throws IOException {
        g.writeStartObject();
        g.writeStringField("value", e.value().hex());
        g.writeStringField("raw", e.value().raw());
        g.writeArrayFieldStart("flags");
        for (FlagMeaning f : e.flags()) {
            g.writeStartObject();
            g.writeStringField("bit", IceWarn.hex(f.bit()));
            g.writeStringField("label", f.label());
            g.writeBooleanField("expected", f.expected());
            g.writeStringField("expectation", f.expectation().label());
            g.writeStringField("inContext", f.inContext().label());
            g.writeStringField("guidance", f.guidance());
            g.writeStringField("contextNote", f.contextNote().isEmpty() ? null : f.contextNote());
            writeStrings(g, "sources", f.sources());
            g.writeStringField("confidence", f.confidence().label());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("unknownBits");
        for (long b : e.unknownBits()) {
            g.writeString(IceWarn.hex(b));
        }
        g.writeEndArray();
        g.writeStringField("note", e.note().orElse(null));
        g.writeEndObject();
    }

    private static void writeCodeInfo(JsonGenerator g, CodeExplanation c) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("known", c.known());
        g.writeStringField("reason", c.reason().orElse(null));
        g.writeStringField("meaning", c.meaning());
        g.writeStringField("area", c.area().orElse(null));
        g.writeStringField("family", c.family().orElse(null));
        g.writeStringField("situation", c.situation().orElse(null));
        g.writeStringField("severity", c.severity().label());
        writeStrings(g, "sources", c.sources());
        g.writeStringField("confidence", c.confidence().label());
        writeStrings(g, "releases", c.releases());
        g.writeStringField("carriedIn", c.carriedIn().orElse(null));
        g.writeBooleanField("notHandledByClient", c.notHandledByClient());
        g.writeArrayFieldStart("otherWordings");
        for (CodeExplanation.Wording w : c.otherWordings()) {
            g.writeStartObject();
            g.writeStringField("reason", w.reason());
            writeStrings(g, "releases", w.releases());
            writeStrings(g, "sources", w.sources());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeTeams(JsonGenerator g, TeamsExplanation t) throws IOException {
        g.writeStartObject();
        writeInt(g, "microsoftCode", t.microsoftCode());
        g.writeBooleanField("documented", t.documented());
        g.writeStringField("documentedPhrase", t.documentedPhrase().orElse(null));
        g.writeStringField(
                "origin", t.structure().map(TeamsExplanation.Structure::origin).orElse(null));
        g.writeFieldName("structure");
        if (t.structure().isPresent()) {
            TeamsExplanation.Structure s = t.structure().get();
            g.writeStartObject();
            g.writeNumberField("module", s.module());
            g.writeNumberField("source", s.source());
            g.writeNumberField("detail", s.detail());
            g.writeBooleanField("detailIsSipCode", s.detailIsSipCode());
            g.writeStringField("meaning", s.meaning());
            g.writeStringField("unknown", s.unknown());
            writeStrings(g, "sources", s.sources());
            g.writeEndObject();
        } else {
            g.writeNull();
        }
        writeInt(g, "sipCode", t.sipCode());
        g.writeStringField("sipPhrase", t.sipPhrase().orElse(null));
        g.writeFieldName("q850");
        if (t.q850().isPresent()) {
            TeamsExplanation.Q850 q = t.q850().get();
            g.writeStartObject();
            g.writeNumberField("cause", q.cause());
            g.writeStringField("name", q.name().isEmpty() ? null : q.name());
            writeInt(g, "sipMapping", q.sipMapping());
            writeStrings(g, "sources", q.sources());
            g.writeEndObject();
        } else {
            g.writeNull();
        }
        g.writeStringField("correlationId", t.correlationId().orElse(null));
        writeInt(g, "matchedCode", t.matchedCode());
        g.writeEndObject();
    }

    private static void writeInt(JsonGenerator g, String name, OptionalInt value) throws IOException {
        g.writeFieldName(name);
        if (value.isPresent()) {
            g.writeNumber(value.getAsInt());
        } else {
            g.writeNull();
        }
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
