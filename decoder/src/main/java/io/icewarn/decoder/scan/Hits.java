package io.icewarn.decoder.scan;

import java.util.Arrays;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every place of a long range that {@link Prefilter} passes, found before the scan walks the range, in
 * pieces that the caller and a worker of the common pool take in turn; the caller never waits for the
 * worker (a piece the worker still holds at the end is done by the caller too), so a loaded second core
 * costs little. What passes at a position depends only on the bytes and the text's end, so the pieces
 * together are exactly the hits of the whole range, in order. Immutable once built.
 */
final class Hits {
    /** Ranges shorter than this are filtered hit by hit as the scan goes; a fork costs more than it saves. */
    static final int AHEAD_MIN_BYTES = 1024 * 1024;

    /** The caller and a worker take the range in pieces of this many bytes. */
    private static final int PIECE_BYTES = 256 * 1024;

    private static final boolean SPARE_CORE = Runtime.getRuntime().availableProcessors() > 1;

    private final int[] at;
    private final int count;

    private Hits(int[] at, int count) {
        this.at = at;
        this.count = count;
    }

    /**
     * Returns the hits of {@code b[from, to)}, with the arguments of {@link Prefilter#next}. A worker that
     * is late with a piece may still read {@code b} after this returns; what it finds then is discarded.
     */
    static Hits find(byte[] b, int limit, int from, int to, boolean ascii) {
        if (!SPARE_CORE || to - from < 2 * AHEAD_MIN_BYTES) {
            return collect(b, limit, from, to, ascii);
        }
        int pieces = (to - from + PIECE_BYTES - 1) / PIECE_BYTES;
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<Hits> found = new AtomicReferenceArray<>(pieces);
        Runnable takePieces = () -> {
            for (int k = next.getAndIncrement(); k < pieces; k = next.getAndIncrement()) {
                found.compareAndSet(k, null, piece(b, limit, from, to, ascii, k));
            }
        };
        ForkJoinTask.adapt(takePieces).fork();
        takePieces.run();
        int total = 0;
        for (int k = 0; k < pieces; k++) {
            // a piece the worker still holds is done here too rather than waited for: the worker may have no core
            if (found.get(k) == null) {
                found.compareAndSet(k, null, piece(b, limit, from, to, ascii, k));
            }
            total += found.get(k).count;
        }
        int[] all = new int[total];
        int n = 0;
        for (int k = 0; k < pieces; k++) {
            Hits h = found.get(k);
            System.arraycopy(h.at, 0, all, n, h.count);
            n += h.count;
        }
        return new Hits(all, n);
    }

    private static Hits piece(byte[] b, int limit, int from, int to, boolean ascii, int k) {
        int start = from + k * PIECE_BYTES;
        return collect(b, limit, start, Math.min(to, start + PIECE_BYTES), ascii);
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
