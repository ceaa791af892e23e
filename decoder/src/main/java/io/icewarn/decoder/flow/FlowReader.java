package io.icewarn.decoder.flow;

import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads SIP messages from one or more inputs (pastes, files of a rotated log) into one set of dialogs:
 * messages of the same Call-ID join the same dialog whichever input holds them. Obtain one from
 * {@code Decoder.flowReader()}; read each input in turn, then take the {@link #result()}.
 *
 * <p>Linear in the length of the input, and bounded in memory whatever that length: one line and one
 * message's text at a time, and at most {@link #MAX_DIALOGS} dialogs of {@link #MAX_MESSAGES_PER_DIALOG}
 * messages. Never throws for any text; what cannot be read becomes a problem. Not thread-safe.
 */
public final class FlowReader {
    /** The most dialogs kept; those that tell least (no diagnostic, no failure) are left out first. */
    public static final int MAX_DIALOGS = 200;

    /** The most messages kept per dialog: the first half and the last half of a longer dialog. */
    public static final int MAX_MESSAGES_PER_DIALOG = 100;

    /** The most characters of a message searched for diagnostics. */
    public static final int MAX_MESSAGE_CHARS = 64 * 1024;

    /** Lines longer than this many characters are read cut. */
    public static final int MAX_LINE_CHARS = 16 * 1024;

    /** The most characters kept of a header's value, a Request-URI or a reason phrase. */
    public static final int MAX_HEADER_CHARS = 1024;

    /** The most {@code ms-*} headers kept per message. */
    public static final int MAX_MS_HEADERS = 16;

    /** The most hosts read from the Record-Route or Via headers of a message. */
    public static final int MAX_ROUTE_HOSTS = 16;

    /** The most proxies of a dialog made parties. */
    public static final int MAX_HOPS = 4;

    /** The most problems reported. */
    public static final int MAX_PROBLEMS = 20;

    private final Function<Diagnostic, DecodedDiagnostic> explain;
    private final Problems problems = new Problems(MAX_PROBLEMS);
    private final DialogTable table = new DialogTable(MAX_DIALOGS, MAX_MESSAGES_PER_DIALOG);
    private final Sequence sequence = new Sequence();
    private int inputs;

    /**
     * Returns a reader; use {@code Decoder.flowReader()}, which explains diagnostics from its knowledge base.
     *
     * @param explain explains a diagnostic found in a message; what it throws becomes a problem
     */
    public FlowReader(Function<Diagnostic, DecodedDiagnostic> explain) {
        this.explain = Objects.requireNonNull(explain, "explain");
    }

    /** Reads the SIP messages of {@code text} as the next input; a null text counts as empty. Never throws. */
    public void read(CharSequence text) {
        LineSplitter lines = splitter();
        if (text != null) {
            lines.feed(text, 0, text.length());
        }
        lines.finish();
    }

    /**
     * Reads the SIP messages of a UTF-8 stream of any length as the next input, with bounded memory.
     * Malformed UTF-8 reads as U+FFFD. Offsets are UTF-16 character offsets from the stream's start; reading
     * stops, with a problem, before they would pass {@code Integer.MAX_VALUE}. Does not close {@code in}.
     *
     * @throws IOException when reading {@code in} fails; the messages read so far stand
     */
    public void read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        LineSplitter lines = splitter();
        Reader reader = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        char[] buffer = new char[64 * 1024];
        try {
            int n;
            while ((n = reader.read(buffer)) > 0) {
                if (lines.offset() + n >= Integer.MAX_VALUE - MAX_LINE_CHARS) {
                    problems.add(
                            inputs - 1,
                            (int) lines.offset(),
                            "Only the first " + lines.offset() + " characters were read.");
                    break;
                }
                lines.feed(buffer, 0, n);
            }
        } finally {
            lines.finish();
        }
    }

    private LineSplitter splitter() {
        int input = inputs++;
        return new LineSplitter(new MessageReader(input, table::add, explain, problems, sequence));
    }

    /** Returns the dialogs of every input read so far, with the problems met. */
    public CallFlow result() {
        int omitted = table.omittedDialogs();
        if (omitted > 0) {
            problems.add(
                    -1,
                    0,
                    "More than " + MAX_DIALOGS + " SIP dialogs: " + omitted
                            + " were left out, those with no failure and no diagnostic first.");
        }
        return new CallFlow(table.dialogs(), omitted, problems.list());
    }

    /** The order in which messages were read, over all inputs. */
    static final class Sequence {
        private long next;

        long next() {
            return next++;
        }
    }
}
