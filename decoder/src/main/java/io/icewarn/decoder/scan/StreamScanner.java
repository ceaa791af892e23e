package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
     * Characters kept ahead of the scan: more than one diagnostic can read ({@link ParamReader#MAX_PARAMS}
     * values of {@link ValueReader#MAX_VALUE_CHARS}, with their keys and gaps).
     */
    static final int OVERLAP = ParamReader.MAX_PARAMS * (ValueReader.MAX_VALUE_CHARS + 1024) + 64 * 1024;

    /** Characters kept before the resume offset, for the readers' look-behind (a request line's start the furthest). */
    static final int CONTEXT = SipContext.MAX_REQUEST_LINE_CHARS + 64;

    private StreamScanner() {}

    /**
     * Passes every diagnostic of {@code in} to {@code sink} in order of appearance and returns the problems
     * met (at most {@link DiagnosticScanner#MAX_PROBLEMS}). Malformed UTF-8 reads as U+FFFD. Offsets are
     * UTF-16 character offsets from the start of the stream; reading stops, with a problem, before they
     * would pass {@code Integer.MAX_VALUE}.
     */
    public static List<Problem> scan(InputStream in, Consumer<Diagnostic> sink) throws IOException {
        return scan(in, sink, CHUNK_BYTES, OVERLAP);
    }

    /** As {@link #scan(InputStream, Consumer)} with a chosen chunk size and overlap (for tests). */
    static List<Problem> scan(InputStream in, Consumer<Diagnostic> sink, int chunkBytes, int overlap)
            throws IOException {
        Consumer<Diagnostic> guarded = d -> {
            try {
                sink.accept(d);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        };
        ScanState st = new ScanState(new Source(""), DiagnosticScanner.MAX_PROBLEMS, Integer.MAX_VALUE, guarded);
        int reach = Math.max(overlap, Prefilter.BACK + Prefilter.AHEAD);
        byte[] win = new byte[reach + CONTEXT + 4 + chunkBytes];
        byte[] pending = new byte[4];
        int pendingCount = 0;
        int carryBytes = 0; // ASCII carry in win[0, carryBytes)
        String carryText = null; // or the carry as text when it is not ASCII
        Hits carried = Hits.NONE; // hits of an ASCII carry, offsets in win, known below win[known]
        int known = 0;
        long charBase = 0;
        int resume = 0;
        boolean eof = false;
        try {
            while (!eof) {
                int newStart = carryBytes;
                System.arraycopy(pending, 0, win, newStart, pendingCount);
                int readFrom = newStart + pendingCount;
                int got = 0;
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
                Source source = null;
                Hits hits = null;
                if (carryText == null) {
                    // the carry is ASCII: find the hits of the new bytes, which also tells whether they are ASCII
                    int from = Math.max(known, resume - (int) charBase);
                    Hits fresh = Hits.findAscii(win, cut, from, cut);
                    if (fresh != null) {
                        hits = carried.then(fresh);
                        source = new Source(win, cut, (int) charBase);
                    }
                }
                String text = null;
                if (source == null) {
                    String head =
                            carryText != null ? carryText : new String(win, 0, newStart, StandardCharsets.ISO_8859_1);
                    text = head + new String(win, newStart, cut - newStart, StandardCharsets.UTF_8);
                    source = new Source(text, (int) charBase);
                }
                int end = source.length();
                if (!eof && (long) end + chunkBytes + 4 > Integer.MAX_VALUE) {
                    st.problems().add(end, "Only the first " + end + " characters were read.");
                    eof = true;
                }
                int stop = eof ? end : end - reach;
                if (stop > resume) {
                    st.window(source);
                    resume = DiagnosticScanner.scanRange(st, resume, stop, hits);
                }
                if (eof || st.full()) {
                    st.window(source);
                    st.flushQoe();
                    break;
                }
                int keepFrom = (int) Math.max(charBase, Math.min(resume, end) - (long) CONTEXT);
                int keep = (int) (keepFrom - charBase);
                if (text == null) {
                    System.arraycopy(win, keep, win, 0, cut - keep);
                    carryBytes = cut - keep;
                    carryText = null;
                    // hits near the end may change with the bytes still to come: those are found again
                    int exactTo = cut - Prefilter.AHEAD;
                    carried = hits.between(resume - (int) charBase, exactTo).shifted(-keep);
                    known = Math.max(0, exactTo - keep);
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
                    carried = Hits.NONE;
                    known = 0;
                }
                charBase = keepFrom;
            }
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
