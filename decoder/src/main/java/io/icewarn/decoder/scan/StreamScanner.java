package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds every diagnostic in a UTF-8 stream of any length, in windows, with bounded memory. Internal to
 * the decoder; use {@code Decoder.decode(InputStream, Consumer)}.
 *
 * <p>Each window is the text carried over from the last one plus the next chunk of bytes. Positions are
 * scanned up to {@link #OVERLAP} characters before the window's end (to the end for the last window); a
 * diagnostic that starts there is read whole, because no reader goes further than that, and scanning
 * resumes in the next window exactly where it stopped, so each diagnostic is found once, with the same
 * absolute offsets as a scan of the whole text. A chunk is cut after its last complete UTF-8 sequence.
 * Windows that are pure ASCII (the common case for logs) are never turned into characters: the scanner
 * reads their bytes, and the prefilter looks at characters only around a few rare hits.
 */
public final class StreamScanner {
    /** The bytes read per window. */
    public static final int CHUNK_BYTES = 4 * 1024 * 1024;

    /**
     * The new bytes per window of a mapped file: mapping costs nothing per byte, so windows are larger,
     * with fewer mappings to make and release and fewer hand-overs to the second core.
     */
    static final int MAPPED_CHUNK_BYTES = 32 * 1024 * 1024;

    /**
     * Characters kept ahead of the scan: more than one diagnostic can read ({@link ParamReader#MAX_PARAMS}
     * values of {@link ValueReader#MAX_VALUE_CHARS}, with their keys and gaps).
     */
    static final int OVERLAP = ParamReader.MAX_PARAMS * (ValueReader.MAX_VALUE_CHARS + 1024) + 64 * 1024;

    /** Characters kept before the resume offset, for the readers' look-behind (a request line's start the furthest). */
    static final int CONTEXT = SipContext.MAX_REQUEST_LINE_CHARS + 64;

    private StreamScanner() {}

    /**
     * Passes every diagnostic of {@code in} to {@code sink} in order of appearance and returns the problems
     * met (at most {@link DiagnosticScanner#MAX_PROBLEMS}). As in {@link DiagnosticScanner#scan(CharSequence)},
     * reading stops after {@link DiagnosticScanner#MAX_DIAGNOSTICS} diagnostics, with the same problem. Malformed UTF-8 reads as U+FFFD. Offsets are
     * UTF-16 character offsets from the start of the stream; reading stops, with a problem, before they
     * would pass {@code Integer.MAX_VALUE}.
     */
    public static List<Problem> scan(InputStream in, Consumer<Diagnostic> sink) throws IOException {
        return scan(in, sink, CHUNK_BYTES, OVERLAP);
    }

    /** As {@link #scan(InputStream, Consumer)} with a chosen chunk size and overlap (for tests). */
    static List<Problem> scan(InputStream in, Consumer<Diagnostic> sink, int chunkBytes, int overlap)
            throws IOException {
        Run run = new Run(sink, chunkBytes, overlap);
        return run.finish(() -> run.stream(in));
    }

    /**
     * As {@link #scan(InputStream, Consumer)} for the bytes of {@code file} from offset {@code from} to its
     * end, with the same result. While the text is ASCII (the common case for logs) each window is read
     * where the file is mapped, by the scanner and a second core at once, instead of being copied in; the
     * first window that is not ASCII, or a file that cannot be mapped, is read as a stream from there on.
     * Each mapping is released as soon as the scan is past it, so memory stays bounded. The channel's
     * position is not used, unless it has to be read as a stream. Throws an {@code IOException} when the
     * file gets shorter while it is read (a log rotated under the scan).
     */
    public static List<Problem> scan(FileChannel file, long from, Consumer<Diagnostic> sink) throws IOException {
        return scan(file, from, sink, MAPPED_CHUNK_BYTES, OVERLAP);
    }

    /** As {@link #scan(FileChannel, long, Consumer)} with a chosen chunk size and overlap (for tests). */
    static List<Problem> scan(FileChannel file, long from, Consumer<Diagnostic> sink, int chunkBytes, int overlap)
            throws IOException {
        Run run = new Run(sink, chunkBytes, overlap);
        return run.finish(() -> run.mapped(file, from));
    }

    /** What the scan of one input reads next. */
    @FunctionalInterface
    private interface Body {
        void run() throws IOException;
    }

    /** One scan: its state, carried from window to window, and the two ways of filling windows. */
    private static final class Run {
        private final ScanState st;
        private final int chunkBytes;
        /** Characters at the end of a window that are scanned only in the next one. */
        private final int reach;
        /** The absolute offset where scanning goes on. */
        private int resume;
        /** The absolute offset of the window's first character. */
        private long charBase;
        /** Hits of the window's first {@link #known} bytes, kept from the last window when both are ASCII. */
        private Hits carried = Hits.NONE;

        private int known;

        Run(Consumer<Diagnostic> sink, int chunkBytes, int overlap) {
            Consumer<Diagnostic> guarded = d -> {
                try {
                    sink.accept(d);
                } catch (RuntimeException e) {
                    throw new SinkFailure(e);
                }
            };
            this.st = new ScanState(
                    new Source(""), DiagnosticScanner.MAX_PROBLEMS, DiagnosticScanner.MAX_DIAGNOSTICS, guarded);
            this.chunkBytes = chunkBytes;
            this.reach = Math.max(overlap, Prefilter.BACK + Prefilter.AHEAD);
        }

        List<Problem> finish(Body body) throws IOException {
            try {
                body.run();
            } catch (SinkFailure e) {
                throw e.cause;
            } catch (RuntimeException e) {
                st.problems()
                        .add(
                                (int) charBase,
                                "Internal scanner error (" + e.getClass().getSimpleName()
                                        + "); the result may be incomplete.");
            }
            return List.copyOf(st.problems().list());
        }

        /**
         * Returns the hits of the ASCII window {@code b[0, count)}: those carried from the last window and
         * those of the rest, found now; the latter say whether the new bytes are all ASCII.
         */
        Hits freshHits(ByteBuffer b, int count) {
            int from = Math.max(known, resume - (int) charBase);
            return Hits.findAscii(b, count, from, count);
        }

        /**
         * Scans the window {@code source} with its {@code hits} (null to find them), the last one when
         * {@code last}. Returns where in the window the next one starts: the text not scanned yet and
         * {@link #CONTEXT} characters before it; or -1 when the scan is over.
         */
        int window(Source source, Hits hits, boolean last) {
            st.window(source);
            int end = source.length();
            boolean over = last;
            if (!over && (long) end + chunkBytes + 4 > Integer.MAX_VALUE) {
                st.problems().add(end, "Only the first " + end + " characters were read.");
                over = true;
            }
            int stop = over ? end : end - reach;
            if (stop > resume) {
                resume = DiagnosticScanner.scanRange(st, resume, stop, hits);
            }
            if (over || st.full()) {
                st.flushQoe();
                return -1;
            }
            // now, while the window's bytes are there: a stream reads its next chunk over them
            st.sip().leave(source);
            int keepFrom = (int) Math.max(charBase, Math.min(resume, end) - (long) CONTEXT);
            int keep = (int) (keepFrom - charBase);
            if (hits != null) {
                // hits near the end may change with the bytes still to come: those are found again
                int exactTo = (int) (end - charBase) - Prefilter.AHEAD;
                carried = hits.between(resume - (int) charBase, exactTo).shifted(-keep);
                known = Math.max(0, exactTo - keep);
            } else {
                carried = Hits.NONE;
                known = 0;
            }
            charBase = keepFrom;
            return keep;
        }

        /** Reads the rest of the text from {@code in}, chunk by chunk, after the kept text of the last window. */
        void stream(InputStream in) throws IOException {
            byte[] win = new byte[reach + CONTEXT + 4 + chunkBytes];
            ByteBuffer view = ByteBuffer.wrap(win).order(ByteOrder.LITTLE_ENDIAN);
            byte[] pending = new byte[4];
            int pendingCount = 0;
            int carryBytes = 0; // ASCII carry in win[0, carryBytes)
            String carryText = null; // or the carry as text when it is not ASCII
            while (true) {
                int newStart = carryBytes;
                System.arraycopy(pending, 0, win, newStart, pendingCount);
                int readFrom = newStart + pendingCount;
                int got = 0;
                boolean eof = false;
                while (got < chunkBytes) {
                    int r = in.read(win, readFrom + got, chunkBytes - got);
                    if (r < 0) {
                        eof = true;
                        break;
                    }
                    got += r;
                }
                int n = readFrom + got;
                int cut = eof ? n : utf8Cut(win, newStart, n);
                pendingCount = n - cut;
                System.arraycopy(win, cut, pending, 0, pendingCount);
                Hits hits = null;
                String text = null;
                Source source;
                if (carryText == null && (hits = freshHits(view, cut)).ascii()) {
                    // the carry is ASCII and so are the new bytes: the scanner reads the bytes
                    hits = carried.then(hits);
                    source = new Source(view, cut, (int) charBase);
                } else {
                    hits = null;
                    String head =
                            carryText != null ? carryText : new String(win, 0, newStart, StandardCharsets.ISO_8859_1);
                    text = head + new String(win, newStart, cut - newStart, StandardCharsets.UTF_8);
                    source = new Source(text, (int) charBase);
                }
                int keep = window(source, hits, eof);
                if (keep < 0) {
                    return;
                }
                if (text == null) {
                    System.arraycopy(win, keep, win, 0, cut - keep);
                    carryBytes = cut - keep;
                    carryText = null;
                } else {
                    String rest = text.substring(keep);
                    if (isAscii(rest)) {
                        rest.getBytes(0, rest.length(), win, 0);
                        carryBytes = rest.length();
                        carryText = null;
                    } else {
                        carryBytes = 0;
                        carryText = rest;
                    }
                }
            }
        }

        /**
         * Reads {@code file} from {@code start} in mapped windows while the text is ASCII (a character is
         * then a byte, so a window starts at the byte of its first character), then as a stream.
         */
        void mapped(FileChannel file, long start) throws IOException {
            if (!Unmapper.AVAILABLE) {
                stream(Channels.newInputStream(file.position(start)));
                return;
            }
            long size = file.size();
            ArrayDeque<Mapped> open = new ArrayDeque<>();
            try {
                while (true) {
                    long at = start + charBase;
                    int length = (int) Math.max(0, Math.min(size - at, (long) reach + CONTEXT + chunkBytes));
                    if (file.size() < at + length) {
                        throw fileChanged(null);
                    }
                    ByteBuffer b =
                            file.map(FileChannel.MapMode.READ_ONLY, at, length).order(ByteOrder.LITTLE_ENDIAN);
                    Hits fresh = freshHits(b, length);
                    open.add(new Mapped(b, fresh));
                    if (!fresh.ascii()) {
                        carried = Hits.NONE;
                        known = 0;
                        stream(Channels.newInputStream(file.position(at)));
                        return;
                    }
                    int keep = window(new Source(b, length, (int) charBase), carried.then(fresh), at + length >= size);
                    if (keep < 0) {
                        return;
                    }
                    while (open.size() > 1) {
                        open.remove().release(); // the window before this one: its worker is long done
                    }
                }
            } catch (InternalError e) {
                // how HotSpot reports reading a mapped page that the file no longer has
                throw fileChanged(e);
            } finally {
                for (Mapped m : open) {
                    m.release();
                }
            }
        }

        private static IOException fileChanged(Throwable cause) {
            return new IOException("the file got shorter while it was read", cause);
        }
    }

    /** A mapped window and the hits found in it, released together. */
    private record Mapped(ByteBuffer bytes, Hits hits) {
        void release() {
            hits.awaitWorker();
            Unmapper.unmap(bytes);
        }
    }

    /** Returns the offset after the last complete UTF-8 sequence in {@code b[from, n)} (malformed tails count as complete). */
    static int utf8Cut(byte[] b, int from, int n) {
        int j = n - 1;
        int continuation = 0;
        while (j >= from && continuation < 3 && (b[j] & 0xC0) == 0x80) {
            j--;
            continuation++;
        }
        if (j < from) {
            return n;
        }
        int lead = b[j] & 0xFF;
        int need =
                lead >= 0xF0 && lead < 0xF8 ? 4 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xC0 && lead < 0xE0 ? 2 : 1;
        return need > continuation + 1 ? j : n;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** What the caller's sink threw, carried past the scanner's last-resort catch. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient RuntimeException cause;

        SinkFailure(RuntimeException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }
}
