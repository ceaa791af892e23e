package io.icewarn.bot.render.terminal;

import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplySection;
import io.icewarn.bot.reply.ReplySection.ChecklistLine;
import io.icewarn.bot.reply.ReplySection.FieldLine;
import io.icewarn.bot.reply.ReplySection.FlagLine;
import io.icewarn.bot.reply.SourceLink;
import io.icewarn.decoder.Severity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lays a {@link Reply} out as plain text for a terminal: headings, indented lines, a numbered checklist
 * with source keys, and the sources listed once at the end. ANSI colour only when asked for (use it
 * only when standard output is a terminal). Decides nothing about wording. Immutable and thread-safe.
 */
public final class TerminalRenderer {
    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[31m";
    private static final String YELLOW = "\u001B[33m";
    private static final String BLUE = "\u001B[34m";

    private final boolean ansi;

    /** Returns a renderer; {@code ansi} turns colour and bold on. */
    public TerminalRenderer(boolean ansi) {
        this.ansi = ansi;
    }

    /** Returns {@code reply} as text ending with a line break. */
    public String render(Reply reply) {
        StringBuilder b = new StringBuilder();
        b.append(bold(reply.headline())).append('\n');
        if (!reply.summary().isBlank()) {
            b.append(reply.summary()).append('\n');
        }
        for (String note : reply.notes()) {
            b.append("  - ").append(note).append('\n');
        }
        Map<String, SourceLink> sources = new LinkedHashMap<>();
        for (ReplySection s : reply.sections()) {
            b.append('\n');
            section(b, s, sources);
        }
        if (!sources.isEmpty()) {
            b.append('\n').append(bold("Sources")).append('\n');
            for (SourceLink s : sources.values()) {
                b.append("  ").append(s.key());
                if (!s.title().isEmpty()) {
                    b.append("  ").append(s.title());
                }
                if (!s.url().isEmpty()) {
                    b.append("  <").append(s.url()).append('>');
                }
                b.append('\n');
            }
        }
        if (!reply.footer().isBlank()) {
            b.append('\n').append(reply.footer()).append('\n');
        }
        return b.toString();
    }

    private void section(StringBuilder b, ReplySection s, Map<String, SourceLink> sources) {
        b.append(severity(s.severity())).append(' ').append(bold(s.title())).append('\n');
        if (!s.context().isBlank()) {
            b.append("  ").append(s.context()).append('\n');
        }
        b.append("  ").append(s.verdict()).append('\n');
        if (!s.flags().isEmpty()) {
            b.append('\n').append("  ").append(s.flagsTitle()).append('\n');
            for (FlagLine f : s.flags()) {
                b.append("    ").append(String.format(Locale.ROOT, "%-9s %-10s ", mark(f.mark()), f.bit()));
                b.append(f.label());
                if (!f.guidance().isBlank()) {
                    b.append(" — ").append(f.guidance());
                }
                b.append('\n');
            }
        }
        if (!s.fields().isEmpty()) {
            b.append('\n').append("  Key fields").append('\n');
            for (FieldLine f : s.fields()) {
                b.append("    ").append(f.name());
                if (!f.value().isEmpty()) {
                    b.append(" = ").append(f.value());
                }
                if (!f.words().isEmpty()) {
                    b.append(": ").append(f.words());
                }
                if (f.inferred()) {
                    b.append(" (inferred)");
                }
                b.append('\n');
            }
        }
        if (!s.checklist().isEmpty()) {
            b.append('\n').append("  Checklist").append('\n');
            for (ChecklistLine c : s.checklist()) {
                b.append("    ").append(c.number()).append(". ").append(c.text());
                if (c.inferred()) {
                    b.append(" (inferred)");
                }
                if (!c.sources().isEmpty()) {
                    b.append(" [").append(SourceLink.keys(c.sources())).append(']');
                    c.sources().forEach(l -> sources.putIfAbsent(l.key(), l));
                }
                b.append('\n');
            }
        }
        if (!s.notes().isEmpty()) {
            b.append('\n').append("  Notes").append('\n');
            s.notes().forEach(n -> b.append("    - ").append(n).append('\n'));
        }
        if (!s.sources().isEmpty()) {
            b.append('\n')
                    .append("  Cited: ")
                    .append(SourceLink.keys(s.sources()))
                    .append('\n');
            s.sources().forEach(l -> sources.putIfAbsent(l.key(), l));
        }
        s.quote().ifPresent(q -> {
            b.append('\n').append("  Quoted").append('\n');
            for (String line : q.split("\n", -1)) {
                b.append("    | ").append(line).append('\n');
            }
        });
    }

    private static String mark(ReplySection.Mark m) {
        switch (m) {
            case BENIGN:
                return "[ok]";
            case CAUTION:
                return "[caution]";
            case PROBLEM:
                return "[problem]";
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
}
