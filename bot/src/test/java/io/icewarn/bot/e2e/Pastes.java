package io.icewarn.bot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real pastes from the decoder's corpus (the project's shared samples), read from the source tree. */
final class Pastes {
    private static final Path CORPUS = Path.of("..", "decoder", "src", "test", "resources", "corpus");

    /** The seed blog paste: ms-client-diagnostics 24, ICEWarn 0x320. */
    static final String SEED = "01-seed-blog-0x320.txt";
    /** The support-article paste: code 23, ICEWarn 0x4000320. */
    static final String KB_23 = "02-kb-23-0x4000320.txt";
    /** Server codes 1008 and 4141 under a 504. */
    static final String SERVER = "04-server-ms-diagnostics.txt";
    /** A chat message in a code block with ICEWarn 0x80012b. */
    static final String CODE_BLOCK = "05-discord-codeblock-audio.txt";
    /** Ordinary chat, no diagnostic. */
    static final String NO_DIAGNOSTIC = "06-no-diagnostic.txt";

    private Pastes() {}

    /** Returns the corpus file {@code name} as text. */
    static String read(String name) {
        try {
            return Files.readString(CORPUS.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a log holding ten corpus diagnostics of every shape, answered as one summary with a menu. */
    static String tenDiagnosticsLog() {
        StringBuilder log = new StringBuilder();
        for (String name : List.of(
                SEED,
                KB_23,
                "03-mediachanblob-22.txt",
                SERVER,
                CODE_BLOCK,
                "07-report-form-25-0x40003a0.txt",
                "08-ip-double-colon-51004.txt",
                "13-qoe-connectivity-decimal.txt",
                "16-server-1034-federation.txt",
                "23-client-plain-52017.txt")) {
            log.append(read(name)).append("\n\n");
        }
        return log.toString();
    }

    /**
     * Returns a log long enough that its answer takes two messages: the ten-diagnostic log seven times over
     * (77 diagnostics), whose digest does not fit the first message.
     */
    static String longLog() {
        return tenDiagnosticsLog().repeat(7);
    }
}
