package io.icewarn.bot.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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

    /** Why an input over {@link #MAX_BYTES} is refused. */
    static final String TOO_LARGE = "larger than " + MAX_BYTES / (1024 * 1024) + " MB; paste the relevant part instead";

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

    /**
     * An input opened for streaming, or why it could not be opened.
     *
     * @param stream the bytes of the input; standard input is not closed by closing it
     * @param file the input's channel when it is a regular file (the stream reads it), which the decoder
     *     can read faster than a stream
     * @param error a one-line reason, if it could not be opened
     */
    record Opened(Optional<InputStream> stream, Optional<FileChannel> file, Optional<String> error) {}

    /** Opens {@code name} (a file path, or {@code -} for standard input) for streaming. Never throws. */
    Opened open(String name) {
        if (name.equals("-")) {
            return new Opened(
                    Optional.of(new FilterInputStream(stdin) {
                        @Override
                        public void close() {
                            // standard input stays open for later inputs named "-"
                        }
                    }),
                    Optional.empty(),
                    Optional.empty());
        }
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            return failed("is a directory");
        }
        try {
            if (!Files.isRegularFile(path)) {
                return new Opened(
                        Optional.of(Files.newInputStream(path)), Optional.empty(), Optional.empty()); // a pipe
            }
            FileChannel file = FileChannel.open(path);
            return new Opened(Optional.of(Channels.newInputStream(file)), Optional.of(file), Optional.empty());
        } catch (NoSuchFileException e) {
            return failed("no such file");
        } catch (IOException | SecurityException e) {
            return failed("could not be read");
        }
    }

    private static Opened failed(String error) {
        return new Opened(Optional.empty(), Optional.empty(), Optional.of(error));
    }

    /** Returns the length of a UTF-8 byte order mark at the start of {@code bytes} (0 or 3). */
    static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3
                : 0;
    }

    /**
     * Returns why an input that starts with {@code head} (the first chunk of a larger input) is not
     * decoded, with the same messages as {@link #decode}: NUL bytes, or bytes that are not UTF-8. A
     * character cut by the end of the chunk is not an error. Empty when it looks like UTF-8 text.
     */
    static Optional<String> refuseHead(byte[] head) {
        int start = bomLength(head);
        for (int i = start; i < head.length; i++) {
            if (head[i] == 0) {
                return Optional.of("looks binary (contains NUL bytes); not decoded");
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head, start, head.length - start);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = utf8.decode(in, out, false);
            if (r.isError()) {
                return Optional.of("is not UTF-8 text; save it as UTF-8 and try again");
            }
            if (r.isUnderflow()) {
                return Optional.empty(); // at most a cut character is left
            }
            out.clear();
        }
    }

    static Read decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return Read.failed(TOO_LARGE);
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
