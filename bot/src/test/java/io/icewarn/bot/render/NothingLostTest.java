package io.icewarn.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icewarn.bot.features.decode.DecodeService;
import io.icewarn.bot.render.json.JsonOutput;
import io.icewarn.bot.render.markdown.TicketRenderer;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplyBuilder;
import io.icewarn.bot.reply.ReplySection;
import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.Decoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Nothing of the old long answers is lost: every step the previous release listed for every corpus paste and
 * the 11-diagnostic log ({@code answers/old-steps.tsv}, from its {@code decode --json}) is still reachable in
 * its own words through the answer and the Full checklist, the ticket, or {@code --json}, or, where this release
 * rewrote or withdrew it on purpose, under its rule in {@code --json} in new words, or replaced by what the
 * bits mean in context: "0x100 and 0x200 are expected" on a failed TCP-only call, and the failure steps of a
 * diagnostic now judged informational because its media connected (a QoE line relayed through the Edge),
 * whose bits are paths that were tried.
 */
final class NothingLostTest {
    /** Rules whose text was rewritten so that it names only the bits that are set. */
    private static final Set<String> REWORDED =
            Set.of("tcp-checks-expected", "direct-path-note", "proxy-configured-note");

    /**
     * Rules withdrawn where they were wrong: "0x100 and 0x200 are expected" on a failed application-sharing or
     * file-transfer call, where those bits are the failure; their bits' context note says so instead.
     */
    private static final String WITHDRAWN_IN_CONTEXT = "tcp-checks-expected";

    private final Decoder decoder = Decoder.standard();
    private final ReplyBuilder replies = new ReplyBuilder(decoder::source, false);
    private final ObjectMapper json = new ObjectMapper();

    private record OldStep(String file, int diagnostic, String rule, String text) {}

    @Test
    void everyOldStepIsStillReachable() throws Exception {
        List<OldStep> old = oldSteps();
        assertThat(old).hasSizeGreaterThan(200);
        Map<String, String> texts = new HashMap<>();
        for (Path p : AnswerPastes.all()) {
            texts.put(p.getFileName().toString(), AnswerPastes.read(p));
        }
        SoftAssertions soft = new SoftAssertions();
        Map<String, Reached> reached = new HashMap<>();
        for (OldStep s : old) {
            Reached r = reached.computeIfAbsent(s.file(), f -> reach(texts.get(f)));
            String where = s.file() + " #" + s.diagnostic() + " " + s.rule();
            boolean inWords = r.answerAndChecklist().contains(s.text())
                    || r.ticket().contains(s.text())
                    || r.jsonTexts().get(s.diagnostic()).contains(s.text());
            if (inWords) {
                continue;
            }
            JsonNode d = r.json().get("diagnostics").get(s.diagnostic());
            if (REWORDED.contains(s.rule()) && rules(d).contains(s.rule())) {
                continue;
            }
            if (s.rule().equals(WITHDRAWN_IN_CONTEXT)
                    || d.get("severity").asText().equals("info")) {
                // withdrawn where it was wrong: the bits are judged in context instead, and say so
                soft.assertThat(contextNotes(d))
                        .as(where + ": replaced by the bits' context notes")
                        .isNotEmpty();
                continue;
            }
            soft.fail(where + " is lost: " + s.text());
        }
        soft.assertAll();
    }

    @Test
    void theAnswerAndTheFullChecklistTogetherShowEveryStep() {
        // GIVEN every paste's full reply
        for (Path p : AnswerPastes.all()) {
            Reply full = replies.decoded(
                    DecodeService.normalise(AnswerPastes.read(p)),
                    decoder.decode(DecodeService.normalise(AnswerPastes.read(p))));
            if (full.sections().size() != 1) {
                continue;
            }
            // WHEN its answer and its full checklist are made
            List<ReplySection.ChecklistLine> shown =
                    new ArrayList<>(replies.answer(full).sections().get(0).steps());
            shown.addAll(replies.checklist(full).sections().get(0).steps());
            // THEN together they are the whole checklist, each step once
            assertThat(shown)
                    .as(p.getFileName().toString())
                    .extracting(ReplySection.ChecklistLine::text)
                    .containsExactlyElementsOf(full.sections().get(0).steps().stream()
                            .map(ReplySection.ChecklistLine::text)
                            .toList());
        }
    }

    /** What the new release keeps of one paste, in every place it can be read. */
    private record Reached(String answerAndChecklist, String ticket, JsonNode json, List<String> jsonTexts) {}

    private Reached reach(String text) {
        String normalised = DecodeService.normalise(text);
        DecodeResult result = decoder.decode(normalised);
        Reply full = replies.decoded(normalised, result);
        StringBuilder shown = new StringBuilder(full.toString());
        shown.append(replies.answer(full)).append(replies.checklist(full));
        String ticket = new TicketRenderer().render(full);
        try {
            JsonNode document = json.readTree(new JsonOutput().render(List.of(JsonOutput.Input.decoded("-", result))));
            List<String> perDiagnostic = new ArrayList<>();
            for (JsonNode d : document.get("diagnostics")) {
                StringBuilder b = new StringBuilder();
                for (JsonNode step : d.get("checklist")) {
                    b.append(step.get("text").asText()).append('\n');
                    step.get("merged")
                            .forEach(m -> b.append(m.get("text").asText()).append('\n'));
                }
                d.get("remarks").forEach(r -> b.append(r.get("text").asText()).append('\n'));
                perDiagnostic.add(b.toString());
            }
            return new Reached(shown.toString(), ticket, document, perDiagnostic);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> rules(JsonNode d) {
        List<String> out = new ArrayList<>();
        for (JsonNode step : d.get("checklist")) {
            out.add(step.get("rule").asText());
            step.get("merged").forEach(m -> out.add(m.get("rule").asText()));
        }
        d.get("remarks").forEach(r -> out.add(r.get("rule").asText()));
        return out;
    }

    private static List<String> contextNotes(JsonNode d) {
        List<String> out = new ArrayList<>();
        JsonNode ice = d.get("iceWarn");
        if (ice != null && !ice.isNull()) {
            for (JsonNode f : ice.get("flags")) {
                if (f.hasNonNull("contextNote")) {
                    out.add(f.get("contextNote").asText());
                }
            }
        }
        return out;
    }

    private static List<OldStep> oldSteps() throws java.io.IOException {
        List<OldStep> out = new ArrayList<>();
        for (String line : Files.readAllLines(
                Path.of("src", "test", "resources", "answers", "old-steps.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", 4);
            out.add(new OldStep(c[0], Integer.parseInt(c[1]), c[2], c[3]));
        }
        return out;
    }
}
