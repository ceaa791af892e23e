package io.icewarn.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.core.NotBuiltDiscordBot;
import io.icewarn.bot.core.Services;
import io.icewarn.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decode} refuses an input over its size limit, from a file or standard input, with exit 1 and one
 * line on standard error, and prints nothing of it; it stops reading at the limit. The limit is 64 MB; tests
 * lower it with {@code --max-size}, and prove the default on a sparse file and a generated stream that are
 * never held in memory.
 */
final class DecodeLimitsTest {
    private static final Decoder DECODER = Decoder.standard();
    private static final long MB_64 = 64L * 1024 * 1024;
    private static final String SEED = "ms-client-diagnostics: 24; reason=\"Call failed to establish due to a media"
            + " connectivity failure when both endpoints are remote\";CallerMediaDebug=\"application-sharing:"
            + "ICEWarn=0x320,,,RemoteSite=,PortRange=50040:50049,LocalMRTCPPort=57498,LocalLocation=1,"
            + "RemoteLocation=1,FederationType=0\"\n";

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(InputStream stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Main main = new Main(
                new HashMap<>(), dir, false, new NotBuiltDiscordBot(), settings -> Services.of(settings, DECODER));
        int code = main.execute(
                args,
                stdin,
                new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private static InputStream none() {
        return new ByteArrayInputStream(new byte[0]);
    }

    /** A paste of {@code size} bytes: the seed diagnostic, then log lines. */
    private static byte[] paste(int size) {
        StringBuilder sb = new StringBuilder(size + 100).append(SEED);
        while (sb.length() < size) {
            sb.append("2024-05-02 10:11:12.123 INFO flow state changed, nothing to see here\n");
        }
        sb.setLength(size);
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void decode_fileOverTheLimit_isRefusedWithOneLine() throws IOException {
        // GIVEN a file one byte over --max-size WHEN decoded THEN exit 1, one line naming it, nothing printed
        Path file = Files.write(dir.resolve("big.txt"), paste(100_001));
        assertThat(run(none(), "decode", "--max-size", "100000", file.toString()))
                .isEqualTo(1);
        assertThat(err).isEqualTo("icewarn: " + file + ": larger than 100000 bytes (--max-size); not decoded\n");
        assertThat(out).isEmpty();
    }

    @Test
    void decode_fileAtTheLimit_isDecoded() throws IOException {
        Path file = Files.write(dir.resolve("ok.txt"), paste(100_000));
        assertThat(run(none(), "decode", "--max-size", "100000", file.toString()))
                .isZero();
        assertThat(out).contains("ICEWarn 0x320");
        assertThat(err).isEmpty();
    }

    @Test
    void decode_standardInputOverTheLimit_isRefusedBeforeAnythingIsPrinted() {
        // GIVEN 3 MB on standard input (streamed, the diagnostic at its start) and a 2 MB limit
        int limit = 2 * 1024 * 1024;
        CountingStream stdin = new CountingStream(new ByteArrayInputStream(paste(3 * 1024 * 1024)));
        // WHEN decoded THEN exit 1, one line, nothing printed, and reading stopped at the limit
        assertThat(run(stdin, "decode", "--max-size", "" + limit)).isEqualTo(1);
        assertThat(err)
                .isEqualTo("icewarn: standard input: larger than " + limit + " bytes (--max-size); not decoded\n");
        assertThat(out).isEmpty();
        assertThat(stdin.read).isLessThanOrEqualTo(limit + 1);
    }

    @Test
    void decode_standardInputAtTheLimit_isDecoded() {
        int limit = 2 * 1024 * 1024;
        assertThat(run(new ByteArrayInputStream(paste(limit)), "decode", "--max-size", "" + limit))
                .isZero();
        assertThat(out).contains("ICEWarn 0x320");
        assertThat(err).isEmpty();
    }

    @Test
    void decode_smallStandardInputOverTheLimit_isRefusedToo() {
        // the limit below the size at which an input is streamed: refused while its head is read
        assertThat(run(new ByteArrayInputStream(paste(5000)), "decode", "--max-size", "4999"))
                .isEqualTo(1);
        assertThat(err).isEqualTo("icewarn: standard input: larger than 4999 bytes (--max-size); not decoded\n");
        assertThat(out).isEmpty();
    }

    @Test
    void decode_sparseFileOver64Mb_isRefusedWithoutReadingIt() throws IOException {
        // GIVEN a sparse file of 64 MB + 1 byte (no disk blocks, nothing read) WHEN decoded THEN refused
        Path file = dir.resolve("huge.log");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(MB_64 + 1);
        }
        assertThat(run(none(), "decode", file.toString())).isEqualTo(1);
        assertThat(err).isEqualTo("icewarn: " + file + ": larger than 64 MB; paste the relevant part instead\n");
        assertThat(out).isEmpty();
    }

    @Test
    void decode_generatedStandardInputOver64Mb_isRefusedAtTheLimit() {
        // GIVEN 70 MB of log lines generated as they are read, never held WHEN decoded THEN refused at 64 MB
        CountingStream stdin = new CountingStream(new GeneratedLog(70L * 1024 * 1024));
        assertThat(run(stdin, "decode")).isEqualTo(1);
        assertThat(err).isEqualTo("icewarn: standard input: larger than 64 MB; paste the relevant part instead\n");
        assertThat(out).isEmpty();
        assertThat(stdin.read).isBetween(MB_64, MB_64 + 1);
    }

    @Test
    void decode_maxSizeZero_isAUsageError() {
        assertThat(run(none(), "decode", "--max-size", "0")).isEqualTo(2);
        assertThat(err).contains("--max-size");
    }

    @Test
    void decode_maxSizeAboveTheDefault_letsALargerInputThrough() {
        // GIVEN the generated 70 MB log and --max-size above it WHEN decoded THEN read to its end
        CountingStream stdin = new CountingStream(new GeneratedLog(70L * 1024 * 1024));
        assertThat(run(stdin, "decode", "--max-size", "" + 80L * 1024 * 1024)).isZero();
        assertThat(stdin.read).isEqualTo(70L * 1024 * 1024);
        assertThat(out).contains("No Lync / Skype for Business diagnostic found");
    }

    /** Counts the bytes read from a stream. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        long read;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }

    /** {@code length} bytes of a log, made as they are read. */
    private static final class GeneratedLog extends InputStream {
        private static final byte[] LINE = "2024-05-02 10:11:12.123 INFO flow state changed, nothing to see here\n"
                .getBytes(StandardCharsets.US_ASCII);
        private final long length;
        private long at;

        GeneratedLog(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return at < length ? LINE[(int) (at++ % LINE.length)] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - at);
            for (int k = 0; k < n; k++) {
                b[off + k] = LINE[(int) (at++ % LINE.length)];
            }
            return n;
        }
    }
}
