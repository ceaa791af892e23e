package io.icewarn.bot.render.discord;

import io.icewarn.bot.render.TextSplitter;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplySection;
import io.icewarn.bot.reply.ReplySection.ChecklistLine;
import io.icewarn.bot.reply.ReplySection.FieldLine;
import io.icewarn.bot.reply.ReplySection.FlagLine;
import io.icewarn.bot.reply.SourceLink;
import io.icewarn.decoder.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Lays a {@link Reply} out as Discord messages with embeds, split so that every Discord limit holds
 * (see {@link DiscordLimits}); decides nothing about wording. Every message it creates allows no
 * mentions at all. Stateless and thread-safe.
 */
public final class DiscordRenderer {
    static final int FAILURE_COLOUR = 0xD83C3E;
    static final int WARNING_COLOUR = 0xE8A317;
    static final int INFO_COLOUR = 0x3B82C4;
    static final int NEUTRAL_COLOUR = 0x7F8C8D;
    private static final String FENCE = "```";
    private static final String CONTINUED = " (continued)";

    /** Returns {@code reply} as one or more messages, to be sent in order. */
    public List<MessageCreateData> render(Reply reply) {
        List<EmbedSpec> embeds = new ArrayList<>();
        String footer = TextSplitter.truncate(reply.footer(), DiscordLimits.FOOTER);
        String content = "";
        if (reply.sections().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add(escape(reply.summary()));
            reply.notes().forEach(n -> lines.add("• " + escape(n)));
            EmbedSpec e = new EmbedSpec(
                    TextSplitter.truncate(reply.headline(), DiscordLimits.TITLE),
                    reply.kind() == Reply.Kind.ERROR ? NEUTRAL_COLOUR : INFO_COLOUR);
            embeds.addAll(layout(e, String.join("\n", lines), List.of(), footer));
        } else {
            List<String> head = new ArrayList<>();
            head.add("**" + escape(reply.headline()) + "**");
            if (!reply.summary().isBlank()) {
                head.add(escape(reply.summary()));
            }
            reply.notes().forEach(n -> head.add("• " + escape(n)));
            content = String.join("\n", head);
            for (int i = 0; i < reply.sections().size(); i++) {
                ReplySection s = reply.sections().get(i);
                boolean last = i == reply.sections().size() - 1;
                embeds.addAll(section(s, last ? footer : ""));
            }
        }
        return messages(content, embeds);
    }

