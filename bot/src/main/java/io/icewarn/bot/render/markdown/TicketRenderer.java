package io.icewarn.bot.render.markdown;

import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplySection;
import io.icewarn.bot.reply.ReplySection.ChecklistLine;
import io.icewarn.bot.reply.ReplySection.FieldLine;
import io.icewarn.bot.reply.ReplySection.FlagLine;
import io.icewarn.bot.reply.SourceLink;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lays a {@link Reply} out as a Markdown document for a support ticket ("Copy as ticket"): headings per
 * diagnostic, a flag table, numbered checklist with reference links, and the quoted fragment in a fenced
 * block. Has no length limit (Discord sends it as a file). Decides nothing about wording. Thread-safe.
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
        Map<String, SourceLink> sources = new LinkedHashMap<>();
        for (ReplySection s : reply.sections()) {
            section(b, s, sources);
        }
        if (!sources.isEmpty()) {
            b.append("## Sources\n\n");
            for (SourceLink s : sources.values()) {
                b.append("- **").append(s.key()).append("**");
                if (!s.title().isEmpty()) {
                    b.append(' ').append(s.title());
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

    private static void section(StringBuilder b, ReplySection s, Map<String, SourceLink> sources) {
        b.append("## ")
                .append(s.severity().label().toUpperCase(Locale.ROOT))
                .append(": ")
                .append(s.title())
                .append("\n\n");
        if (!s.context().isBlank()) {
            b.append('_').append(s.context()).append("_\n\n");
        }
        b.append(s.verdict()).append("\n\n");
        if (!s.flags().isEmpty()) {
            b.append("### ").append(s.flagsTitle()).append("\n\n");
            b.append("| Bit | Meaning | Judged |\n|---|---|---|\n");
            for (FlagLine f : s.flags()) {
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
            b.append("### Key fields\n\n");
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
        if (!s.checklist().isEmpty()) {
            b.append("### Checklist\n\n");
            for (ChecklistLine c : s.checklist()) {
                b.append(c.number()).append(". ").append(c.text());
                if (c.inferred()) {
                    b.append(" _(inferred)_");
                }
                if (!c.sources().isEmpty()) {
                    b.append(" [").append(SourceLink.keys(c.sources())).append(']');
                    c.sources().forEach(l -> sources.putIfAbsent(l.key(), l));
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
        s.sources().forEach(l -> sources.putIfAbsent(l.key(), l));
        s.quote().ifPresent(q -> b.append("### Quoted\n\n```text\n").append(q).append("\n```\n\n"));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
