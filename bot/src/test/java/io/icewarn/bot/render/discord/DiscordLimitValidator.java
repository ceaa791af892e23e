package io.icewarn.bot.render.discord;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Checks rendered messages against Discord's documented limits. Independent of the renderer on purpose:
 * the numbers are written out here from the Discord API documentation, not taken from
 * {@link DiscordLimits} or JDA.
 */
final class DiscordLimitValidator {
    private DiscordLimitValidator() {}

    /** Returns every violated limit in {@code messages}, empty when all hold. */
    static List<String> violations(List<MessageCreateData> messages) {
        List<String> out = new ArrayList<>();
        if (messages.isEmpty()) {
            out.add("no message");
        }
        for (int m = 0; m < messages.size(); m++) {
            MessageCreateData msg = messages.get(m);
            String where = "message " + m;
            check(out, where + " content", msg.getContent(), 2000);
            if (msg.getContent().isEmpty() && msg.getEmbeds().isEmpty()) {
                out.add(where + " is empty");
            }
            if (msg.getEmbeds().size() > 10) {
                out.add(where + " has " + msg.getEmbeds().size() + " embeds");
            }
            if (!msg.getAllowedMentions().isEmpty()) {
                out.add(where + " allows mentions " + msg.getAllowedMentions());
            }
            if (msg.isMentionRepliedUser()) {
                out.add(where + " mentions the replied user");
            }
            int total = 0;
            for (int e = 0; e < msg.getEmbeds().size(); e++) {
                MessageEmbed embed = msg.getEmbeds().get(e);
                String ew = where + " embed " + e;
                total += check(out, ew + " title", embed.getTitle(), 256);
                total += check(out, ew + " description", embed.getDescription(), 4096);
                total += check(
                        out,
                        ew + " footer",
                        embed.getFooter() == null ? null : embed.getFooter().getText(),
                        2048);
                total += check(
                        out,
                        ew + " author",
                        embed.getAuthor() == null ? null : embed.getAuthor().getName(),
                        256);
                if (embed.getFields().size() > 25) {
                    out.add(ew + " has " + embed.getFields().size() + " fields");
                }
                for (MessageEmbed.Field f : embed.getFields()) {
                    if (f.getName() == null
                            || f.getName().isEmpty()
                            || f.getValue() == null
                            || f.getValue().isEmpty()) {
                        out.add(ew + " has an empty field name or value");
                    }
                    total += check(out, ew + " field name", f.getName(), 256);
                    total += check(out, ew + " field value", f.getValue(), 1024);
                }
            }
            if (total > 6000) {
                out.add(where + " has " + total + " characters across its embeds");
            }
        }
        return out;
    }

    /** Returns the violations of a thread name (1–100 characters, whole code points). */
    static List<String> threadNameViolations(String name) {
        List<String> out = new ArrayList<>();
        if (name == null || name.isEmpty() || name.length() > 100) {
            out.add("thread name length " + (name == null ? "null" : name.length()));
        } else if (brokenSurrogate(name)) {
            out.add("thread name splits a surrogate pair");
        }
        return out;
    }

    private static int check(List<String> out, String where, String text, int limit) {
        if (text == null) {
            return 0;
        }
        if (text.length() > limit) {
            out.add(where + " is " + text.length() + " > " + limit);
        }
        if (brokenSurrogate(text)) {
            out.add(where + " splits a surrogate pair");
        }
        return text.length();
    }

    static boolean brokenSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
