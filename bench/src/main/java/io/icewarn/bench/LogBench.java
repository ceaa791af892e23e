package io.icewarn.bench;

import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Scanning a client log in process: 1 MB and 8 MB, with no diagnostic (the common case for
 * attachments) or with a handful (6) spread through it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LogBench {
    @Param({"1", "8"})
    public int megabytes;

    @Param({"0", "6"})
    public int diagnostics;

    private Decoder decoder;
    private String log;
    private byte[] bytes;
    private Path file;

    @Setup
    public void setUp() throws IOException {
        decoder = Decoder.standard();
        log = Samples.log(megabytes * 1024 * 1024, diagnostics);
        bytes = log.getBytes(StandardCharsets.UTF_8);
        file = Files.createTempFile("icewarn-logbench", ".log");
        Files.write(file, bytes);
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** {@code Decoder.decode(CharSequence)} over the whole log held as one string. */
    @Benchmark
    public DecodeResult decodeString() {
        return decoder.decode(log);
    }

    /** {@code Decoder.decode(InputStream, Consumer)} over the log's UTF-8 bytes: what {@code decode -} runs. */
    @Benchmark
    public int decodeStream() throws IOException {
        int[] found = {0};
        decoder.decode(new ByteArrayInputStream(bytes), d -> found[0]++);
        return found[0];
    }

    /**
     * {@code Decoder.decode(FileChannel, long, Consumer)} over the log written to a file (in the page cache):
     * what {@code decode FILE} runs for a regular file.
     */
    @Benchmark
    public int decodeFile() throws IOException {
        int[] found = {0};
        try (FileChannel channel = FileChannel.open(file)) {
            decoder.decode(channel, 0, d -> found[0]++);
        }
        return found[0];
    }
}
