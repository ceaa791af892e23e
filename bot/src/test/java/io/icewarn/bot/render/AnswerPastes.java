package io.icewarn.bot.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pastes the answer targets are measured on: every file of the decoder's corpus (the project's shared
 * samples first, 01–06) and the 11-diagnostic log of {@code src/test/resources/answers}, read from the source
 * tree.
 */
final class AnswerPastes {
    static final Path CORPUS = Path.of("..", "decoder", "src", "test", "resources", "corpus");
    static final Path LOG = Path.of("src", "test", "resources", "answers", "11-diagnostics-log.txt");
    /** How many corpus files there must be, so a folder that vanishes fails the tests instead of passing them. */
    static final int CORPUS_FILES = 23;

    private AnswerPastes() {}

    /** Returns every paste file, the corpus sorted by name, then the log. */
    static List<Path> all() {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.size() != CORPUS_FILES) {
            throw new IllegalStateException(
                    "expected " + CORPUS_FILES + " corpus pastes in " + CORPUS + ", found " + out.size());
        }
        out.add(LOG);
        return out;
    }

    /** Returns true for the log (many diagnostics), whose target is the number of messages only. */
    static boolean isLog(Path p) {
        return p.getFileName().equals(LOG.getFileName());
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
