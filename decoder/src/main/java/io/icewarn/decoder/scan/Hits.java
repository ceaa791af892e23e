package io.icewarn.decoder.scan;

import java.nio.ByteBuffer;
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
    /** Ranges shorter than twice this are not shared with a worker: a fork costs more than it saves. */
    static final int AHEAD_MIN_BYTES = 1024 * 1024;

    /** The caller and a worker take the range in pieces of this many bytes. */
    private static final int PIECE_BYTES = 256 * 1024;

    /** Triggers are gathered a block of this many bytes at a time, then checked. */
    private static final int BLOCK_BYTES = 4096;

    private static final boolean SPARE_CORE = Runtime.getRuntime().availableProcessors() > 1;

    /** No hits. */
    static final Hits NONE = new Hits(new int[0], 0, true, null);

    /** A range found not to be ASCII. */
    private static final Hits NOT_ASCII = new Hits(new int[0], 0, false, null);

    private final int[] at;
    private final int count;
    private final boolean ascii;
    /** The worker that took pieces of the range, which may still be reading it; null when none was asked. */
    private final ForkJoinTask<?> worker;

    private Hits(int[] at, int count, boolean ascii, ForkJoinTask<?> worker) {
        this.at = at;
        this.count = count;
        this.ascii = ascii;
        this.worker = worker;
    }

    private Hits(int[] at, int count) {
        this(at, count, true, null);
    }

    /**
     * Returns the hits of {@code b[from, to)}: the offsets whose trigger byte {@link Prefilter#passes}, with
     * its arguments. Only {@code b[0, limit)} holds text; the checks look at neighbours up to {@code limit},
     * also after {@code to}. A range of at least twice {@link #AHEAD_MIN_BYTES} is shared with a worker, which
     * may still read {@code b} after this returns (see {@link #awaitWorker}); what it finds then is
     * discarded.
     */
    static Hits find(ByteBuffer b, int limit, int from, int to, boolean ascii) {
        return find(b, limit, from, to, ascii, false);
    }

    /**
     * Returns the hits of the ASCII bytes {@code b[from, to)} as {@link #find} does, or, when a byte of
     * {@code b[from, to)} is not ASCII (the hits would then be those of other characters), hits that say
     * so with {@link #ascii()}: checking costs almost nothing while the bytes are read for the hits anyway.
     */
    static Hits findAscii(ByteBuffer b, int limit, int from, int to) {
        return find(b, limit, from, to, true, true);
    }

    private static Hits find(ByteBuffer b, int limit, int from, int to, boolean ascii, boolean onlyAscii) {
        if (!SPARE_CORE || to - from < 2 * AHEAD_MIN_BYTES) {
            return collect(b, limit, from, to, ascii, onlyAscii);
        }
        int pieces = (to - from + PIECE_BYTES - 1) / PIECE_BYTES;
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<Hits> found = new AtomicReferenceArray<>(pieces);
        Runnable takePieces = () -> {
            for (int k = next.getAndIncrement(); k < pieces; k = next.getAndIncrement()) {
                found.compareAndSet(k, null, piece(b, limit, from, to, ascii, onlyAscii, k));
            }
        };
        ForkJoinTask<?> worker = ForkJoinTask.adapt(takePieces).fork();
        takePieces.run();
        int total = 0;
        for (int k = 0; k < pieces; k++) {
            // a piece the worker still holds is done here too rather than waited for: the worker may have no core
            if (found.get(k) == null) {
                found.compareAndSet(k, null, piece(b, limit, from, to, ascii, onlyAscii, k));
            }
            if (!found.get(k).ascii) {
                return new Hits(new int[0], 0, false, worker);
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
        return new Hits(all, n, true, worker);
    }

    private static Hits piece(ByteBuffer b, int limit, int from, int to, boolean ascii, boolean onlyAscii, int k) {
        int start = from + k * PIECE_BYTES;
        return collect(b, limit, start, Math.min(to, start + PIECE_BYTES), ascii, onlyAscii);
    }

    /** Returns false when {@link #findAscii} met a byte that is not ASCII: there are no hits then. */
    boolean ascii() {
        return ascii;
    }

    /** Returns once no worker reads the range any more, so that its bytes may be released. */
    void awaitWorker() {
        if (worker != null) {
            worker.quietlyJoin();
        }
    }

    /**
     * Collects the hits of {@code b[from, to)} in blocks: first the triggers that the tables allow
     * ({@link Prefilter#candidates}), then those of them that pass; {@link #NOT_ASCII} when {@code onlyAscii}
     * and a byte is not ASCII.
     */
    private static Hits collect(ByteBuffer b, int limit, int from, int to, boolean ascii, boolean onlyAscii) {
        int end = Math.min(to, limit);
        int[] at = new int[64];
        int count = 0;
        int i = Math.max(0, from);
        if (i == 0 && end > 0) {
            if (onlyAscii && b.get(0) < 0) {
                return NOT_ASCII;
            }
            if (Prefilter.passesAtStart(b, limit, ascii)) {
                at[count++] = 0;
            }
            i = 1;
        }
        int[] candidates = new int[Math.max(0, Math.min(BLOCK_BYTES, end - i)) + 1];
        for (; i < end; i += BLOCK_BYTES) {
            int n = Prefilter.candidates(b, i, Math.min(end, i + BLOCK_BYTES), candidates);
            if ((n & Prefilter.NOT_ASCII) != 0) {
                if (onlyAscii) {
                    return NOT_ASCII;
                }
                n &= ~Prefilter.NOT_ASCII;
            }
            for (int k = 0; k < n; k++) {
                int p = candidates[k];
                if (Prefilter.passes(b, limit, p, ascii)) {
                    if (count == at.length) {
                        at = Arrays.copyOf(at, count * 2);
                    }
                    at[count++] = p;
                }
            }
        }
        return new Hits(at, count);
    }

    /** Returns the hits in {@code [from, to)}. */
    Hits between(int from, int to) {
        int a = Math.max(0, indexAtOrAfter(from));
        int b = Math.max(a, indexAtOrAfter(to));
        return new Hits(Arrays.copyOfRange(at, a, b), b - a);
    }

    /** Returns these hits moved by {@code delta}, as when their bytes move in the array. */
    Hits shifted(int delta) {
        int[] moved = new int[count];
        for (int k = 0; k < count; k++) {
            moved[k] = at[k] + delta;
        }
        return new Hits(moved, count);
    }

    /** Returns these hits followed by {@code later}, every one of which lies after them. */
    Hits then(Hits later) {
        if (count == 0) {
            return later;
        }
        int[] all = Arrays.copyOf(at, count + later.count);
        System.arraycopy(later.at, 0, all, count, later.count);
        return new Hits(all, count + later.count);
    }

    /** Returns how many hits there are. */
    int count() {
        return count;
    }

    /** Returns the {@code k}th hit, in order. */
    int at(int k) {
        return at[k];
    }

    /** Returns the index of the first hit at or after {@code position}, or {@link #count()}. */
    int indexAtOrAfter(int position) {
        int k = Arrays.binarySearch(at, 0, count, position);
        return k < 0 ? -k - 1 : k;
    }
}
