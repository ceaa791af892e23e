package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Problem;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds every diagnostic in free text. Internal to the decoder; use {@code Decoder.decode}.
 *
 * <p>One forward pass tries the anchors of {@link Anchor} at each position; a diagnostic found there is
 * read by a bounded reader and the pass resumes after it. Every value stops at its closing quote, the next
 * anchor, a blank line or a length cap, so the scan is linear in the length of the text; it never throws
 * for any input. Stateless and thread-safe.
 */
public final class DiagnosticScanner {
    /** The most problems one scan reports. */
    public static final int MAX_PROBLEMS = 20;

    /** The most diagnostics one scan returns; the rest of the text is not read and a problem says so. */
    public static final int MAX_DIAGNOSTICS = 1000;

    private DiagnosticScanner() {}

    /**
     * Returns the diagnostics in {@code text} in order of appearance, with the problems met on the way;
     * empty when there is none or {@code text} is null. Never throws.
     */
    public static ScanResult scan(CharSequence text) {
        return scan(text, true);
    }

    /**
     * As {@link #scan(CharSequence)} for {@code text} that stands at offset {@code base} of a longer text (one
     * SIP message of a log, say): spans and problem offsets are offsets in the longer text.
     *
     * @throws IllegalArgumentException when {@code base} is negative
     */
    public static ScanResult scan(CharSequence text, int base) {
        if (base < 0) {
            throw new IllegalArgumentException("negative base " + base);
        }
        return scan(text, base, true);
    }

    /** As {@link #scan(CharSequence)}; without the prefilter every character is looked at (the reference for tests). */
    static ScanResult scan(CharSequence text, boolean prefilter) {
        return scan(text, 0, prefilter);
    }

    private static ScanResult scan(CharSequence text, int base, boolean prefilter) {
        if (text == null || text.length() == 0) {
            return new ScanResult(List.of(), List.of());
        }
        ScanState st = new ScanState(new Source(text.toString(), base), MAX_PROBLEMS, MAX_DIAGNOSTICS);
        try {
            if (prefilter) {
                scanRange(st, base, st.source().length());
                st.flushQoe();
            } else {
                run(st);
            }
        } catch (RuntimeException e) {
            // last resort: a bug must not take down the caller; keep what was found and say so
            st.problems()
                    .add(
                            base,
                            "Internal scanner error (" + e.getClass().getSimpleName()
                                    + "); the result may be incomplete.");
        }
        List<Diagnostic> found = new ArrayList<>(st.diagnostics());
        found.sort(Comparator.comparingInt(d -> d.span().start()));
        List<Problem> problems = st.problems().list();
        return new ScanResult(found, problems);
    }

    private static void run(ScanState st) {
        int n = st.source().length();
        int i = st.source().base();
        while (i < n && !st.full()) {
            i = step(st, i);
        }
        st.flushQoe();
    }

    /**
     * Scans the positions {@code [from, stop)} of the state's source, looking only at the characters
     * around the places {@link Prefilter} passes; the same result as looking at every position. Returns
     * where scanning goes on: at or after {@code stop}, or anywhere once the state is full. A diagnostic
     * that starts before {@code stop} is read to its end, which may lie after {@code stop}.
     */
    static int scanRange(ScanState st, int from, int stop) {
        return scanRange(st, from, stop, null);
    }

    /**
     * As {@link #scanRange(ScanState, int, int)}, with the hits of the range already found (offsets in the
     * source's {@link Source#lowBytes()}), or null to find them here.
     */
    static int scanRange(ScanState st, int from, int stop, Hits found) {
        Source s = st.source();
        ByteBuffer view = s.lowBytes();
        int base = s.base();
        int limit = s.length() - base;
        int end = Math.min(limit, stop - base + Prefilter.BACK);
        Hits ahead = found != null ? found : Hits.find(view, limit, Math.max(0, from - base), end, s.isAscii());
        int i = from;
        int k = ahead.indexAtOrAfter(i - base);
        while (i < stop && !st.full()) {
            while (k < ahead.count() && ahead.at(k) < i - base) {
                k++; // passed by a diagnostic that was read
            }
            int hit = k < ahead.count() && ahead.at(k) < end ? ahead.at(k++) : -1;
            if (hit < 0) {
                return stop;
            }
            int last = Math.min(hit + base, stop - 1);
            if (SIP_HIT_ONLY_NOTED && view.get(hit) == '/') {
                // SIP/2.0: of its characters only the S can matter, to the SIP context
                int sip = hit - 3 + base;
                if (sip >= i && sip <= last) {
                    st.sip().seen(s, sip);
                }
            } else {
                if (view.get(hit) == '\n') {
                    // a wrap: the anchors it splits start before it, or at an End just after it (Call / End)
                    last = Math.min(s.afterWrap(hit + base) + Anchor.MAX_END_LOOKBEHIND, stop - 1);
                }
                i = Math.max(i, Prefilter.windowStart(view, hit) + base);
                while (i <= last && !st.full()) {
                    i = step(st, i);
                }
            }
            i = Math.max(i, last + 1);
        }
        return i;
    }

    /**
     * Whether no anchor starts with a character of {@code SIP/} in any case: then a {@code SIP/2.0} hit needs
     * only a note in the SIP context, not a {@link #step} per character. Worked out from the anchors, so that
     * an anchor added later turns this short cut off instead of being missed.
     */
    private static final boolean SIP_HIT_ONLY_NOTED =
            "SIPsip/".chars().allMatch(c -> Anchor.startingWith((char) c).length == 0);

    /** Looks at position {@code i}: SIP context, the end of a QoE group, an anchor. Returns the next position. */
    private static int step(ScanState st, int i) {
        Source s = st.source();
        char c = s.at(i);
        st.sip().observe(s, i);
        if (c == '<' && QoeReader.isBoundary(s, i)) {
            st.flushQoe();
        }
        Anchor[] anchors = Anchor.startingWith(c);
        return anchors.length == 0 ? i + 1 : tryAnchors(st, anchors, i);
    }

    /** Returns where the scan goes on after trying the anchors at {@code i}. */
    private static int tryAnchors(ScanState st, Anchor[] anchors, int i) {
        Source s = st.source();
        for (Anchor a : anchors) {
            int m = a.match(s, i);
            if (m < 0) {
                continue;
            }
            Read r = a.read(st, i, m);
            if (r.end() <= i) {
                return i + 1;
            }
            if (r.diagnostic() != null) {
                st.emit(r.diagnostic());
            }
            return r.end();
        }
        return i + 1;
    }
}
