package io.icewarn.bench;

import io.icewarn.decoder.Decoder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Not a JMH benchmark: the decode of each paste of {@link PasteBench} timed in CPU time of the calling
 * thread, best batch of many after a warm-up. On a shared machine JMH's averages follow the load; the
 * best batch's CPU time moves much less, so two versions run one after the other still compare. Run
 * {@code java -cp bench/target/benchmarks.jar io.icewarn.bench.PasteCpu [PASTE ...]} (default: the six
 * samples and the two Teams pastes).
 */
public final class PasteCpu {
    private static final int WARM_UP = 20_000;
    private static final int BATCHES = 200;
    private static final int PER_BATCH = 50;

    private PasteCpu() {}

    public static void main(String[] args) {
        String[] pastes = args.length > 0 ? args : new String[] {"01", "02", "03", "04", "05", "06", "t03", "t11"};
        Decoder decoder = Decoder.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String name : pastes) {
            String paste = Samples.paste(name);
            for (int i = 0; i < WARM_UP; i++) {
                decoder.decode(paste);
            }
            long best = Long.MAX_VALUE;
            long all = 0;
            for (int b = 0; b < BATCHES; b++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < PER_BATCH; i++) {
                    decoder.decode(paste);
                }
                long batch = threads.getCurrentThreadCpuTime() - t0;
                best = Math.min(best, batch);
                all += batch;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: CPU per decode, best batch of %d: %.2f us; mean %.2f us%n",
                    name,
                    PER_BATCH,
                    best / 1e3 / PER_BATCH,
                    all / 1e3 / ((long) BATCHES * PER_BATCH));
        }
    }
}
