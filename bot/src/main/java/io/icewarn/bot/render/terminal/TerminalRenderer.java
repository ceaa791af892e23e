package io.icewarn.bot.render.terminal;

import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.Reply.DigestGroup;
import io.icewarn.bot.reply.Reply.DigestLine;
import io.icewarn.bot.reply.ReplyAttachment;
import io.icewarn.bot.reply.ReplySection;
import io.icewarn.bot.reply.ReplySection.ChecklistLine;
import io.icewarn.bot.reply.ReplySection.FieldLine;
import io.icewarn.bot.reply.ReplySection.FlagLine;
import io.icewarn.bot.reply.ReplySection.Remark;
import io.icewarn.bot.reply.SourceLink;
import io.icewarn.decoder.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays a {@link Reply} out as plain text for a terminal, wrapped to a width: the short answer compactly
 * (verdict, numbered steps with their sources' labels, the evidence on two lines); a detail view with every
 * part under a heading and the sources, with their addresses, listed once at the end. Steps start at the
 * left margin ({@code 1.}); wrapped lines hang under their text. ANSI colour only when asked for (use it only
 * when standard output is a terminal). Decides nothing about wording. Immutable and thread-safe.
 */
public final class TerminalRenderer {
    /** The width used when none is known. */
    public static final int DEFAULT_WIDTH = 80;

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[31m";
    private static final String YELLOW = "\u001B[33m";
    private static final String BLUE = "\u001B[34m";

    private final boolean ansi;
    private final int width;

    /** Returns a renderer that wraps at {@link #DEFAULT_WIDTH}; {@code ansi} turns colour and bold on. */
    public TerminalRenderer(boolean ansi) {
        this(ansi, DEFAULT_WIDTH);
    }

    /**
     * Returns a renderer.
     *
     * @param ansi whether colour and bold are on
     * @param width the column to wrap at, at least 20; 0 for no wrapping
     */
    public TerminalRenderer(boolean ansi, int width) {
        if (width != 0 && width < 20) {
            throw new IllegalArgumentException("width must be 0 or at least 20");
        }
        this.ansi = ansi;
        this.width = width;
    }

    /** Returns {@code reply} as text ending with a line break. */
    public String render(Reply reply) {
        Out out = new Out();
        if (reply.view() == Reply.View.ANSWER) {
            answer(out, reply);
        } else {
            detail(out, reply);
        }
        return out.toString();
    }

    private void answer(Out out, Reply reply) {
        boolean many = !reply.digest().isEmpty();
        if (many) {
            out.line(bold(reply.headline()), "");
            out.blank();
        }
        for (ReplySection s : reply.sections()) {
            out.line(severity(s.severity()) + " " + bold(s.headline()), "  ");
            if (!s.label().isBlank() || !s.context().isBlank()) {
                out.line(join(s.label(), s.context()), "  ");
            }
            if (!s.steps().isEmpty() || !s.remarks().isEmpty()) {
                out.blank();
            }
            s.steps().forEach(c -> step(out, c, false));
            s.remarks().forEach(r -> out.line("- " + remark(r, false), "  "));
            List<String> evidence = new ArrayList<>();
            if (!s.flags().isEmpty()) {
                List<String> bits = new ArrayList<>();
                for (FlagLine f : s.flags().lines()) {
                    bits.add(mark(f.mark()) + " " + f.bit() + " " + f.label());
                }
                if (!s.flags().folded().isEmpty()) {
                    bits.add(s.flags().folded());
                }
                evidence.add(s.flags().title() + ": " + String.join(", ", bits));
            }
            List<String> fields = new ArrayList<>();
            s.fields().forEach(f -> fields.add(field(f, " ")));
            if (!fields.isEmpty()) {
                evidence.add(String.join("; ", fields));
            }
            if (!evidence.isEmpty()) {
                out.blank();
                out.line("Evidence: " + evidence.get(0), "  ");
                evidence.subList(1, evidence.size()).forEach(e -> out.line("  " + e, "  "));
            }
            s.sources().forEach(l -> out.line("- " + l.label() + url(l), "  "));
            quote(out, s);
        }
        if (many) {
            out.blank();
            if (!reply.summary().isBlank()) {
                out.line(bold(reply.summary()), "");
            }
            digest(out, reply.digest());
        }
        notesAndFooter(out, reply);
    }

    private void digest(Out out, List<DigestGroup> groups) {
        for (DigestGroup g : groups) {
            String indent = "";
            if (!g.title().isEmpty()) {
                out.line(g.title(), "");
                indent = "  ";
            }
            for (DigestLine l : g.lines()) {
                String mark = l.index() < 0 ? "" : severity(l.severity()) + " ";
                out.line(indent + mark + l.label() + ": " + l.text(), indent + "    ");
            }
        }
    }

    private void detail(Out out, Reply reply) {
        boolean headlineIsTheSection = reply.sections().size() == 1
                && reply.sections().get(0).headline().equals(reply.headline());
        if (!headlineIsTheSection) {
            out.line(bold(reply.headline()), "");
        }
        if (!reply.summary().isBlank()) {
            out.line(reply.summary(), "");
        }
        Map<String, SourceLink> sources = new LinkedHashMap<>();
        for (ReplySection s : reply.sections()) {
            if (!headlineIsTheSection) {
                out.blank();
            }
            section(out, s, sources);
        }
        if (!reply.digest().isEmpty()) {
            out.blank();
            digest(out, reply.digest());
        }
        if (!sources.isEmpty()) {
            out.blank();
            out.line(bold("Sources"), "");
            for (SourceLink s : sources.values()) {
                String title = s.title().isEmpty() || s.title().equals(s.label()) ? "" : ": " + s.title();
                out.line("  " + s.label() + title + url(s), "    ");
            }
        }
        notesAndFooter(out, reply);
    }

    private void notesAndFooter(Out out, Reply reply) {
        if (!reply.notes().isEmpty()) {
            out.blank();
            reply.notes().forEach(n -> out.line("- " + n, "  "));
        }
        for (ReplyAttachment a : reply.attachments()) {
            out.line(
                    "(attached: " + a.fileName() + (a.description().isEmpty() ? "" : ", " + a.description()) + ")",
                    "  ");
        }
        if (!reply.footer().isBlank()) {
            out.blank();
            out.line(reply.footer(), "");
        }
    }

    private void section(Out out, ReplySection s, Map<String, SourceLink> sources) {
        out.line(severity(s.severity()) + " " + bold(s.headline().isBlank() ? s.title() : s.headline()), "  ");
        boolean titled = !s.title().isBlank() && !s.title().equals(s.headline());
        if (titled) {
            out.line("  " + s.title(), "    ");
        }
        String where = titled || s.headline().startsWith(s.label()) ? s.context() : join(s.label(), s.context());
        if (!where.isBlank()) {
            out.line("  " + where, "    ");
        }
        if (!s.detail().isBlank()) {
            out.line("  " + s.detail(), "    ");
        }
        if (!s.steps().isEmpty()) {
            out.blank();
            out.line("  Steps", "");
            for (ChecklistLine c : s.steps()) {
                step(out, c, true);
                c.sources().forEach(l -> sources.putIfAbsent(l.key(), l));
                for (Remark m : c.merged()) {
                    out.line("     also: " + remark(m, true), "       ");
                    m.sources().forEach(l -> sources.putIfAbsent(l.key(), l));
                }
            }
        }
        if (!s.remarks().isEmpty()) {
            out.blank();
            out.line("  Remarks", "");
            for (Remark r : s.remarks()) {
                out.line("    - " + remark(r, true), "      ");
                r.sources().forEach(l -> sources.putIfAbsent(l.key(), l));
            }
        }
        if (!s.flags().lines().isEmpty()) {
            out.blank();
            out.line("  " + s.flags().title(), "");
            for (FlagLine f : s.flags().lines()) {
                String text = String.format(Locale.ROOT, "%-9s %-10s ", mark(f.mark()), f.bit())
                        + f.label()
                        + (f.guidance().isBlank() ? "" : " — " + f.guidance());
                out.line("    " + text, "                         ");
            }
        }
        if (!s.fields().isEmpty()) {
            out.blank();
            out.line("  Fields", "");
            s.fields().forEach(f -> out.line("    " + field(f, " = "), "      "));
        }
        if (!s.notes().isEmpty()) {
            out.blank();
            out.line("  Notes", "");
            s.notes().forEach(n -> out.line("    - " + n, "      "));
        }
        if (!s.sources().isEmpty()) {
            out.blank();
            out.line("  Cited: " + SourceLink.labels(s.sources()), "    ");
            s.sources().forEach(l -> sources.putIfAbsent(l.key(), l));
        }
        quote(out, s);
    }

    private void quote(Out out, ReplySection s) {
        s.quote().ifPresent(q -> {
            out.blank();
            out.line("  Quoted", "");
            for (String line : q.split("\n", -1)) {
                out.raw("    | " + line);
            }
        });
    }

    /** Writes a numbered step with its sources' labels: from the left margin, indented in a detail view. */
    private void step(Out out, ChecklistLine c, boolean detail) {
        String text = c.number() + ". " + c.text() + (c.inferred() ? " (inferred)" : "");
        if (!c.sources().isEmpty()) {
            text += " [" + SourceLink.labels(c.sources()) + "]";
        }
        String indent = detail ? "    " : "";
        out.line(indent + text, indent + " ".repeat(String.valueOf(c.number()).length() + 2));
    }

    private static String remark(Remark r, boolean detail) {
        return r.text()
                + (r.inferred() ? " (inferred)" : "")
                + (r.sources().isEmpty() ? "" : " [" + SourceLink.labels(r.sources()) + "]");
    }

    private static String field(FieldLine f, String equals) {
        StringBuilder b = new StringBuilder(f.name());
        if (!f.value().isEmpty()) {
            b.append(equals).append(f.value());
        }
        if (!f.words().isEmpty()) {
            b.append(": ").append(f.words());
        }
        if (f.inferred()) {
            b.append(" (inferred)");
        }
        return b.toString();
    }

    private static String url(SourceLink s) {
        return s.url().isEmpty() ? "" : " <" + s.url() + ">";
    }

    private static String join(String a, String b) {
        return a.isBlank() ? b : b.isBlank() ? a : a + " · " + b;
    }

    private static String mark(ReplySection.Mark m) {
        switch (m) {
            case BENIGN:
                return "[ok]";
            case CAUTION:
                return "[caution]";
            case PROBLEM:
                return "[problem]";
            case INFO:
                return "[info]";
            default:
                return "[unknown]";
        }
    }

    private String severity(Severity s) {
        String label = "[" + s.label().toUpperCase(Locale.ROOT) + "]";
        if (!ansi) {
            return label;
        }
        String colour = s == Severity.FAILURE ? RED : s == Severity.WARNING ? YELLOW : BLUE;
        return colour + label + RESET;
    }

    private String bold(String text) {
        return ansi ? BOLD + text + RESET : text;
    }

    /** The text being written, wrapped at the renderer's width. */
    private final class Out {
        private final StringBuilder b = new StringBuilder();

        /** Writes {@code text} (one logical line) wrapped, continuation lines starting with {@code hang}. */
        void line(String text, String hang) {
            for (String physical : text.split("\n", -1)) {
                b.append(Wrap.wrap(physical, width, hang));
                b.append('\n');
            }
        }

        /** Writes {@code text} as it is, unwrapped (quotes of the user's text). */
        void raw(String text) {
            b.append(text).append('\n');
        }

        /** Writes an empty line, unless the text is empty or already ends with one. */
        void blank() {
            int n = b.length();
            if (n > 0 && !(n >= 2 && b.charAt(n - 1) == '\n' && b.charAt(n - 2) == '\n')) {
                b.append('\n');
            }
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
