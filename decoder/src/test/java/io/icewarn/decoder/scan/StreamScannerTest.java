package io.icewarn.decoder.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming scan finds exactly what the whole-text scan finds, whatever the chunk boundaries; and the
 * byte prefilter changes nothing compared with looking at every character.
 */
final class StreamScannerTest {
    private static final String[] NOISE = {
        "03/12/2024|10:15:32.123 1F3C:2A10 INFO  :: Sending Packet - 10.0.0.5:50123\n",
        "INVITE sip:bob@contoso.com SIP/2.0\nVia: SIP/2.0/TLS 10.0.0.9:5061;ms-received-port=5061\n",
        "SIP/2.0 488 Not Acceptable Here\n",
        "BYE sips:alice@contoso.com SIP/2.0\n",
        "<v1:MediaLine><v1:Connectivity><v1:Ice>ICEV2</v1:Ice><v1:IceWarningFlags>0x320</v1:IceWarningFlags>"
                + "</v1:Connectivity></v1:MediaLine>\n",
        "<Ice>ICEV2</Ice>\n<IceWarningFlags>800</IceWarningFlags>\n</MediaLine>\n",
        "24; reason=\"x\"; UserType=\"Callee\"; MediaType=\"audio\"; ICEWarn=\"0x320\"\n",
        "CallerMediaDebug = \"audio:ICEWarn=0x20,LocalSite=10.0.0.1:500\"\n",
        "a=x-ms-SDP-diagnostics:7008.2;reason=\"Media negotiation failed\"\n",
        "x-ms-diagnostics: 2001;reason=\"look-alike\"\n",
        "caf\u00e9 \u201Cquoted\u201D \u2033 \uD83D\uDE00 na\u00efve \u00a0reason\u00a0= \u202F\n",
        "\u013C\u013Aice\u0161 \u012D\u013D \u0161-ms- \n",
        "\n\n",
        "; ; = = : : - - / / < < \n",
    };

    private static List<Diagnostic> whole(String text) {
        return DiagnosticScanner.scan(text).diagnostics();
    }

