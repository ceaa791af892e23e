package io.icewarn.bot.render.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Golden;
import io.icewarn.bot.ladder.Ladder;
import io.icewarn.bot.ladder.LadderBuilder;
import io.icewarn.decoder.Decoder;
import io.icewarn.decoder.flow.CallFlow;
import io.icewarn.decoder.flow.FlowReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIP trace corpus ({@code decoder/src/test/resources/flow}) against golden text ladders
 * ({@code golden/flow/NN.txt}, rewritten only with {@code -Dgolden.update=true}). Files that share their
 * number are read in turn as one flow (a dialog split over two pastes).
 */
final class FlowCorpusTest {
    /** The number of cases: a lost file fails the build. */
    static final int CASES = 10;

    private static final Decoder DECODER = Decoder.standard();

    static Path dir() {
        try {
            return Path.of(FlowCorpusTest.class.getResource("/flow").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("flow corpus missing from test resources", e);
        }
    }

    /** Returns the cases: number → files, sorted. */
    static Map<String, List<Path>> cases() {
        Map<String, List<Path>> cases = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir())) {
            files.filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .forEach(p -> cases.computeIfAbsent(
                                    p.getFileName().toString().substring(0, 2), k -> new ArrayList<>())
                            .add(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    static Stream<String> caseNames() {
        return cases().keySet().stream();
    }

    /** Returns the flow of case {@code name}, each file read as one input. */
    static CallFlow flow(String name) {
        FlowReader reader = DECODER.flowReader();
        for (Path p : cases().get(name)) {
            try {
                reader.read(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reader.result();
    }

    @Test
    void corpus_hasEveryCase() {
        assertThat(cases()).hasSize(CASES);
        assertThat(cases().values().stream().mapToInt(List::size).sum()).isEqualTo(CASES + 1);
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void ladder_matchesGolden(String name) {
        // GIVEN a trace of the corpus
        CallFlow flow = flow(name);
        // WHEN its dialogs are laid out as text ladders
        LadderBuilder builder = new LadderBuilder(false);
        StringBuilder out = new StringBuilder();
        flow.problems().forEach(p -> out.append("problem: ").append(p.message()).append('\n'));
        for (Ladder l : builder.ladders(flow)) {
            out.append('\n').append(new TextLadderRenderer().render(l));
        }
        // THEN they read as the golden file says, and every case has a dialog of two or more messages
        Golden.assertMatches("flow/" + name + ".txt", out.toString());
        if (!name.equals("09")) {
            assertThat(flow.dialogs()).anyMatch(d -> d.messages().size() >= 2);
        }
    }
}
