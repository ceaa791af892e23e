package io.icewarn.decoder.scan;

import java.util.Arrays;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every place of a long range that {@link Prefilter} passes, found before the scan walks the range: the
 * second half on another core when there is one (or by the caller, when no worker has started it by the
 * time the first half is done). What passes at a position depends only on the bytes
 * and the text's end, so the two halves together are exactly the hits of the whole range, in order.
 * Immutable once built.
 */
final class Hits {
    /** Ranges shorter than this are filtered hit by hit as the scan goes; a fork costs more than it saves. */
    static final int AHEAD_MIN_BYTES = 1024 * 1024;

    private static final boolean SPARE_CORE = Runtime.getRuntime().availableProcessors() > 1;

    private final int[] at;
    private final int count;

    private Hits(int[] at, int count) {
        this.at = at;
        this.count = count;
    }

    /** Returns the hits of {@code b[from, to)}, with the arguments of {@link Prefilter#next}. */
    static Hits find(byte[] b, int limit, int from, int to, boolean ascii) {
        if (!SPARE_CORE || to - from < 2 * AHEAD_MIN_BYTES) {
            return collect(b, limit, from, to, ascii);
        }
        int mid = from + (to - from) / 2;
        // whoever comes first does the second half: a worker that never got a core is not waited for
        AtomicBoolean taken = new AtomicBoolean();
        ForkJoinTask<Hits> second = ForkJoinTask.adapt(
                        () -> taken.compareAndSet(false, true) ? collect(b, limit, mid, to, ascii) : null)
                .fork();
        Hits first = collect(b, limit, from, mid, ascii);
        Hits rest = taken.compareAndSet(false, true) ? collect(b, limit, mid, to, ascii) : second.join();
        int[] all = Arrays.copyOf(first.at, first.count + rest.count);
        System.arraycopy(rest.at, 0, all, first.count, rest.count);
        return new Hits(all, all.length);
    }

    private static Hits collect(byte[] b, int limit, int from, int to, boolean ascii) {
        int[] at = new int[64];
        int count = 0;
        int i = from;
        while (true) {
            int hit = Prefilter.next(b, limit, i, to, ascii);
            if (hit < 0) {
                return new Hits(at, count);
            }
            if (count == at.length) {
                at = Arrays.copyOf(at, count * 2);
            }
            at[count++] = hit;
            i = hit + 1;
        }
    }

    /** Returns the first hit in {@code [from, to)}, or -1; as {@link Prefilter#next} for a range inside this one. */
    int next(int from, int to) {
        int k = Arrays.binarySearch(at, 0, count, from);
        if (k < 0) {
            k = -k - 1;
        }
        return k < count && at[k] < to ? at[k] : -1;
    }
}
