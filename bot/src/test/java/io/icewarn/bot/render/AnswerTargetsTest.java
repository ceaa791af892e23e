package io.icewarn.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.render.discord.DiscordRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The targets of a short answer, measured on every sample and corpus paste and on the 11-diagnostic log: the
 * automatic answer as a Discord client shows it has at most {@link #MAX_VISIBLE} characters with its first action
 * (line {@code 1.}) within the first {@link #FIRST_ACTION_WITHIN}, in place too; the piped console answer the
 * same; no answer ever takes more than two messages. Only an answer whose every diagnostic is informational (a
 * call that worked) may have no action.
 *
 * <p>It also writes the before/after table to {@code target/answer-targets.md} (and prints it with
 * {@code -Danswers.table=true}); "before" comes from {@code answers/before.tsv}, measured the same way on the
 * previous release.
 */
final class AnswerTargetsTest {
    static final int MAX_VISIBLE = 1500;
    static final int FIRST_ACTION_WITHIN = 400;

    private static final AnswerMeasure MEASURE = new AnswerMeasure();
    private static final Map<String, AnswerMeasure.Figures> MEASURED = new LinkedHashMap<>();

    static Stream<Path> pastes() {
        return AnswerPastes.all().stream();
    }

    @Test
    void everyPasteIsMeasured() {
        assertThat(AnswerPastes.all()).hasSize(AnswerPastes.CORPUS_FILES + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastes")
    void theAnswerMeetsItsTargets(Path paste) {
        String name = paste.getFileName().toString();
        AnswerMeasure.Figures f = MEASURE.measure(name, AnswerPastes.read(paste));
        MEASURED.put(name, f);
        // never more than two messages, whatever the text
        assertThat(f.messages()).as("messages").isLessThanOrEqualTo(DiscordRenderer.MAX_ANSWER_MESSAGES);
        if (!f.answered()) {
            assertThat(f.console())
                    .as("console answer to a paste without diagnostic")
                    .isLessThanOrEqualTo(MAX_VISIBLE);
            return;
        }
        if (!AnswerPastes.isLog(paste)) {
            assertThat(f.visible()).as("visible characters in a thread").isLessThanOrEqualTo(MAX_VISIBLE);
            assertThat(f.inPlaceVisible()).as("visible characters in place").isLessThanOrEqualTo(MAX_VISIBLE);
            assertThat(f.console()).as("console characters").isLessThanOrEqualTo(MAX_VISIBLE);
        }
        if (f.firstAction() < 0 && f.consoleFirstAction() < 0) {
            assertThat(f.informational())
                    .as("only an informational answer may have no action")
                    .isTrue();
            return;
        }
        assertThat(f.firstAction()).as("first action in a thread").isBetween(0, FIRST_ACTION_WITHIN);
        assertThat(f.inPlaceFirstAction()).as("first action in place").isBetween(0, FIRST_ACTION_WITHIN);
        assertThat(f.consoleFirstAction()).as("line 1. of the console answer").isBetween(0, FIRST_ACTION_WITHIN);
    }

    /** Writes the before/after table of everything measured. */
    @AfterAll
    static void writeTable() throws IOException {
        if (MEASURED.isEmpty()) {
            return;
        }
        Map<String, String[]> before = before();
        List<String> rows = new ArrayList<>();
        rows.add("| paste | visible before → after | step 1 at, before → after | messages before → after"
                + " | payload before → after | in place after (visible / step 1) | console before → after"
                + " (chars / line 1.) |");
        rows.add("|---|---|---|---|---|---|---|");
        for (AnswerMeasure.Figures f : MEASURED.values()) {
            String[] b = before.getOrDefault(f.name(), new String[] {"?", "?", "?", "?", "?", "?"});
            boolean silentBefore = "0".equals(b[2]);
            rows.add("| " + f.name()
                    + " | " + (silentBefore ? "—" : b[0]) + " → " + (f.answered() ? f.visible() : "—")
                    + " | " + (silentBefore ? "—" : position(b[1])) + " → "
                    + (f.answered() ? position(f.firstAction(), f.informational()) : "—")
                    + " | " + b[2] + " → " + f.messages()
                    + " | " + (silentBefore ? "—" : b[3]) + " → " + (f.answered() ? f.payload() : "—")
                    + " | "
                    + (f.answered()
                            ? f.inPlaceVisible() + " / " + position(f.inPlaceFirstAction(), f.informational())
                            : "—")
                    + " | " + b[4] + " / " + position(b[5]) + " → " + f.console() + " / "
                    + position(f.consoleFirstAction(), f.informational() || !f.answered()) + " |");
        }
        String table = String.join("\n", rows) + "\n\nNo automatic answer (—): the bot stays silent on chat without a"
                + " diagnostic. \"none\": informational answers (a call that worked) have no action.\n";
        Path out = Path.of("target", "answer-targets.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("answers.table")) {
            System.out.println(table);
        }
    }

    private static String position(String p) {
        return "-1".equals(p) ? "none" : p;
    }

    private static String position(int p, boolean noneExpected) {
        return p < 0 ? (noneExpected ? "none" : "MISSING") : Integer.toString(p);
    }

    private static Map<String, String[]> before() {
        Map<String, String[]> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(
                    Path.of("src", "test", "resources", "answers", "before.tsv"), StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                out.put(cells[0], java.util.Arrays.copyOfRange(cells, 1, cells.length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
