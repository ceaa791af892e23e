package io.icewarn.decoder.scan;

import java.util.List;

/**
 * The ordered registry of things that start a diagnostic. The scanner tries them in declaration order
 * at every position; the first that matches reads the diagnostic. To add a shape, add a constant with
 * a bounded {@link #match} and a reader.
 *
 * <p>Anchors marked as value stops also end a quoted value that was left open, so that a missing
 * closing quote cannot swallow the next diagnostic. They must match only where a word starts.
 *
 * <p>Each anchor names the characters it can start with; only those anchors are tried at a character.
 */
enum Anchor {
    /** HTTP {@code x-ms-diagnostics} of Exchange, Entra, SharePoint; checked before {@code ms-diagnostics}. */
    LOOK_ALIKE(true, "xX") {
        @Override
        int match(Source s, int i) {
            return header(s, i, "x-ms-diagnostics");
        }

        @Override
        Read read(ScanState st, int at, int matchEnd) {
            return HeaderReader.read(st, HeaderReader.Kind.LOOK_ALIKE, at, matchEnd);
        }
    },
    /** {@code a=x-ms-SDP-diagnostics:7008;reason="…"}. */
    SDP(true, "xX") {
        @Override
        int match(Source s, int i) {
            return header(s, i, "x-ms-sdp-diagnostics");
        }

        @Override
        Read read(ScanState st, int at, int matchEnd) {
            return HeaderReader.read(st, HeaderReader.Kind.SDP, at, matchEnd);
        }
    },
    /** {@code ms-client-diagnostics: 24; …}. */
    CLIENT(true, "mM") {
        @Override
        int match(Source s, int i) {
            return header(s, i, "ms-client-diagnostics");
        }

        @Override
        Read read(ScanState st, int at, int matchEnd) {
            return HeaderReader.read(st, HeaderReader.Kind.CLIENT, at, matchEnd);
        }
    },
    /** {@code ms-diagnostics-public: 4141; …}; checked before {@code ms-diagnostics}. */
    SERVER_PUBLIC(true, "mM") {
        @Override
        int match(Source s, int i) {
            return header(s, i, "ms-diagnostics-public");
        }

        @Override
        Read read(ScanState st, int at, int matchEnd) {
            return HeaderReader.read(st, HeaderReader.Kind.SERVER_PUBLIC, at, matchEnd);
        }
    },
    /** {@code ms-diagnostics: 1008; …}. */
    SERVER(true, "mM") {
        @Override
        int match(Source s, int i) {
            return header(s, i, "ms-diagnostics");
        }

        @Override
        Read read(ScanState st, int at, int matchEnd) {
            return HeaderReader.read(st, HeaderReader.Kind.SERVER, at, matchEnd);
        }
    },
    /** Monitoring report form {@code 25; reason="…"; UserType=…}, without a header. */
    REPORT(true, "0123456789") {
        @Override
        int match(Source s, int i) {
            if (!Source.isDigit(s.at(i)) || !s.wordStartsAt(i) || s.at(i - 1) == '.') {
                return -1;
            }
            int j = s.digitsEnd(i, MAX_CODE_DIGITS);
            if (s.digits(i, j).length() > MAX_CODE_DIGITS) {
                return -1;
            }
            j = s.skipSpaceOrWrap(j, 8);
            if (s.at(j) != ';') {
                return -1;
            }
            j = s.matchWrapped(s.skipSpaceOrWrap(j + 1, 8), "reason");
            if (j < 0) {
                return -1;
            }
            j = s.skipSpaceOrWrap(j, 8);
            return s.at(j) == '=' ? i : -1;
        }

        @Override
        Read read(ScanState st, int at, int matchEnd) {
            return FragmentReader.readReport(st, at);
        }
    },
    /** {@code CallerMediaDebug="…"} / {@code CalleeMediaDebug="…"} outside a header. */
    MEDIA_DEBUG(true, "cC") {
        @Override
        int match(Source s, int i) {
            if (!s.wordStartsAt(i)) {
                return -1;
            }
            int key = Math.max(s.matchWrapped(i, "callermediadebug"), s.matchWrapped(i, "calleemediadebug"));
            if (key < 0) {
                return -1;
            }
            int j = s.skipSpaceOrWrap(key, 8);
            return s.at(j) == '=' ? j + 1 : -1;
        }

        @Override
        Read read(ScanState st, int at, int matchEnd) {
            return FragmentReader.readBareMediaDebug(st, at, matchEnd);
        }
    },
    /** {@code <Connectivity>}, {@code <Ice>}, {@code <IceWarningFlags>} of a QoE report, any namespace prefix. */
    QOE(false, "<") {
        @Override
        int match(Source s, int i) {
            return QoeReader.match(s, i);
        }

        @Override
        Read read(ScanState st, int at, int matchEnd) {
            return QoeReader.read(st, at, matchEnd);
        }
    },
    /**
     * Teams Direct Routing labels that start with {@code final}: {@code Final SIP code 487}, {@code Final
     * Microsoft subcode: 540200}, {@code "finalSipCode": 0}, or the header line of a PSTN usage report export.
     */
    TEAMS_FINAL(false, "fF") {
        @Override
        int match(Source s, int i) {
            return TeamsLabels.finalAnchorAt(s, i);
        }

        @Override
        Read read(ScanState st, int at, int matchEnd) {
            return TeamsReader.read(st, at);
        }
    },
    /**
     * Teams labels read at the capital {@code E} of their {@code End}: {@code CallEndSubReason = 560484},
     * {@code PSTN Call End Reason}, {@code "callEndSubReason"}, {@code ParticipantEndReason}; the label starts
     * up to {@link #MAX_END_LOOKBEHIND} characters before.
     */
    TEAMS_END(false, "E") {
        @Override
        int match(Source s, int i) {
            return TeamsLabels.endAnchorAt(s, i);
        }

        @Override
        Read read(ScanState st, int at, int matchEnd) {
            return TeamsReader.read(st, TeamsLabels.endAnchorStart(st.source(), at));
        }
    },
    /** {@code Q.850;cause=63;text="…"} of a SIP {@code Reason} header, spaces allowed around the {@code ;}. */
    Q850(false, "qQ") {
        @Override
        int match(Source s, int i) {
            int q850 = s.matchWrapped(i, "q.850");
            if (q850 < 0 || !s.wordStartsAt(i)) {
                return -1;
            }
            int semicolon = s.skipSpaceOrWrap(q850, 8);
            if (s.at(semicolon) != ';') {
                return -1;
            }
            int key = s.skipSpaceOrWrap(semicolon + 1, 8);
            return s.matchWrapped(key, "cause") >= 0 || s.matchWrapped(key, "text") >= 0 ? semicolon : -1;
        }

        @Override
        Read read(ScanState st, int at, int matchEnd) {
            return TeamsReader.readQ850(st, at, matchEnd);
        }
    };

