package io.icewarn.bot.render.markdown;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lays a {@link Reply} out as a Markdown document for a support ticket: for several diagnostics an overview
 * by call, then per diagnostic its verdict, every step (with what merged steps said), the remarks, a table of
 * the bits judged in context, the fields, the notes and the quoted fragment; the sources, with their
 * addresses, once at the end. Meant for the full reply, so nothing is lost. Has no length limit. Decides
 * nothing about wording. Thread-safe.
 */
public final class TicketRenderer {

    /** Returns {@code reply} as Markdown ending with a line break. */
    public String render(Reply reply) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(reply.headline()).append("\n\n");
        if (!reply.summary().isBlank()) {
            b.append(reply.summary()).append("\n\n");
        }
        reply.notes().forEach(n -> b.append("- ").append(n).append('\n'));
        if (!reply.notes().isEmpty()) {
            b.append('\n');
        }
        if (!reply.digest().isEmpty()) {
            b.append("## Overview\n\n");
            for (DigestGroup g : reply.digest()) {
                if (!g.title().isEmpty()) {
                    b.append("**").append(g.title()).append("**\n\n");
                }
                for (DigestLine l : g.lines()) {
                    b.append("- ")
                            .append(l.index() < 0 ? "" : l.severity().label().toUpperCase(Locale.ROOT) + " ")
                            .append(l.label())
                            .append(": ")
                            .append(l.text())
                            .append('\n');
                }
                b.append('\n');
            }
        }
        Map<String, SourceLink> sources = new LinkedHashMap<>();
        for (ReplySection s : reply.sections()) {
            section(b, s, sources, reply.sections().size() > 1);
        }
        for (ReplyAttachment a : reply.attachments()) {
            b.append("Attached: `").append(a.fileName()).append('`');
            if (!a.description().isEmpty()) {
                b.append(" (").append(a.description()).append(')');
            }
            b.append("\n\n");
        }
        if (!sources.isEmpty()) {
            b.append("## Sources\n\n");
            for (SourceLink s : sources.values()) {
                b.append("- **").append(s.label()).append("**");
                if (!s.title().isEmpty() && !s.title().equals(s.label())) {
                    b.append(": ").append(s.title());
                }
                if (!s.url().isEmpty()) {
                    b.append(" <").append(s.url()).append('>');
                }
                b.append('\n');
            }
            b.append('\n');
        }
        if (!reply.footer().isBlank()) {
            b.append("_").append(reply.footer()).append("_\n");
        }
        return b.toString();
    }

    private static void section(StringBuilder b, ReplySection s, Map<String, SourceLink> sources, boolean many) {
        b.append("## ")
                .append(s.severity().label().toUpperCase(Locale.ROOT))
                .append(": ")
                .append(s.title().isBlank() ? s.label() : s.title())
                .append("\n\n");
        if (many && !s.headline().isBlank() && !s.headline().equals(s.title())) {
            b.append("**").append(s.headline()).append("**\n\n");
        }
        if (!s.context().isBlank()) {
            b.append('_').append(s.context()).append("_\n\n");
        }
        if (!s.detail().isBlank()) {
            b.append(s.detail()).append("\n\n");
        }
        if (!s.steps().isEmpty()) {
            b.append("### Checklist\n\n");
            for (ChecklistLine c : s.steps()) {
                b.append(c.number()).append(". ").append(c.text());
                if (c.inferred()) {
                    b.append(" _(inferred)_");
                }
                b.append(links(c.sources(), sources)).append('\n');
                for (Remark m : c.merged()) {
                    b.append("   - also: ").append(remark(m, sources)).append('\n');
                }
            }
            b.append('\n');
        }
        if (!s.remarks().isEmpty()) {
            b.append("### Remarks\n\n");
            s.remarks().forEach(r -> b.append("- ").append(remark(r, sources)).append('\n'));
            b.append('\n');
        }
        if (!s.flags().lines().isEmpty()) {
            b.append("### ").append(s.flags().title()).append("\n\n");
            b.append("| Bit | Meaning | Judged here |\n|---|---|---|\n");
            for (FlagLine f : s.flags().lines()) {
                String meaning = f.guidance().isBlank() ? f.label() : f.label() + " — " + f.guidance();
                b.append("| `")
                        .append(f.bit())
                        .append("` | ")
                        .append(cell(meaning))
                        .append(" | ")
                        .append(f.mark().name().toLowerCase(Locale.ROOT))
                        .append(" |\n");
            }
            b.append('\n');
        }
        if (!s.fields().isEmpty()) {
            b.append("### Fields\n\n");
            for (FieldLine f : s.fields()) {
                b.append("- **").append(f.name()).append("**");
                if (!f.value().isEmpty()) {
                    b.append(" = `").append(f.value().replace('`', '\'')).append('`');
                }
                if (!f.words().isEmpty()) {
                    b.append(": ").append(f.words());
                }
                if (f.inferred()) {
                    b.append(" _(inferred)_");
                }
                b.append('\n');
            }
            b.append('\n');
        }
        if (!s.notes().isEmpty()) {
            b.append("### Notes\n\n");
            s.notes().forEach(n -> b.append("- ").append(n).append('\n'));
            b.append('\n');
        }
        if (!s.sources().isEmpty()) {
            b.append("Sources:")
                    .append(links(s.sources(), sources).substring(2))
                    .append("\n\n");
        }
        s.quote().ifPresent(q -> b.append("### Quoted\n\n```text\n").append(q).append("\n```\n\n"));
    }

    private static String remark(Remark r, Map<String, SourceLink> sources) {
        return r.text() + (r.inferred() ? " _(inferred)_" : "") + links(r.sources(), sources);
    }

    /** Returns {@code links} as " — [label](url), …" and notes them for the list at the end. */
    private static String links(List<SourceLink> links, Map<String, SourceLink> sources) {
        if (links.isEmpty()) {
            return "";
        }
        links.forEach(l -> sources.putIfAbsent(l.key(), l));
        return " — "
                + links.stream()
                        .map(l -> l.url().isEmpty() ? l.label() : "[" + l.label() + "](<" + l.url() + ">)")
                        .collect(Collectors.joining(", "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
