package io.icewarn.bot.render.discord;

import io.icewarn.bot.render.TextSplitter;
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
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okio.Okio;

/**
 * Lays a {@link Reply} out as Discord messages with embeds, split so that every Discord limit holds (see
 * {@link DiscordLimits}); decides nothing about wording or content. The short answer ({@link
 * Reply.View#ANSWER}) is one embed per section in compact form (steps, then the evidence inline) and, for
 * many diagnostics, the digest after it, in at most two messages; a detail view lists every part in full and
 * may take more. Every message it creates allows no mentions at all. Components (buttons, the menu) are added
 * by the features that know their IDs. Stateless and thread-safe.
 */
public final class DiscordRenderer {
    static final int FAILURE_COLOUR = 0xD83C3E;
    static final int WARNING_COLOUR = 0xE8A317;
    static final int INFO_COLOUR = 0x3B82C4;
    static final int NEUTRAL_COLOUR = 0x7F8C8D;
    /** The most messages a short answer takes, whatever the log. */
    public static final int MAX_ANSWER_MESSAGES = 2;

    private static final String FENCE = "```";
    private static final String CONTINUED = " (continued)";
    private static final String SEPARATOR = " · ";

    /** Returns {@code reply} as one or more messages, to be sent in order. */
    public List<MessageCreateData> render(Reply reply) {
        if (reply.sections().isEmpty() && reply.digest().isEmpty()) {
            return withAttachments(messages("", List.of(plain(reply)), Integer.MAX_VALUE), reply);
        }
        if (reply.view() == Reply.View.ANSWER) {
            return withAttachments(answer(reply), reply);
        }
        String footer = TextSplitter.truncate(reply.footer(), DiscordLimits.FOOTER);
        List<EmbedSpec> embeds = new ArrayList<>();
        for (int i = 0; i < reply.sections().size(); i++) {
            boolean last = i == reply.sections().size() - 1;
            embeds.addAll(detail(reply.sections().get(i), last ? footer : ""));
        }
        boolean headlineIsTheSection = reply.sections().size() == 1
                && reply.sections().get(0).headline().equals(reply.headline());
        return withAttachments(messages(head(reply, !headlineIsTheSection), embeds, Integer.MAX_VALUE), reply);
    }

