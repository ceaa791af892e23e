package io.icewarn.bot.ladder;

import io.icewarn.bot.safety.Redactor;
import io.icewarn.bot.safety.Sanitizer;
import io.icewarn.decoder.CodeExplanation;
import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.flow.CallFlow;
import io.icewarn.decoder.flow.Dialog;
import io.icewarn.decoder.flow.Party;
import io.icewarn.decoder.flow.SipMessage;
import io.icewarn.decoder.model.Diagnostic;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the dialogs of a {@link CallFlow} into {@link Ladder}s and decides their wording and their limits:
 * every string from the log is sanitised ({@link Sanitizer}) and, when redaction is on, has its addresses and
 * host names masked ({@link Redactor}) exactly as the text replies do. Immutable and thread-safe.
 */
public final class LadderBuilder {
    /** The most messages a picture shows; the text ladder shows them all. */
    public static final int MAX_PICTURE_MESSAGES = 30;

    /** The most columns a picture shows; proxies that no arrow touches are left out first. */
    public static final int MAX_PICTURE_COLUMNS = 5;

    /** The longest label, address or diagnostic line a ladder shows, in characters; longer ones end with an ellipsis. */
    public static final int MAX_TEXT_CHARS = 160;

    private static final String PROXY = "proxy";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final boolean redact;

    /** Returns a builder; {@code redact} masks addresses and host names. */
    public LadderBuilder(boolean redact) {
        this.redact = redact;
    }

    /** Returns a ladder for every dialog of {@code flow}, in its order. */
    public List<Ladder> ladders(CallFlow flow) {
        List<Ladder> out = new ArrayList<>();
        for (Dialog d : flow.dialogs()) {
            out.add(ladder(d));
        }
        return out;
    }

    /**
     * Returns the dialog of {@code flow} a picture shows: among the dialogs of two or more messages (a ladder of one
     * arrow says little), the first that failed, else the first with a diagnostic, else the first; when no dialog
     * has two messages, the first that failed, else the first with a diagnostic; empty when there is none.
     */
    public Optional<Dialog> pictured(CallFlow flow) {
        List<Dialog> ladders =
                flow.dialogs().stream().filter(d -> d.messages().size() >= 2).toList();
        Optional<Dialog> best = telling(ladders);
        if (best.isPresent() || !ladders.isEmpty()) {
            return best.or(() -> Optional.of(ladders.get(0)));
        }
        return telling(flow.dialogs());
    }

    /** Returns the first of {@code dialogs} that failed, else the first with a diagnostic. */
    private static Optional<Dialog> telling(List<Dialog> dialogs) {
        for (Dialog d : dialogs) {
            if (d.firstFailure().isPresent()) {
                return Optional.of(d);
            }
        }
        return dialogs.stream().filter(Dialog::hasDiagnostic).findFirst();
    }

