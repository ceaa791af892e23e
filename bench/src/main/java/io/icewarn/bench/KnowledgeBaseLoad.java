package io.icewarn.bench;

import io.icewarn.decoder.kb.KnowledgeBase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Not a JMH benchmark: {@code KnowledgeBase.load()} RUNS times in one JVM, each timed by wall clock and by
 * the calling thread's CPU time. The first run is what every start of the bot or the command line pays
 * (class loading, the interpreter); the later ones are the warm load. Run
 * {@code java -cp bench/target/benchmarks.jar io.icewarn.bench.KnowledgeBaseLoad [RUNS]}; with another
 * decoder's classes first on the class path
 * ({@code -cp OTHER/decoder/target/classes:bench/target/benchmarks.jar}) it times that decoder's loader.
 */
public final class KnowledgeBaseLoad {
    private KnowledgeBaseLoad() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            KnowledgeBase kb = KnowledgeBase.load();
            long nanos = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %.1f ms wall, %.1f ms CPU, %d rules%n",
                    r,
                    nanos / 1e6,
                    cpu / 1e6,
                    kb.rules().size());
        }
    }
}