    /** How far before its {@code E} a label read by {@link #TEAMS_END} starts ({@code Participant End}). */
    static final int MAX_END_LOOKBEHIND = "participant ".length();

    /** The most digits an ID may have; longer runs are not IDs. */
    static final int MAX_CODE_DIGITS = 9;

    static final int MEDIA_DEBUG_KEY_LENGTH = "CallerMediaDebug".length();

    /** Every anchor in registry order. */
    static final List<Anchor> ORDERED = List.of(values());

    /** Per ASCII character: the anchors that can start with it, in registry order. */
    private static final Anchor[][] STARTING_WITH = new Anchor[128][];

    /** Per ASCII character: the value-stopping anchors that can start with it, in registry order. */
    private static final Anchor[][] STOPPING_WITH = new Anchor[128][];

    static {
        for (char c = 0; c < 128; c++) {
            final char ch = c;
            STARTING_WITH[c] =
                    ORDERED.stream().filter(a -> a.starts.indexOf(ch) >= 0).toArray(Anchor[]::new);
            STOPPING_WITH[c] = ORDERED.stream()
                    .filter(a -> a.stopsValues && a.starts.indexOf(ch) >= 0)
                    .toArray(Anchor[]::new);
        }
    }

    private final boolean stopsValues;
    /** Every character {@link #match} can succeed on. */
    private final String starts;

    Anchor(boolean stopsValues, String starts) {
        this.stopsValues = stopsValues;
        this.starts = starts;
    }

    /**
     * Returns the end of the anchor written at {@code i} (for headers, the offset of the ID's first digit),
     * or -1 when it is not there. Looks at a bounded number of characters.
     */
    abstract int match(Source s, int i);

    /** Returns what the diagnostic anchored at {@code at} reads as; {@code matchEnd} is what {@link #match} returned. */
    abstract Read read(ScanState st, int at, int matchEnd);

    /** Returns true when this anchor also ends a quoted value left open before it. */
    boolean stopsValues() {
        return stopsValues;
    }

    /** Returns the anchors that can start with {@code c}, in registry order; empty for most characters. */
    static Anchor[] startingWith(char c) {
        return c < 128 ? STARTING_WITH[c] : NONE;
    }

    private static final Anchor[] NONE = {};

    /** Returns the anchor written at {@code i}, or null. */
    static Anchor at(Source s, int i) {
        for (Anchor a : startingWith(s.at(i))) {
            if (a.match(s, i) >= 0) {
                return a;
            }
        }
        return null;
    }

    /** Returns true when an anchor that ends an open quoted value is written at {@code i}. */
    static boolean stopsValueAt(Source s, int i) {
        char c = s.at(i);
        if (c >= 128) {
            return false;
        }
        Anchor[] candidates = STOPPING_WITH[c];
        // every value-stopping anchor starts a word: inside a word (an address, a port, a name) none can
        if (candidates.length == 0 || !s.wordStartsAt(i)) {
            return false;
        }
        for (Anchor a : candidates) {
            if (a.match(s, i) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Returns true when a header anchor ({@code ms-…diagnostics:}) is written at {@code i}. */
    static boolean headerAt(Source s, int i) {
        char c = s.at(i);
        if (c != 'x' && c != 'X' && c != 'm' && c != 'M') {
            return false;
        }
        return LOOK_ALIKE.match(s, i) >= 0
                || SDP.match(s, i) >= 0
                || CLIENT.match(s, i) >= 0
                || SERVER_PUBLIC.match(s, i) >= 0
                || SERVER.match(s, i) >= 0;
    }

    /** Returns the offset of the ID's first digit after {@code name:}, or -1. */
    static int header(Source s, int i, String name) {
        if (!s.wordStartsAt(i)) {
            return -1;
        }
        int j = s.matchWrapped(i, name);
        if (j < 0) {
            return -1;
        }
        j = s.skipSpaceOrWrap(j, 8);
        if (s.at(j) != ':') {
            return -1;
        }
        j = s.skipSpaceOrWrap(j + 1, 8);
        return Source.isDigit(s.at(j)) ? j : -1;
    }
}
