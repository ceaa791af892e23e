package io.icewarn.bench;

import io.icewarn.decoder.Decoder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a JMH benchmark: {@code Decoder.decode(FileChannel, …)} of one file, RUNS times in one JVM, each run
 * timed, once the knowledge base is loaded. The first run is what {@code decode FILE} pays in a fresh JVM
 * for the scan itself (interpreter, JIT compilation), without the command line's own start-up; the later
 * ones are the warm scan. Run
 * {@code java -cp bench/target/benchmarks.jar io.icewarn.bench.ScanFile FILE [RUNS]}.
 */
public final class ScanFile {
    private ScanFile() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ScanFile FILE [RUNS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        long bytes = Files.size(file);
        Decoder decoder = Decoder.standard();
        decoder.decode("ms-diagnostics: 1008;reason=\"x\""); // waits for the knowledge base: the runs time the scan
        for (int r = 0; r < runs; r++) {
            int[] found = {0};
            long t0 = System.nanoTime();
            try (FileChannel channel = FileChannel.open(file)) {
                decoder.decode(channel, 0, d -> found[0]++);
            }
            long nanos = System.nanoTime() - t0;
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %.1f ms, %.2f GB/s, %d diagnostics%n",
                    r,
                    nanos / 1e6,
                    bytes / (double) nanos,
                    found[0]);
        }
    }
}
