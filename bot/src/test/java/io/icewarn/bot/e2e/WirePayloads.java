package io.icewarn.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.icewarn.bot.render.discord.DiscordLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks message bodies as they reached the simulated Discord (the JSON on the wire) against Discord's
 * limits ({@link DiscordLimits}, counted in UTF-16 code units as Discord does) and the rule that the bot
 * allows no mentions at all.
 */
final class WirePayloads {
    private WirePayloads() {}

    /** Returns every broken rule in the message body {@code body}, empty when all hold. */
    static List<String> violations(JsonNode body) {
        List<String> out = new ArrayList<>();
        JsonNode mentions = body.path("allowed_mentions");
        if (!mentions.isObject()) {
            out.add("no allowed_mentions");
        } else {
            if (!mentions.path("parse").isArray() || !mentions.path("parse").isEmpty()) {
                out.add("allowed_mentions.parse is not []: " + mentions.path("parse"));
            }
            for (String list : List.of("users", "roles")) {
                if (mentions.has(list) && !mentions.path(list).isEmpty()) {
                    out.add("allowed_mentions." + list + " is not empty");
                }
            }
            if (mentions.path("replied_user").asBoolean(false)) {
                out.add("allowed_mentions.replied_user is true");
            }
        }
        String content = body.path("content").asText("");
        max(out, "content", content, DiscordLimits.CONTENT);
        JsonNode embeds = body.path("embeds");
        // an edit may set only the components (the buttons of a two-message answer): the rest stays as it was
        if (content.isEmpty()
                && embeds.isEmpty()
                && body.path("components").isEmpty()
                && body.path("attachments").isEmpty()) {
            out.add("empty message");
        }
        if (embeds.size() > DiscordLimits.EMBEDS_PER_MESSAGE) {
            out.add(embeds.size() + " embeds");
        }
        int total = 0;
        for (JsonNode e : embeds) {
            total += max(out, "title", e.path("title").asText(""), DiscordLimits.TITLE);
            total += max(out, "description", e.path("description").asText(""), DiscordLimits.DESCRIPTION);
            total += max(out, "footer", e.path("footer").path("text").asText(""), DiscordLimits.FOOTER);
            total += max(out, "author", e.path("author").path("name").asText(""), DiscordLimits.AUTHOR);
            if (e.path("fields").size() > DiscordLimits.FIELDS) {
                out.add(e.path("fields").size() + " fields");
            }
            for (JsonNode f : e.path("fields")) {
                total += max(out, "field name", f.path("name").asText(""), DiscordLimits.FIELD_NAME);
                total += max(out, "field value", f.path("value").asText(""), DiscordLimits.FIELD_VALUE);
            }
        }
        if (total > DiscordLimits.EMBED_TOTAL) {
            out.add("embeds total " + total + " > " + DiscordLimits.EMBED_TOTAL);
        }
        return out;
    }

    private static int max(List<String> out, String what, String text, int limit) {
        if (text.length() > limit) {
            out.add(what + " has " + text.length() + " > " + limit);
        }
        return text.length();
    }
}
