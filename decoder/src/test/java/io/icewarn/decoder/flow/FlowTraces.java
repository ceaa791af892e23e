package io.icewarn.decoder.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The SIP traces of {@code src/test/resources/flow}. */
final class FlowTraces {
    /** The number of trace files. */
    static final int FILES = 11;

    private FlowTraces() {}

    static List<String> names() {
        try (Stream<Path> s =
                Files.list(Path.of(FlowTraces.class.getResource("/flow").toURI()))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(String name) {
        try {
            return Files.readString(
                    Path.of(FlowTraces.class.getResource("/flow/" + name).toURI()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