    /** Returns the name for a thread holding {@code reply}: the code and reason, 1–100 characters. */
    public String threadName(Reply reply) {
        String name = reply.sections().isEmpty()
                ? reply.headline()
                : reply.sections().get(0).title();
        name = name.replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            name = "icewarn";
        }
        return TextSplitter.truncate(name, DiscordLimits.THREAD_NAME);
    }

    private List<EmbedSpec> section(ReplySection s, String footer) {
        List<String> description = new ArrayList<>();
        if (!s.context().isBlank()) {
            description.add("*" + escape(s.context()) + "*");
        }
        description.add(escape(s.verdict()));
        List<FieldSpec> fields = new ArrayList<>();
        if (!s.flags().isEmpty()) {
            fields.addAll(fields(
                    s.flagsTitle(),
                    s.flags().stream().map(DiscordRenderer::flag).collect(Collectors.toList()),
                    false));
        }
        if (!s.fields().isEmpty()) {
            fields.addAll(fields(
                    "Key fields",
                    s.fields().stream().map(DiscordRenderer::field).collect(Collectors.toList()),
                    false));
        }
        if (!s.checklist().isEmpty()) {
            fields.addAll(fields(
                    "Checklist",
                    s.checklist().stream().map(DiscordRenderer::step).collect(Collectors.toList()),
                    false));
        }
        if (!s.notes().isEmpty()) {
            fields.addAll(fields(
                    "Notes", s.notes().stream().map(n -> "• " + escape(n)).collect(Collectors.toList()), false));
        }
        if (!s.sources().isEmpty()) {
            fields.addAll(fields(
                    "Sources", s.sources().stream().map(DiscordRenderer::source).collect(Collectors.toList()), false));
        }
        s.quote().ifPresent(q -> fields.addAll(fields("Quoted", List.of(q), true)));
        EmbedSpec first = new EmbedSpec(TextSplitter.truncate(s.title(), DiscordLimits.TITLE), colour(s.severity()));
        return layout(first, String.join("\n\n", description), fields, footer);
    }

    /** Returns fields named {@code name} holding {@code lines}, as many as their length needs. */
    private static List<FieldSpec> fields(String name, List<String> lines, boolean code) {
        int limit = code ? DiscordLimits.FIELD_VALUE - 2 * (FENCE.length() + 1) : DiscordLimits.FIELD_VALUE;
        List<String> chunks = TextSplitter.pack(lines, limit);
        List<FieldSpec> out = new ArrayList<>();
        String shown = name.isBlank() ? "Details" : name;
        for (int i = 0; i < chunks.size(); i++) {
            String n = i == 0 ? shown : shown + CONTINUED;
            String v = code ? FENCE + "\n" + chunks.get(i) + "\n" + FENCE : chunks.get(i);
            out.add(new FieldSpec(TextSplitter.truncate(n, DiscordLimits.FIELD_NAME), v));
        }
        return out;
    }

    /**
     * Returns the embeds for one titled block: the description (split over continuation fields when it is
     * too long) and the fields, spread over as many embeds as the per-embed limits need.
     */
    private static List<EmbedSpec> layout(EmbedSpec first, String description, List<FieldSpec> fields, String footer) {
        List<String> descriptionParts = TextSplitter.split(description, DiscordLimits.DESCRIPTION);
        first.description = descriptionParts.get(0);
        List<FieldSpec> all = new ArrayList<>();
        if (descriptionParts.size() > 1) {
            String rest = String.join("\n", descriptionParts.subList(1, descriptionParts.size()));
            for (String chunk : TextSplitter.split(rest, DiscordLimits.FIELD_VALUE)) {
                all.add(new FieldSpec("(continued)", chunk));
            }
        }
        all.addAll(fields);
        int budget = DiscordLimits.EMBED_TOTAL - footer.length();
        List<EmbedSpec> out = new ArrayList<>();
        EmbedSpec current = first;
        out.add(current);
        for (FieldSpec f : all) {
            if (current.fields.size() == DiscordLimits.FIELDS || current.length() + f.length() > budget) {
                current = new EmbedSpec(
                        TextSplitter.truncate(first.title + CONTINUED, DiscordLimits.TITLE), first.colour);
                out.add(current);
            }
            current.fields.add(f);
        }
        out.get(out.size() - 1).footer = footer;
        return out;
    }

    private static List<MessageCreateData> messages(String content, List<EmbedSpec> embeds) {
        List<MessageCreateData> out = new ArrayList<>();
        List<String> contentParts = content.isEmpty() ? List.of() : TextSplitter.split(content, DiscordLimits.CONTENT);
        for (int i = 0; i < contentParts.size() - 1; i++) {
            out.add(message(contentParts.get(i), List.of()));
        }
        String lastContent = contentParts.isEmpty() ? "" : contentParts.get(contentParts.size() - 1);
        List<MessageEmbed> batch = new ArrayList<>();
        int batchLength = 0;
        for (EmbedSpec e : embeds) {
            int len = e.length();
            if (!batch.isEmpty()
                    && (batch.size() == DiscordLimits.EMBEDS_PER_MESSAGE
                            || batchLength + len > DiscordLimits.EMBED_TOTAL)) {
                out.add(message(lastContent, batch));
                lastContent = "";
                batch = new ArrayList<>();
                batchLength = 0;
            }
            batch.add(e.build());
            batchLength += len;
        }
        if (!batch.isEmpty() || !lastContent.isEmpty()) {
            out.add(message(lastContent, batch));
        }
        return out;
    }

    private static MessageCreateData message(String content, List<MessageEmbed> embeds) {
        return new MessageCreateBuilder()
                .setContent(content)
                .setEmbeds(embeds)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .mentionRepliedUser(false)
                .build();
    }

    private static String flag(FlagLine f) {
        String line = mark(f.mark()) + " `" + f.bit() + "` " + escape(f.label());
        return f.guidance().isBlank() ? line : line + " — " + escape(f.guidance());
    }

    private static String mark(ReplySection.Mark m) {
        switch (m) {
            case BENIGN:
                return "✅";
            case CAUTION:
                return "⚠️";
            case PROBLEM:
                return "❌";
            default:
                return "❔";
        }
    }

    private static String field(FieldLine f) {
        StringBuilder b = new StringBuilder("**").append(escape(f.name())).append("**");
        if (!f.value().isEmpty()) {
            b.append(" = ").append(escape(f.value()));
        }
        if (!f.words().isEmpty()) {
            b.append(" — ").append(escape(f.words()));
        }
        if (f.inferred()) {
            b.append(" *(inferred)*");
        }
        return b.toString();
    }

    private static String step(ChecklistLine c) {
        StringBuilder b = new StringBuilder().append(c.number()).append(". ").append(escape(c.text()));
        if (c.inferred()) {
            b.append(" *(inferred)*");
        }
        if (!c.sources().isEmpty()) {
            b.append(" — ")
                    .append(c.sources().stream().map(DiscordRenderer::link).collect(Collectors.joining(", ")));
        }
        return b.toString();
    }

    private static String source(SourceLink s) {
        return s.title().isEmpty() ? link(s) : link(s) + " " + escape(s.title());
    }

    private static String link(SourceLink s) {
        String url = s.url();
        boolean linkable = (url.startsWith("https://") || url.startsWith("http://"))
                && url.length() <= 512
                && url.chars().noneMatch(c -> c == ')' || c == ' ' || c == '>' || c == '\n');
        return linkable ? "[" + escape(s.key()) + "](<" + url + ">)" : escape(s.key());
    }

    private static int colour(Severity s) {
        switch (s) {
            case FAILURE:
                return FAILURE_COLOUR;
            case WARNING:
                return WARNING_COLOUR;
            default:
                return INFO_COLOUR;
        }
    }

    private static String escape(String text) {
        return Markdown.escape(text);
    }

    /** An embed under construction, with its length counted as Discord counts it. */
    private static final class EmbedSpec {
        final String title;
        final int colour;
        String description = "";
        String footer = "";
        final List<FieldSpec> fields = new ArrayList<>();

        EmbedSpec(String title, int colour) {
            this.title = title;
            this.colour = colour;
        }

        int length() {
            return title.length()
                    + description.length()
                    + footer.length()
                    + fields.stream().mapToInt(FieldSpec::length).sum();
        }

        MessageEmbed build() {
            EmbedBuilder b = new EmbedBuilder().setTitle(title).setColor(colour);
            if (!description.isEmpty()) {
                b.setDescription(description);
            }
            fields.forEach(f -> b.addField(f.name, f.value, false));
            if (!footer.isEmpty()) {
                b.setFooter(footer);
            }
            return b.build();
        }
    }

    private static final class FieldSpec {
        final String name;
        final String value;

        FieldSpec(String name, String value) {
            this.name = name;
            this.value = value;
        }

        int length() {
            return name.length() + value.length();
        }
    }
}
