package io.icewarn.bot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one input of the command line (a file, or standard input for {@code -}) as UTF-8 text, refusing
 * binary files, malformed UTF-8 and anything over {@link #MAX_BYTES} with a one-line reason.
 */
final class InputReader {
    /** The largest input read, in bytes. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    /**
     * The text of an input, or why it could not be read.
     *
     * @param text the text, if it was read
     * @param error a one-line reason, if it was not
     */
    record Read(Optional<String> text, Optional<String> error) {
        static Read ok(String text) {
            return new Read(Optional.of(text), Optional.empty());
        }

        static Read failed(String error) {
            return new Read(Optional.empty(), Optional.of(error));
        }
    }

    private final InputStream stdin;

    InputReader(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    /** Returns the text of {@code name}: a file path, or {@code -} for standard input. Never throws. */
    Read read(String name) {
        if (name.equals("-")) {
            try {
                return decode(stdin.readNBytes(MAX_BYTES + 1));
            } catch (IOException e) {
                return Read.failed("could not read standard input");
            }
        }
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            return Read.failed("is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return decode(in.readNBytes(MAX_BYTES + 1));
        } catch (NoSuchFileException e) {
            return Read.failed("no such file");
        } catch (IOException | SecurityException e) {
            return Read.failed("could not be read");
        }
    }

    static Read decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return Read.failed("larger than " + MAX_BYTES / (1024 * 1024) + " MB; paste the relevant part instead");
        }
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Read.failed("looks binary (contains NUL bytes); not decoded");
            }
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Arrays.copyOfRange(bytes, start, bytes.length)))
                    .toString();
            return Read.ok(text);
        } catch (CharacterCodingException e) {
            return Read.failed("is not UTF-8 text; save it as UTF-8 and try again");
        }
    }
}
