package io.icewarn.decoder;

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

/** Access to the Teams Direct Routing pastes in {@code src/test/resources/teams-corpus} and their manifest. */
public final class TeamsCorpus {
    /** The number of paste files the corpus must hold. */
    public static final int FILE_COUNT = 16;

    /** The fewest Teams diagnostics the corpus must hold. */
    public static final int MIN_TEAMS_ROWS = 12;

    private TeamsCorpus() {}

    static Path dir() {
        URL url = TeamsCorpus.class.getResource("/teams-corpus");
        if (url == null) {
            throw new IllegalStateException("teams-corpus folder missing from test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the names of the paste files, sorted. */
    public static List<String> files() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the text of paste {@code file}. */
    public static String read(String file) {
        try {
            return Files.readString(dir().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One expected diagnostic; {@code -} means absent.
     *
     * @param file the paste
     * @param header the namespace ({@code teams-direct-routing}, {@code Q.850}) or a Lync header
     * @param shape the {@code Shape} constant
     * @param sip the final SIP code (or the status of the response)
     * @param microsoft the Microsoft response code (for a Lync row, its ID)
     * @param q850 the Q.850 cause
     * @param known whether the knowledge base documents the code
     * @param origin who produced the final response by the code's structure: {@code sbc}, {@code microsoft}
     * @param source a citation key the code's explanation must give
     */
    public record Row(
            String file,
            String header,
            String shape,
            String sip,
            String microsoft,
            String q850,
            String known,
            String origin,
            String source) {}

    /** Returns the rows of {@code manifest.tsv}, in file order. */
    public static List<Row> rows() {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir().resolve("manifest.tsv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]));
        }
        return rows;
    }
}