    /** Returns the name for a thread holding {@code reply}: its headline, 1–100 characters. */
    public String threadName(Reply reply) {
        String name = reply.headline().replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            name = "icewarn";
        }
        return TextSplitter.truncate(name, DiscordLimits.THREAD_NAME);
    }

    /** The short answer: the sections compactly, then the digest, at most {@link #MAX_ANSWER_MESSAGES}. */
    private List<MessageCreateData> answer(Reply reply) {
        String footer = TextSplitter.truncate(reply.footer(), DiscordLimits.FOOTER);
        List<EmbedSpec> embeds = new ArrayList<>();
        for (ReplySection s : reply.sections()) {
            embeds.add(compact(s, reply.digest().isEmpty() ? reply.notes() : List.of()));
        }
        String content = "";
        if (!reply.digest().isEmpty()) {
            content = TextSplitter.truncate("**" + escape(reply.headline()) + "**", DiscordLimits.CONTENT);
            embeds.addAll(digest(reply));
        }
        embeds.get(embeds.size() - 1).footer = footer;
        return messages(content, embeds, MAX_ANSWER_MESSAGES);
    }

    /** Returns the one embed of a section in the short answer. */
    private static EmbedSpec compact(ReplySection s, List<String> replyNotes) {
        EmbedSpec e = new EmbedSpec(TextSplitter.truncate(s.headline(), DiscordLimits.TITLE), colour(s.severity()));
        e.author = TextSplitter.truncate(join(s.label(), s.context()), DiscordLimits.AUTHOR);
        List<String> lines = new ArrayList<>();
        if (!s.detail().isBlank()) {
            lines.add(escape(s.detail()));
        }
        s.steps().forEach(c -> lines.add(step(c)));
        s.remarks().forEach(r -> lines.add("• " + remark(r)));
        List<String> evidence = new ArrayList<>();
        if (!s.flags().isEmpty()) {
            List<String> bits = s.flags().lines().stream()
                    .map(f -> mark(f.mark()) + " " + f.bit() + " " + escape(f.label()))
                    .collect(Collectors.toList());
            if (!s.flags().folded().isEmpty()) {
                bits.add(escape(s.flags().folded()));
            }
            evidence.add("`" + s.flags().title() + "` " + String.join(SEPARATOR, bits));
        }
        if (!s.fields().isEmpty()) {
            evidence.add(s.fields().stream().map(DiscordRenderer::compactField).collect(Collectors.joining(SEPARATOR)));
        }
        if (!evidence.isEmpty()) {
            lines.add("");
            lines.add("**Evidence** " + String.join("\n", evidence));
        }
        s.notes().forEach(n -> lines.add("• " + escape(n)));
        replyNotes.forEach(n -> lines.add("• " + escape(n)));
        s.sources().forEach(l -> lines.add("• " + source(l)));
        e.description = TextSplitter.truncate(String.join("\n", lines), DiscordLimits.DESCRIPTION);
        s.quote().ifPresent(q -> e.fields.add(quoteField(q)));
        return e;
    }

    /** Returns the digest of many diagnostics: group headings and a line each, over as many embeds as needed. */
    private static List<EmbedSpec> digest(Reply reply) {
        List<String> lines = new ArrayList<>();
        for (DigestGroup g : reply.digest()) {
            if (!g.title().isEmpty()) {
                lines.add("**" + escape(g.title()) + "**");
            }
            for (DigestLine l : g.lines()) {
                lines.add((l.index() < 0 ? "" : mark(l.severity()) + " ") + "**" + escape(l.label()) + "** "
                        + escape(l.text()));
            }
        }
        reply.notes().forEach(n -> lines.add("• " + escape(n)));
        List<EmbedSpec> out = new ArrayList<>();
        int colour = colour(reply.severity());
        List<String> chunks = TextSplitter.pack(lines, DiscordLimits.DESCRIPTION);
        for (int i = 0; i < chunks.size(); i++) {
            EmbedSpec e = new EmbedSpec(
                    i == 0 ? TextSplitter.truncate(escapeTitle(reply.summary()), DiscordLimits.TITLE) : "", colour);
            e.description = chunks.get(i);
            out.add(e);
        }
        return out;
    }

    /** The embeds of a section in a detail view: every part, split over embeds as the limits need. */
    private List<EmbedSpec> detail(ReplySection s, String footer) {
        List<String> description = new ArrayList<>();
        boolean titled = !s.title().isBlank() && !s.title().equals(s.headline());
        if (titled) {
            description.add("*" + escape(s.title()) + "*");
        }
        if (!s.detail().isBlank()) {
            description.add(escape(s.detail()));
        }
        List<FieldSpec> fields = new ArrayList<>();
        if (!s.steps().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (ChecklistLine c : s.steps()) {
                lines.add(step(c));
                c.merged().forEach(m -> lines.add("  ↳ also: " + remark(m)));
            }
            fields.addAll(fields("Steps", lines, false));
        }
        if (!s.remarks().isEmpty()) {
            fields.addAll(fields(
                    "Remarks", s.remarks().stream().map(r -> "• " + remark(r)).collect(Collectors.toList()), false));
        }
        if (!s.flags().lines().isEmpty()) {
            fields.addAll(fields(
                    s.flags().title(),
                    s.flags().lines().stream().map(DiscordRenderer::flag).collect(Collectors.toList()),
                    false));
        }
        if (!s.fields().isEmpty()) {
            fields.addAll(fields(
                    "Fields", s.fields().stream().map(DiscordRenderer::field).collect(Collectors.toList()), false));
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
        EmbedSpec first = new EmbedSpec(
                TextSplitter.truncate(s.headline().isBlank() ? s.title() : s.headline(), DiscordLimits.TITLE),
                colour(s.severity()));
        first.author = TextSplitter.truncate(
                titled || s.headline().startsWith(s.label()) ? s.context() : join(s.label(), s.context()),
                DiscordLimits.AUTHOR);
        return layout(first, String.join("\n\n", description), fields, footer);
    }

    /** Returns the one embed of a reply without sections (nothing found, an error). */
    private static EmbedSpec plain(Reply reply) {
        List<String> lines = new ArrayList<>();
        lines.add(escape(reply.summary()));
        reply.notes().forEach(n -> lines.add("• " + escape(n)));
        EmbedSpec e = new EmbedSpec(
                TextSplitter.truncate(reply.headline(), DiscordLimits.TITLE),
                reply.kind() == Reply.Kind.ERROR ? NEUTRAL_COLOUR : INFO_COLOUR);
        e.description = TextSplitter.truncate(String.join("\n", lines), DiscordLimits.DESCRIPTION);
        e.footer = TextSplitter.truncate(reply.footer(), DiscordLimits.FOOTER);
        return e;
    }

    /** Returns the message text above the embeds of a detail view: headline (unless the embed has it), summary, notes. */
    private static String head(Reply reply, boolean withHeadline) {
        List<String> head = new ArrayList<>();
        if (withHeadline) {
            head.add("**" + escape(reply.headline()) + "**");
        }
        if (!reply.summary().isBlank()) {
            head.add(escape(reply.summary()));
        }
        reply.notes().forEach(n -> head.add("• " + escape(n)));
        return String.join("\n", head);
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

    private static FieldSpec quoteField(String quote) {
        int limit = DiscordLimits.FIELD_VALUE - 2 * (FENCE.length() + 1);
        return new FieldSpec("Quoted", FENCE + "\n" + TextSplitter.truncate(quote, limit) + "\n" + FENCE);
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

    /**
     * Returns {@code content} and {@code embeds} as messages within every limit, in at most {@code max}
     * messages: what does not fit the last one is left out, and the last embed then says so.
     */
    private static List<MessageCreateData> messages(String content, List<EmbedSpec> embeds, int max) {
        List<List<EmbedSpec>> batches = new ArrayList<>();
        List<String> contentParts = content.isEmpty() ? List.of() : TextSplitter.split(content, DiscordLimits.CONTENT);
        List<EmbedSpec> batch = new ArrayList<>();
        int batchLength = 0;
        for (EmbedSpec e : embeds) {
            int len = e.length();
            if (!batch.isEmpty()
                    && (batch.size() == DiscordLimits.EMBEDS_PER_MESSAGE
                            || batchLength + len > DiscordLimits.EMBED_TOTAL)) {
                batches.add(batch);
                batch = new ArrayList<>();
                batchLength = 0;
            }
            batch.add(e);
            batchLength += len;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        List<MessageCreateData> out = new ArrayList<>();
        int leadingText = Math.max(0, contentParts.size() - 1);
        if (leadingText + batches.size() > max) {
            // only a short answer is capped, and its content is one part: drop what does not fit, say so, and
            // keep the footer, all within the last kept message's budget
            List<EmbedSpec> lastOfAll = batches.get(batches.size() - 1);
            String footer = lastOfAll.get(lastOfAll.size() - 1).footer;
            List<List<EmbedSpec>> kept = new ArrayList<>(batches.subList(0, Math.max(1, max - leadingText)));
            List<EmbedSpec> last = kept.get(kept.size() - 1);
            EmbedSpec end = last.get(last.size() - 1);
            end.footer = "";
            int others = last.stream().mapToInt(EmbedSpec::length).sum() - end.length();
            String cut = "… (more in the ticket)";
            int room = DiscordLimits.EMBED_TOTAL - others - (end.length() - end.description.length()) - footer.length();
            int limit = Math.min(DiscordLimits.DESCRIPTION, room) - cut.length() - 1;
            end.description = (limit > 0 ? TextSplitter.truncate(end.description, limit) + "\n" : "") + cut;
            end.footer = footer;
            batches = kept;
        }
        for (int i = 0; i < leadingText; i++) {
            out.add(message(contentParts.get(i), List.of()));
        }
        String lastContent = contentParts.isEmpty() ? "" : contentParts.get(contentParts.size() - 1);
        for (List<EmbedSpec> b : batches) {
            List<MessageEmbed> built = new ArrayList<>();
            b.forEach(e -> built.add(e.build()));
            out.add(message(lastContent, built));
            lastContent = "";
        }
        if (batches.isEmpty() && !lastContent.isEmpty()) {
            out.add(message(lastContent, List.of()));
        }
        return out;
    }

    /**
     * Returns {@code messages} with the reply's attachments on the first one; the first image is shown in the
     * first embed ({@code attachment://} its name), so the picture sits under the verdict rather than after the
     * message. The answer keeps its number of messages.
     */
    private static List<MessageCreateData> withAttachments(List<MessageCreateData> messages, Reply reply) {
        if (reply.attachments().isEmpty() || messages.isEmpty()) {
            return messages;
        }
        List<MessageCreateData> out = new ArrayList<>(messages);
        MessageCreateBuilder b = MessageCreateBuilder.from(messages.get(0));
        boolean imageShown = false;
        for (ReplyAttachment a : reply.attachments()) {
            FileUpload file = upload(a);
            if (!a.description().isEmpty()) {
                file.setDescription(TextSplitter.truncate(a.description(), DiscordLimits.ATTACHMENT_DESCRIPTION));
            }
            b.addFiles(file);
            if (!imageShown
                    && a.mediaType().startsWith("image/")
                    && !b.getEmbeds().isEmpty()) {
                List<MessageEmbed> embeds = new ArrayList<>(b.getEmbeds());
                embeds.set(
                        0,
                        new EmbedBuilder(embeds.get(0))
                                .setImage("attachment://" + a.fileName())
                                .build());
                b.setEmbeds(embeds);
                imageShown = true;
            }
        }
        out.set(
                0,
                b.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .mentionRepliedUser(false)
                        .build());
        return out;
    }

    /**
     * Returns {@code a} as an upload that carries its own media type (JDA would send
     * {@code application/octet-stream}) and can be sent more than once (a retry, an edit that re-sends it).
     */
    public static FileUpload upload(ReplyAttachment a) {
        return new TypedUpload(a.data(), a.fileName(), MediaType.get(a.mediaType()));
    }

    /** A file upload of bytes with a media type, readable any number of times. */
    private static final class TypedUpload extends FileUpload {
        private final MediaType type;

        TypedUpload(byte[] data, String name, MediaType type) {
            super(() -> Okio.source(new ByteArrayInputStream(data)), name);
            this.type = type;
        }

        @Override
        public synchronized void addPart(MultipartBody.Builder builder, int index) {
            builder.addFormDataPart("files[" + index + "]", getName(), getRequestBody(type));
        }

        @Override
        public DataObject toAttachmentData(int index) {
            return super.toAttachmentData(index).put("content_type", type.toString());
        }
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

    /** Returns the marker of a flag judged in context. */
    static String mark(ReplySection.Mark m) {
        switch (m) {
            case BENIGN:
                return "✅";
            case CAUTION:
                return "⚠️";
            case PROBLEM:
                return "❌";
            case INFO:
                return "ℹ️";
            default:
                return "❔";
        }
    }

    /** Returns the marker of a severity, for lines that stand for a diagnostic. */
    static String mark(Severity s) {
        switch (s) {
            case FAILURE:
                return "❌";
            case WARNING:
                return "⚠️";
            default:
                return "ℹ️";
        }
    }

    private static String field(FieldLine f) {
        StringBuilder b = new StringBuilder("**").append(escape(f.name())).append("**");
        if (!f.value().isEmpty()) {
            b.append(" = ").append(escape(f.value()));
        }
        if (!f.words().isEmpty()) {
            b.append(": ").append(escape(f.words()));
        }
        if (f.inferred()) {
            b.append(" *(inferred)*");
        }
        return b.toString();
    }

    private static String compactField(FieldLine f) {
        StringBuilder b = new StringBuilder(escape(f.name()));
        if (!f.value().isEmpty()) {
            b.append(' ').append(escape(f.value()));
        }
        if (!f.words().isEmpty()) {
            b.append(": ").append(escape(f.words()));
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
            b.append(" — ").append(links(c.sources()));
        }
        return b.toString();
    }

    private static String remark(Remark r) {
        StringBuilder b = new StringBuilder(escape(r.text()));
        if (r.inferred()) {
            b.append(" *(inferred)*");
        }
        if (!r.sources().isEmpty()) {
            b.append(" — ").append(links(r.sources()));
        }
        return b.toString();
    }

    private static String links(List<SourceLink> sources) {
        return sources.stream().map(DiscordRenderer::link).collect(Collectors.joining(SEPARATOR));
    }

    private static String source(SourceLink s) {
        return s.title().isEmpty() || s.title().equals(s.label()) ? link(s) : link(s) + ": " + escape(s.title());
    }

    /** Returns the source as a masked link whose text is its label, or the label alone without an address. */
    private static String link(SourceLink s) {
        String url = s.url();
        boolean linkable = (url.startsWith("https://") || url.startsWith("http://"))
                && url.length() <= 512
                && url.chars().noneMatch(c -> c == ')' || c == ' ' || c == '>' || c == '\n');
        return linkable ? "[" + escape(s.label()) + "](<" + url + ">)" : escape(s.label());
    }

    private static String join(String a, String b) {
        return a.isBlank() ? b : b.isBlank() ? a : a + SEPARATOR + b;
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

    /** Embed titles are not Markdown; only the empty title needs care (JDA refuses it). */
    private static String escapeTitle(String text) {
        return text.isBlank() ? "" : text;
    }

    /** An embed under construction, with its length counted as Discord counts it. */
    private static final class EmbedSpec {
        final String title;
        final int colour;
        String author = "";
        String description = "";
        String footer = "";
        final List<FieldSpec> fields = new ArrayList<>();

        EmbedSpec(String title, int colour) {
            this.title = title;
            this.colour = colour;
        }

        int length() {
            return lengthWithout() + footer.length();
        }

        int lengthWithout() {
            return title.length()
                    + author.length()
                    + description.length()
                    + fields.stream().mapToInt(FieldSpec::length).sum();
        }

        MessageEmbed build() {
            EmbedBuilder b = new EmbedBuilder().setColor(colour);
            if (!title.isEmpty()) {
                b.setTitle(title);
            }
            if (!author.isEmpty()) {
                b.setAuthor(author);
            }
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