    /** Scans {@code text} as a stream, and as a mapped file too, which must find the same. */
    private static List<Diagnostic> streamed(String text, int chunk, int overlap) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Diagnostic> found = new ArrayList<>();
        StreamScanner.scan(new ByteArrayInputStream(bytes), found::add, chunk, overlap);
        assertThat(mapped(new byte[0], bytes, chunk, overlap))
                .as("mapped, chunk %d", chunk)
                .isEqualTo(found);
        return found;
    }

    /** Scans {@code text} from a file that holds {@code skipped} bytes before it. */
    private static List<Diagnostic> mapped(byte[] skipped, byte[] text, int chunk, int overlap) throws IOException {
        Path file = Files.createTempFile("icewarn-scan", ".log");
        try {
            byte[] all = Arrays.copyOf(skipped, skipped.length + text.length);
            System.arraycopy(text, 0, all, skipped.length, text.length);
            Files.write(file, all);
            List<Diagnostic> found = new ArrayList<>();
            try (FileChannel channel = FileChannel.open(file)) {
                StreamScanner.scan(channel, skipped.length, found::add, chunk, overlap);
            }
            return found;
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void mappingsCanBeReleasedOnThisJdk() {
        // otherwise files are streamed and the mapped windows go untested
        assertThat(Unmapper.AVAILABLE).isTrue();
    }

    @Test
    void aFileIsScannedFromTheOffsetGiven() throws IOException {
        String text = mix(11);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (int chunk : new int[] {1, 7, 300, StreamScanner.CHUNK_BYTES}) {
            assertThat(mapped(bom, text.getBytes(StandardCharsets.UTF_8), chunk, 4096))
                    .as("chunk %d", chunk)
                    .isEqualTo(whole(text));
        }
    }

    @Test
    void aFileCutShortWhileItIsScannedIsAnIoErrorNotACrash() throws IOException {
        Path file = Files.createTempFile("icewarn-scan", ".log");
        try {
            String text = "ms-diagnostics: 1008;reason=\"DNS\"\n" + "x".repeat(3 * 1024 * 1024);
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(file);
                    FileChannel writer = FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> StreamScanner.scan(
                                channel,
                                0,
                                d -> {
                                    try {
                                        writer.truncate(100); // the log is rotated under the scan
                                    } catch (IOException e) {
                                        throw new java.io.UncheckedIOException(e);
                                    }
                                },
                                64 * 1024,
                                4096))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("got shorter");
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aFileThatTurnsNonAsciiLateIsReadOnAsAStream() throws IOException {
        String ascii = mix(12).replaceAll("[^\\x00-\\x7F]", "?");
        String text = ascii + "\u00e9 \u201Cquoted\u201D " + ascii;
        assertThat(whole(text)).hasSizeGreaterThan(2);
        for (int chunk : new int[] {1, 13, 512}) {
            assertThat(mapped(new byte[0], text.getBytes(StandardCharsets.UTF_8), chunk, 4096))
                    .as("chunk %d", chunk)
                    .isEqualTo(whole(text));
        }
    }

    private static String mix(long seed) {
        Random rnd = new Random(seed);
        List<String> files = Corpus.files();
        StringBuilder sb = new StringBuilder();
        int parts = 3 + rnd.nextInt(12);
        for (int k = 0; k < parts; k++) {
            if (rnd.nextInt(3) == 0) {
                sb.append(Corpus.read(files.get(rnd.nextInt(files.size())))).append('\n');
            } else {
                sb.append(NOISE[rnd.nextInt(NOISE.length)]);
            }
        }
        return sb.toString();
    }

    static IntStream corpusIndexes() {
        return IntStream.range(0, Corpus.FILE_COUNT);
    }

    @ParameterizedTest
    @MethodSource("corpusIndexes")
    void everyCorpusFileStreamsToTheSameDiagnostics(int index) throws IOException {
        String text = Corpus.read(Corpus.files().get(index));
        List<Diagnostic> expected = whole(text);
        assertThat(DiagnosticScanner.scan(text, false).diagnostics()).isEqualTo(expected);
        assertThat(streamed(text, StreamScanner.CHUNK_BYTES, StreamScanner.OVERLAP))
                .isEqualTo(expected);
        for (int chunk = 1; chunk <= 24; chunk++) {
            assertThat(streamed(text, chunk, 4096)).as("chunk %d", chunk).isEqualTo(expected);
        }
    }

    /**
     * A diagnostic (with three-byte curly quotes) after a prefix of every length from 0 to twice the chunk
     * size: the chunk boundaries and the scan's stop fall at every position inside it, and multi-byte
     * characters are split across chunks. It is found once, with the offsets of the whole-text scan.
     */
    @Test
    void aDiagnosticStraddlingEveryBoundaryIsFoundOnce() throws IOException {
        String diagnostic = Corpus.read("01-seed-blog-0x320.txt") + "\nSIP/2.0 504 Server time-out\n"
                + Corpus.read("04-server-ms-diagnostics.txt");
        int chunk = 64;
        int overlap = 700;
        for (int prefix = 0; prefix <= 2 * chunk + overlap; prefix++) {
            String text =
                    "\u00e9".repeat(prefix % 3) + "x".repeat(prefix) + "\n" + diagnostic + "\n" + "y".repeat(prefix);
            List<Diagnostic> expected = whole(text);
            assertThat(expected).hasSize(3);
            assertThat(streamed(text, chunk, overlap)).as("prefix %d", prefix).isEqualTo(expected);
        }
    }

    /**
     * A status or request line and the diagnostic that belongs to it in different windows: what a window
     * noted of its SIP lines is worked out from its own text, before the next chunk is read over it.
     */
    @Test
    void aSipLineInOneWindowDecidesTheStatusOfADiagnosticInALaterOne() throws IOException {
        String filler = "03/12/2024|10:00:00.001 1F3C:2A10 INFO  :: flow state changed\n".repeat(80);
        String text = "SIP/2.0 504 Server time-out\n" + filler + "ms-diagnostics: 1008;reason=\"DNS\"\n"
                + "BYE sip:bob@example.com SIP/2.0\n" + filler + "ms-diagnostics: 1034;reason=\"peer\"\n";
        List<Diagnostic> expected = whole(text);
        assertThat(expected)
                .extracting(Diagnostic::sipStatus)
                .containsExactly(OptionalInt.of(504), OptionalInt.empty());
        for (int chunk = 1; chunk <= 160; chunk += 7) {
            assertThat(streamed(text, chunk, 64)).as("chunk %d", chunk).isEqualTo(expected);
        }
    }

    @Test
    void aFourByteCharacterSplitAcrossChunksKeepsOffsetsInUtf16() throws IOException {
        String text = "\uD83D\uDE00\uD83D\uDE00 ms-diagnostics: 1008;reason=\"DNS\"";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= 9; chunk++) {
            List<Diagnostic> found = new ArrayList<>();
            StreamScanner.scan(new ByteArrayInputStream(bytes), found::add, chunk, 64);
            assertThat(found).as("chunk %d", chunk).isEqualTo(whole(text));
            assertThat(found.get(0).span().start()).isEqualTo(5);
        }
    }

    @Test
    void aReaderThatReturnsFewBytesAtATimeChangesNothing() throws IOException {
        String text = mix(7) + mix(8);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        List<Diagnostic> found = new ArrayList<>();
        StreamScanner.scan(trickle, found::add, 100, 4096);
        assertThat(found).isEqualTo(whole(text));
    }

    @Test
    void malformedUtf8ReadsAsReplacementCharacters() throws IOException {
        byte[] head = {(byte) 0xC3, 'x', (byte) 0xFF, '\n'};
        byte[] tail = "ms-diagnostics: 1008;reason=\"DNS\"".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        List<Diagnostic> found = new ArrayList<>();
        List<Problem> problems = StreamScanner.scan(new ByteArrayInputStream(all), found::add, 2, 64);
        assertThat(found).isEqualTo(whole(new String(all, StandardCharsets.UTF_8)));
        assertThat(problems).isEmpty();
    }

    @Test
    void aSinkThatThrowsIsNotHiddenAsAScannerProblem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StreamScanner.scan(
                        new ByteArrayInputStream("ms-diagnostics: 1008;reason=\"x\"".getBytes(StandardCharsets.UTF_8)),
                        d -> {
                            throw new IllegalStateException("sink");
                        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sink");
    }

    /**
     * Mixes of seeds from {@code firstSeed} on, each followed by {@code filler} characters of log and SIP
     * lines without a diagnostic, up to {@code chars} characters.
     */
    private static String longMix(long firstSeed, int chars, int filler) {
        StringBuilder sb = new StringBuilder(chars + 100_000);
        for (long seed = firstSeed; sb.length() < chars; seed++) {
            sb.append(mix(seed));
            for (int end = sb.length() + filler, k = 0; sb.length() < end; k++) {
                sb.append(NOISE[k % 4]);
            }
        }
        return sb.toString();
    }

    @Test
    void aLongTextScansAlikeWithItsHitsFoundAhead() throws IOException {
        String text = longMix(1000, 2 * Hits.AHEAD_MIN_BYTES + 300_000, 30_000);
        ScanResult expected = DiagnosticScanner.scan(text, false);
        ScanResult fast = DiagnosticScanner.scan(text);
        assertThat(expected.diagnostics()).hasSizeBetween(100, DiagnosticScanner.MAX_DIAGNOSTICS - 1);
        assertThat(fast.diagnostics()).isEqualTo(expected.diagnostics());
        assertThat(fast.problems()).isEqualTo(expected.problems());
        assertThat(streamed(text, 2 * Hits.AHEAD_MIN_BYTES + 100_000, 20_000)).isEqualTo(expected.diagnostics());
    }

    /**
     * The hits found in pieces on two cores, eight bytes at a time, are exactly the offsets whose byte the
     * neighbour tables allow and whose check passes, looked at one by one.
     */
    @Test
    void hitsFoundAheadAreEveryOffsetThatPasses() {
        String text = longMix(2000, 2 * Hits.AHEAD_MIN_BYTES + 50_000, 0);
        byte[] ascii = text.replaceAll("[^\\x00-\\x7F]", "?").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.wrap(ascii).order(ByteOrder.LITTLE_ENDIAN);
        for (boolean exact : new boolean[] {true, false}) {
            List<Integer> expected = new ArrayList<>();
            for (int p = 0; p < ascii.length; p++) {
                boolean passes = p == 0
                        ? Prefilter.passesAtStart(bytes, ascii.length, exact)
                        : Prefilter.candidate(bytes, p) && Prefilter.passes(bytes, ascii.length, p, exact);
                if (passes) {
                    expected.add(p);
                }
            }
            Hits ahead = Hits.find(bytes, ascii.length, 0, ascii.length, exact);
            List<Integer> found = new ArrayList<>();
            for (int k = 0; k < ahead.count(); k++) {
                found.add(ahead.at(k));
            }
            assertThat(found).isEqualTo(expected);
            assertThat(expected).hasSizeGreaterThan(1000);
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomMixesScanAlikeWholeStreamedAndWithoutPrefilter(long seed) throws IOException {
        String text = mix(seed);
        ScanResult expected = DiagnosticScanner.scan(text, false);
        ScanResult fast = DiagnosticScanner.scan(text);
        assertThat(fast.diagnostics()).as(text).isEqualTo(expected.diagnostics());
        assertThat(fast.problems()).as(text).isEqualTo(expected.problems());
        int chunk = 1 + new Random(seed).nextInt(2000);
        assertThat(streamed(text, chunk, 20_000))
                .as("chunk %d: %s", chunk, text)
                .isEqualTo(expected.diagnostics());
    }
}
