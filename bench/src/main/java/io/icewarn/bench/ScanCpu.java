package io.icewarn.bench;

import com.sun.management.OperatingSystemMXBean;
import io.icewarn.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a JMH benchmark: the scans of {@link LogBench} (8 MiB, no diagnostic: a file, a stream, a string) timed by the best of many
 * runs, in wall time and in CPU time of the calling thread, and the whole process's CPU time per run (all
 * runs, warm-up included: the operating system counts it in 10 ms ticks), which includes the second
 * core's share. On a shared machine the minimum and the CPU times move much less with the load than
 * JMH's averages. Run {@code java -cp bench/target/benchmarks.jar io.icewarn.bench.ScanCpu [RUNS]},
 * with {@code -XX:ActiveProcessorCount=1} for one core.
 */
public final class ScanCpu {
    private ScanCpu() {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Decoder decoder = Decoder.standard();
        String log = Samples.log(8 * 1024 * 1024, 0);
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path file = Files.createTempFile("icewarn-scancpu", ".log");
        Files.write(file, bytes);
        for (String path : new String[] {"decodeFile", "decodeStream", "decodeString"}) {
            long wall = Long.MAX_VALUE;
            long thread = Long.MAX_VALUE;
            long p0 = os.getProcessCpuTime();
            for (int r = 0; r < runs; r++) {
                long w0 = System.nanoTime();
                long t0 = threads.getCurrentThreadCpuTime();
                if (path.equals("decodeFile")) {
                    try (FileChannel channel = FileChannel.open(file)) {
                        decoder.decode(channel, 0, d -> {});
                    }
                } else if (path.equals("decodeStream")) {
                    decoder.decode(new ByteArrayInputStream(bytes), d -> {});
                } else {
                    decoder.decode(log);
                }
                thread = Math.min(thread, threads.getCurrentThreadCpuTime() - t0);
                wall = Math.min(wall, System.nanoTime() - w0);
            }
            double process = (os.getProcessCpuTime() - p0) / 1e6 / runs;
            System.out.printf(
                    Locale.ROOT,
                    "%s, 8 MiB, no diagnostic, best of %d: wall %.2f ms, caller CPU %.2f ms;"
                            + " process CPU per run %.2f ms (%d processors)%n",
                    path,
                    runs,
                    wall / 1e6,
                    thread / 1e6,
                    process,
                    Runtime.getRuntime().availableProcessors());
        }
        Files.delete(file);
    }
}
