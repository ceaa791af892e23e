package io.icewarn.bot.render.discord;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * What a Discord client shows of messages, as plain text: the content and then each embed's author,
 * title, description, fields (name, value) and footer, with Discord Markdown taken away (a masked link
 * shows its label, escapes their character, emphasis and code markers nothing). Components (buttons,
 * menus) are not text and are not counted. Lengths are in code points, as a reader counts characters.
 */
public final class VisibleText {
    private VisibleText() {}

    /** Returns the visible text of one message, parts separated by line breaks. */
    public static String of(MessageCreateData message) {
        List<String> parts = new ArrayList<>();
        if (!message.getContent().isEmpty()) {
            parts.add(plain(message.getContent()));
        }
        for (MessageEmbed e : message.getEmbeds()) {
            if (e.getAuthor() != null && e.getAuthor().getName() != null) {
                parts.add(e.getAuthor().getName());
            }
            if (e.getTitle() != null) {
                parts.add(e.getTitle());
            }
            if (e.getDescription() != null) {
                parts.add(plain(e.getDescription()));
            }
            for (MessageEmbed.Field f : e.getFields()) {
                parts.add(plain(f.getName()));
                parts.add(plain(f.getValue()));
            }
            if (e.getFooter() != null && e.getFooter().getText() != null) {
                parts.add(e.getFooter().getText());
            }
        }
        return String.join("\n", parts);
    }

    /** Returns the visible text of {@code messages} in order, one after the other. */
    public static String of(List<MessageCreateData> messages) {
        List<String> all = new ArrayList<>();
        messages.forEach(m -> all.add(of(m)));
        return String.join("\n", all);
    }

    /** Returns the number of code points in {@code text}. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * Returns the code-point position of the first line of {@code text} that starts with {@code 1.} (the
     * first numbered action), or -1 when there is none.
     */
    public static int firstAction(String text) {
        int at = text.startsWith("1. ") ? 0 : text.indexOf("\n1. ");
        if (at < 0) {
            return -1;
        }
        int index = at == 0 ? 0 : at + 1;
        return text.codePointCount(0, index);
    }

    /** Returns {@code markdown} as Discord shows it, without its markup. */
    static String plain(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        int n = markdown.length();
        boolean lineStart = true;
        for (int i = 0; i < n; i++) {
            char c = markdown.charAt(i);
            if (lineStart && markdown.startsWith("```", i)) {
                int end = markdown.indexOf('\n', i);
                i = end < 0 ? n : end;
                lineStart = true;
                continue;
            }
            if (lineStart && (markdown.startsWith("> ", i) || markdown.startsWith("-# ", i))) {
                i += markdown.charAt(i) == '>' ? 1 : 2;
                continue;
            }
            if (c == '\\' && i + 1 < n && isPunctuation(markdown.charAt(i + 1))) {
                out.append(markdown.charAt(++i));
                lineStart = false;
                continue;
            }
            if (c == '[') {
                int close = markdown.indexOf("](", i);
                int end = close < 0 ? -1 : markdown.indexOf(')', close);
                if (close > i && end > close && markdown.indexOf('\n', i) < 0 | markdown.indexOf('\n', i) > end) {
                    out.append(plain(markdown.substring(i + 1, close)));
                    i = end;
                    lineStart = false;
                    continue;
                }
            }
            if (c == '*' || c == '_' || c == '~' || c == '|' || c == '`') {
                continue;
            }
            out.append(c);
            lineStart = c == '\n';
        }
        return out.toString();
    }

    private static boolean isPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
    }
}