    /** Returns the ladder of {@code dialog}. */
    public Ladder ladder(Dialog dialog) {
        List<Party> parties = dialog.parties();
        int local = -1;
        for (int i = 0; i < parties.size(); i++) {
            if (parties.get(i).kind() == Party.Kind.LOCAL) {
                local = i;
            }
        }
        List<Ladder.Column> columns = new ArrayList<>();
        int users = 0;
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            String role = switch (p.kind()) {
                case LOCAL -> p.address().isEmpty() ? "this server" : "this client";
                case PEER -> "peer";
                case HOP -> PROXY;
                case USER -> (local >= 0 ? i < local : users++ == 0) ? "caller" : "callee";
            };
            columns.add(new Ladder.Column(letter(i), role, text(p.address())));
        }
        List<Ladder.Row> rows = new ArrayList<>();
        String method = dialog.method();
        boolean timed = dialog.messages().stream().allMatch(m -> m.time().isPresent());
        for (SipMessage m : dialog.messages()) {
            String label = m.isRequest()
                    ? m.method()
                    : m.status().getAsInt()
                            + (m.reasonPhrase().isEmpty() ? "" : " " + m.reasonPhrase())
                            + (m.method().isEmpty() || m.method().equals(method) ? "" : " (" + m.method() + ")");
            List<String> diagnostics = new ArrayList<>();
            for (DecodedDiagnostic d : m.diagnostics()) {
                diagnostics.add(diagnostic(d));
            }
            rows.add(new Ladder.Row(
                    timed ? m.time().map(TIME::format).orElse("") : "",
                    parties.indexOf(m.from()),
                    parties.indexOf(m.to()),
                    text(label),
                    m.failure(),
                    diagnostics));
        }
        List<String> notes = new ArrayList<>();
        if (dialog.omittedMessages() > 0) {
            notes.add(dialog.omittedMessages() + " more messages of this dialog were read but not kept (the first "
                    + (rows.size() + 1) / 2 + " and the last ones are shown).");
        }
        return new Ladder(
                title(dialog, rows.size(), timed),
                columns,
                rows,
                notes,
                dialog.firstFailure().isPresent());
    }

    /**
     * Returns {@code ladder} cut to what a picture shows, so that it stays narrow enough to read in a chat
     * preview and quick to draw: parties that no arrow touches (the proxies of a Record-Route, the far ends of a
     * server's trace) are named in a note instead of drawn, at most
     * {@link #MAX_PICTURE_COLUMNS} columns (further parties drawn as one) and {@link #MAX_PICTURE_MESSAGES}
     * messages (around the first failure; the rest noted).
     */
    public Ladder forPicture(Ladder ladder) {
        List<Ladder.Column> columns = ladder.columns();
        List<Ladder.Row> rows = ladder.rows();
        List<String> notes = new ArrayList<>(ladder.notes());
        if (rows.size() > MAX_PICTURE_MESSAGES) {
            int firstFailure = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).failure()) {
                    firstFailure = i;
                    break;
                }
            }
            int from =
                    Math.max(0, Math.min(firstFailure - MAX_PICTURE_MESSAGES / 2, rows.size() - MAX_PICTURE_MESSAGES));
            notes.add("The picture shows messages " + (from + 1) + " to " + (from + MAX_PICTURE_MESSAGES) + " of "
                    + rows.size() + "; the text ladder has them all.");
            rows = rows.subList(from, from + MAX_PICTURE_MESSAGES);
        }
        boolean[] used = new boolean[columns.size()];
        for (Ladder.Row r : rows) {
            used[r.from()] = true;
            used[r.to()] = true;
        }
        List<Integer> keep = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Ladder.Column c = columns.get(i);
            if (!used[i]) {
                idle.add((c.letter() + " " + c.role() + " " + c.address()).strip());
            } else {
                keep.add(i);
            }
        }
        if (!idle.isEmpty()) {
            notes.add("Not drawn, as no arrow of the log touches them: " + String.join(", ", idle) + ".");
        }
        if (keep.size() < columns.size() || columns.size() > MAX_PICTURE_COLUMNS) {
            List<Ladder.Column> kept = new ArrayList<>();
            int[] map = new int[columns.size()];
            boolean merged = keep.size() > MAX_PICTURE_COLUMNS;
            for (int k = 0; k < keep.size(); k++) {
                int i = keep.get(k);
                if (!merged || k < MAX_PICTURE_COLUMNS - 1) {
                    kept.add(columns.get(i));
                    map[i] = kept.size() - 1;
                } else {
                    map[i] = MAX_PICTURE_COLUMNS - 1;
                }
            }
            if (merged) {
                kept.add(new Ladder.Column(
                        columns.get(keep.get(MAX_PICTURE_COLUMNS - 1)).letter() + "+", "others", ""));
                notes.add("The picture draws the parties from "
                        + kept.get(kept.size() - 1).letter() + " on as one; the text ladder has them all.");
            }
            List<Ladder.Row> moved = new ArrayList<>();
            for (Ladder.Row r : rows) {
                moved.add(
                        new Ladder.Row(r.time(), map[r.from()], map[r.to()], r.label(), r.failure(), r.diagnostics()));
            }
            columns = kept;
            rows = moved;
        }
        return new Ladder(ladder.title(), columns, rows, notes, ladder.failed());
    }

    private String title(Dialog dialog, int messages, boolean timed) {
        StringBuilder b = new StringBuilder();
        b.append(dialog.method().isEmpty() ? "SIP" : text(dialog.method())).append(" dialog");
        b.append(dialog.callId().isEmpty() ? ", no Call-ID" : ", Call-ID " + text(dialog.callId()));
        b.append(", ").append(messages).append(messages == 1 ? " message" : " messages");
        if (timed && !dialog.messages().isEmpty()) {
            LocalDateTime first = dialog.messages().get(0).time().get();
            b.append(", ").append(DATE.format(first));
        }
        dialog.firstFailure()
                .ifPresent(f -> b.append(", failed")
                        .append(
                                f.time().isPresent() && timed
                                        ? " at " + TIME.format(f.time().get())
                                        : ""));
        return b.toString();
    }

    private String diagnostic(DecodedDiagnostic d) {
        Diagnostic raw = d.diagnostic();
        StringBuilder b = new StringBuilder(raw.header());
        raw.code().ifPresent(c -> b.append(' ').append(c));
        Optional<String> reason = raw.reason().or(() -> d.code().flatMap(CodeExplanation::reason));
        reason.filter(r -> !r.isBlank()).ifPresent(r -> b.append(": ").append(r.strip()));
        return text(b.toString());
    }

    /**
     * Returns {@code s} on one line, sanitised, redacted when asked, and cut to {@link #MAX_TEXT_CHARS}. The host
     * of a URI ({@code sip:bob@fabrikam.com}) is masked too: the ladder names parties by URI.
     */
    private String text(String s) {
        String t = Sanitizer.clean(s).replace('\n', ' ').replace('\t', ' ');
        if (redact) {
            // a host right after '@' is no host name to the Redactor; a mark in between makes it one
            t = Redactor.redact(t.replace("@", "@\u0001")).replace("\u0001", "");
        }
        if (t.codePointCount(0, t.length()) > MAX_TEXT_CHARS) {
            t = t.substring(0, t.offsetByCodePoints(0, MAX_TEXT_CHARS - 1)) + "…";
        }
        return t;
    }

    private static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "Z" + (i - 25);
    }
}
