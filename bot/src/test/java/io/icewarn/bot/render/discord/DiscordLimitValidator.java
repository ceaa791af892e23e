package io.icewarn.bot.render.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Checks rendered messages against Discord's documented limits. Independent of the renderer on purpose:
 * the numbers are written out here from the Discord API documentation, not taken from
 * {@link DiscordLimits} or JDA.
 */
public final class DiscordLimitValidator {
    private DiscordLimitValidator() {}

    /** Returns every violated limit in {@code messages}, empty when all hold. */
    public static List<String> violations(List<MessageCreateData> messages) {
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
            out.addAll(componentViolations(where, msg));
        }
        return out;
    }

    /**
     * Returns the violated component rules of one message, read from its JSON body: at most 5 action rows;
     * a row holds 1 to 5 buttons or exactly one select menu; every custom_id is 1–100 characters and unique in
     * the message; a button label is at most 80 characters; a select menu has 1–25 options, each label, value
     * and description at most 100 characters, unique values, and a placeholder of at most 150.
     */
    static List<String> componentViolations(String where, MessageCreateData msg) {
        List<String> out = new ArrayList<>();
        if (msg.getComponents().isEmpty()) {
            return out;
        }
        JsonNode body;
        try {
            body = JSON.readTree(msg.toData().toString());
        } catch (java.io.IOException e) {
            out.add(where + " body is not JSON");
            return out;
        }
        JsonNode rows = body.path("components");
        if (rows.size() > 5) {
            out.add(where + " has " + rows.size() + " action rows");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode row : rows) {
            if (row.path("type").asInt() != 1) {
                out.add(where + " has a top-level component that is not an action row");
                continue;
            }
            JsonNode children = row.path("components");
            int buttons = 0;
            int selects = 0;
            for (JsonNode c : children) {
                String id = c.path("custom_id").asText("");
                if (c.has("custom_id")) {
                    if (id.isEmpty() || id.length() > 100) {
                        out.add(where + " custom_id length " + id.length());
                    }
                    if (!ids.add(id)) {
                        out.add(where + " repeats custom_id " + id);
                    }
                }
                if (c.path("type").asInt() == 2) {
                    buttons++;
                    if (c.path("label").asText("").length() > 80) {
                        out.add(where + " button label over 80: "
                                + c.path("label").asText());
                    }
                    if (!c.has("custom_id") && !c.has("url")) {
                        out.add(where + " button without custom_id or url");
                    }
                } else if (c.path("type").asInt() == 3) {
                    selects++;
                    JsonNode options = c.path("options");
                    if (options.isEmpty() || options.size() > 25) {
                        out.add(where + " select menu with " + options.size() + " options");
                    }
                    if (c.path("placeholder").asText("").length() > 150) {
                        out.add(where + " select placeholder over 150");
                    }
                    java.util.Set<String> values = new java.util.HashSet<>();
                    for (JsonNode o : options) {
                        for (String f : List.of("label", "value", "description")) {
                            if (o.path(f).asText("").length() > 100) {
                                out.add(where + " select option " + f + " over 100");
                            }
                        }
                        if (o.path("label").asText("").isEmpty()
                                || !values.add(o.path("value").asText(""))) {
                            out.add(where + " select option without label or with a repeated value");
                        }
                    }
                }
            }
            if (selects > 1 || (selects == 1 && buttons > 0)) {
                out.add(where + " row mixes a select menu with other components");
            }
            if (buttons > 5 || buttons + selects == 0) {
                out.add(where + " row with " + buttons + " buttons");
            }
        }
        return out;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns the violations of a thread name (1–100 characters, whole code points). */
    public static List<String> threadNameViolations(String name) {
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
