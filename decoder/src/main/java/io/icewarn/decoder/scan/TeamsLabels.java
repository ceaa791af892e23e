package io.icewarn.decoder.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The labels Teams Direct Routing pastes carry their codes under, and where they may start an anchor. A label
 * is a sequence of words matched in any case, with nothing, spaces, underscores or one line break between
 * them, so {@code Final SIP code}, {@code finalSipCode}, {@code FINAL_SIP_CODE} and a label wrapped over two
 * lines are one label; an optional {@code PSTN} word may come first ({@code PSTN Call End Reason}). To add a
 * label, add it to {@link #LABELS}; only labels that start with {@code final} or have {@code End} after
 * {@code Call} or {@code Participant} can start a diagnostic, the others only continue one.
 */
final class TeamsLabels {
    /** What the value under a label is. */
    enum Role {
        /** The final SIP response code (CallEndReason). */
        SIP,
        /** Microsoft's response code (CallEndSubReason). */
        MICROSOFT,
        /** The final SIP phrase. */
        PHRASE,
        /** The call's correlation ID. */
        CORRELATION,
        /** Another column worth keeping with the codes (SBC, call type, times). */
        EXTRA
    }

    /** How a label can take part: start a diagnostic at its {@code final}, at its {@code End}, or only continue one. */
    enum Start {
        FINAL,
        END,
        NONE
    }

    /**
     * One label.
     *
     * @param words its words, lower case
     * @param role what its value is
     * @param start where it can start a diagnostic
     */
    record Label(List<String> words, Role role, Start start) {
        int letters() {
            return words.stream().mapToInt(String::length).sum();
        }
    }

    /**
     * A label found in the text.
     *
     * @param label the label
     * @param start where it starts (its optional {@code PSTN} word included)
     * @param end the offset after its last word
     */
    record Found(Label label, int start, int end) {}

    /** Every label, longest first, so that {@code final sip code phrase} wins over {@code final sip code}. */
    static final List<Label> LABELS;

    /** {@link #LABELS} by the first letter of their first word, {@code a} to {@code z}, in the same order. */
    private static final List<List<Label>> BY_FIRST_LETTER;

    static {
        List<Label> all = new ArrayList<>();
        add(all, Role.MICROSOFT, Start.FINAL, "final microsoft subcode", "final microsoft sub code");
        add(all, Role.PHRASE, Start.FINAL, "final sip code phrase", "final sip phrase");
        add(all, Role.SIP, Start.FINAL, "final sip code");
        add(all, Role.MICROSOFT, Start.END, "call end sub reason", "participant end sub code");
        add(all, Role.SIP, Start.END, "call end reason", "participant end reason");
        add(all, Role.MICROSOFT, Start.NONE, "microsoft response code", "microsoft subcode");
        add(all, Role.SIP, Start.NONE, "sip response code");
        add(all, Role.CORRELATION, Start.NONE, "correlation id");
        add(
                all,
                Role.EXTRA,
                Start.NONE,
                "sbc fqdn",
                "trunk fully qualified domain name",
                "call type",
                "event type",
                "successful call",
                "media bypass enabled",
                "media bypass",
                "azure region for media",
                "azure region for signaling",
                "media path location",
                "signaling location",
                "invite date time",
                "invite time",
                "failure date time",
                "failure time",
                "start date time",
                "start time",
                "end date time",
                "end time",
                "duration");
        all.sort(Comparator.comparingInt(Label::letters).reversed());
        LABELS = List.copyOf(all);
        List<List<Label>> byLetter = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            char first = c;
            byLetter.add(List.copyOf(all.stream()
                    .filter(l -> l.words().get(0).charAt(0) == first)
                    .toList()));
        }
        BY_FIRST_LETTER = List.copyOf(byLetter);
    }

    private static void add(List<Label> into, Role role, Start start, String... labels) {
        for (String l : labels) {
            into.add(new Label(List.of(l.split(" ")), role, start));
        }
    }

    /** The most characters between two words of a label (spaces, underscores, a line break and its indent). */
    private static final int MAX_GAP = 8;

    private TeamsLabels() {}

    /**
     * Returns the label written at {@code i}, longest first, or null. The label must start a word and end one:
     * no letter may follow it. Looks at a bounded number of characters.
     */
    static Found at(Source s, int i) {
        if (!Source.isAsciiLetter(s.at(i)) || !s.wordStartsAt(i)) {
            return null;
        }
        int from = i;
        int pstn = s.matchWrapped(i, "pstn");
        if (pstn >= 0) {
            int next = gap(s, pstn);
            if (next > pstn && Source.isAsciiLetter(s.at(next))) {
                from = next;
            }
        }
        char first = s.at(from);
        if (!Source.isAsciiLetter(first)) {
            return null;
        }
        for (Label label : BY_FIRST_LETTER.get((first | 0x20) - 'a')) {
            int end = words(s, from, label.words());
            if (end >= 0) {
                return new Found(label, i, end);
            }
        }
        return null;
    }

    /** Returns the label of the whole of {@code cell} (a CSV column name, a {@code (UTC)} suffix allowed), or null. */
    static Label whole(String cell) {
        String name = cell.strip();
        int paren = name.indexOf('(');
        if (paren > 0) {
            name = name.substring(0, paren).strip();
        }
        Source s = new Source(name);
        Found f = at(s, 0);
        return f != null && f.end() == name.length() ? f.label() : null;
    }

    /**
     * Returns the end of a label that can start a diagnostic at {@code i} with its {@code final}, or -1. The
     * caller has checked that a word starts at {@code i}.
     */
    static int finalAnchorAt(Source s, int i) {
        if (s.matchWrapped(i, "final") < 0 || !s.wordStartsAt(i)) {
            return -1;
        }
        for (Label label : LABELS) {
            if (label.start() == Start.FINAL) {
                int end = words(s, i, label.words());
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    /**
     * Returns where the label whose upper-case {@code End} is at {@code i} starts ({@code CallEnd…},
     * {@code Call End…}, {@code ParticipantEnd…}), or -1.
     */
    static int endAnchorStart(Source s, int i) {
        if (s.at(i) != 'E' || s.matchWrapped(i, "end") < 0) {
            return -1;
        }
        int before = s.beforeWrap(i);
        for (String word : new String[] {"call", "call ", "participant", "participant "}) {
            int start = s.startWrapped(before, word);
            if (start >= 0 && s.wordStartsAt(start)) {
                return start;
            }
        }
        return -1;
    }

    /** Returns the end of a label that can start a diagnostic at its {@code End}, at {@code i}, or -1. */
    static int endAnchorAt(Source s, int i) {
        int start = endAnchorStart(s, i);
        if (start < 0) {
            return -1;
        }
        for (Label label : LABELS) {
            if (label.start() == Start.END) {
                int end = words(s, start, label.words());
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    /** Returns the end of {@code words} written from {@code i}, or -1; no letter may follow the last word. */
    private static int words(Source s, int i, List<String> words) {
        int p = i;
        for (int w = 0; w < words.size(); w++) {
            if (w > 0) {
                p = gap(s, p);
            }
            p = s.matchWrapped(p, words.get(w));
            if (p < 0) {
                return -1;
            }
        }
        return Source.isAsciiLetter(s.at(p)) ? -1 : p;
    }

    /** Returns the offset after what may separate two words of a label at {@code i}. */
    private static int gap(Source s, int i) {
        int p = i;
        int limit = i + MAX_GAP;
        while (p < limit && (s.at(p) == ' ' || s.at(p) == '\t' || s.at(p) == '_')) {
            p++;
        }
        if (Source.isLineBreak(s.at(p))) {
            int next = s.skipQuotePrefix(s.afterLineBreak(p));
            if (next - p <= MAX_GAP && !Source.isLineBreak(s.at(next))) {
                return next;
            }
        }
        return p;
    }

    /** Returns the label's words joined by spaces, for messages. */
    static String name(Label label) {
        return String.join(" ", label.words()).toLowerCase(Locale.ROOT);
    }
}
