package io.icewarn.decoder.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Access to the pastes in {@code src/test/resources/corpus} and their expectation rows. */
final class Corpus {
    /** The number of paste files the corpus must hold. */
    static final int FILE_COUNT = 23;

    private Corpus() {}

    static Path dir() {
        URL url = Corpus.class.getResource("/corpus");
        if (url == null) {
            throw new IllegalStateException("corpus folder missing from test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the names of the paste files, sorted. */
    static List<String> files() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String file) {
        try {
            return Files.readString(dir().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One expectation row; {@code shape} is null for rows of {@code expected.tsv}, which has no such column. */
    record Row(
            String file,
            String header,
            String code,
            String side,
            String media,
            String icewarn,
            String flags,
            String localLocation,
            String remoteLocation,
            String shape) {}

    /** Returns the rows of {@code expected.tsv} and {@code cases.tsv}, in file order. */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.addAll(readTsv("expected.tsv"));
        rows.addAll(readTsv("cases.tsv"));
        return rows;
    }

    private static List<Row> readTsv(String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c.length > 9 ? c[9] : null));
        }
        return rows;
    }
}
