package io.icewarn.decoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every paste of every corpus folder of the test resources (a folder whose name contains {@code corpus}:
 * {@code corpus}, with the shared samples 01–06, and {@code teams-corpus}), so that a corpus added later is
 * covered without a change here.
 */
final class Corpora {
    /** The fewest pastes the corpora hold together (23 + 16 when this was written). */
    static final int MIN_FILES = 39;

    private Corpora() {}

    /** One paste. */
    record Paste(String name, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Returns every {@code .txt} paste of every corpus folder, sorted by folder and name. */
    static List<Paste> pastes() {
        URL url = Corpora.class.getResource("/corpus");
        if (url == null) {
            throw new IllegalStateException("corpus folder missing from test resources");
        }
        Path root;
        try {
            root = Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().contains("corpus"))
                    .sorted()
                    .flatMap(Corpora::pastesIn)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Paste> pastesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files
                    .filter(f -> f.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .map(f -> new Paste(folder.getFileName() + "/" + f.getFileName(), read(f)))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
