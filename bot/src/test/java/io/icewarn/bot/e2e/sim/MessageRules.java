package io.icewarn.bot.e2e.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Discord's limits on a message body (create, edit, interaction response, webhook), checked as Discord checks
 * them: the first violation is answered 400 with code 50035 and an {@code errors} object keyed by the field
 * path ({@code embeds.0.title._errors}), as Discord sends it; an empty new message is 50006. The limits and
 * their docs pages are listed in {@code docs/simulated-discord.md}. Stateless.
 */
final class MessageRules {
    static final int CONTENT = 2000;
    static final int EMBEDS = 10;
    static final int TITLE = 256;
    static final int DESCRIPTION = 4096;
    static final int FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int FOOTER = 2048;
    static final int AUTHOR = 256;
    static final int EMBED_TOTAL = 6000;
    static final int ACTION_ROWS = 5;
    static final int ROW_BUTTONS = 5;
    static final int CUSTOM_ID = 100;
    static final int LABEL = 80;

    /** One rule broken: the field path (dot-separated) and Discord's error code and message for it. */
    record Violation(String path, String code, String message) {}

    private MessageRules() {}

    /**
     * Returns the first rule {@code body} breaks. {@code create} also refuses an empty message (no content,
     * embeds, components, files or stickers); {@code files} counts the uploaded parts of a multipart body.
     */
    static Optional<Violation> check(JsonNode body, int files, boolean create) {
        Optional<Violation> v = lengthAtMost(body.path("content"), CONTENT, "content");
        if (v.isPresent()) {
            return v;
        }
        JsonNode embeds = body.path("embeds");
        if (embeds.isArray()) {
            if (embeds.size() > EMBEDS) {
                return Optional.of(tooMany("embeds", EMBEDS));
            }
            int total = 0;
            for (int i = 0; i < embeds.size(); i++) {
                JsonNode e = embeds.get(i);
                String at = "embeds." + i;
                v = first(
                        lengthAtMost(e.path("title"), TITLE, at + ".title"),
                        lengthAtMost(e.path("description"), DESCRIPTION, at + ".description"),
                        lengthAtMost(e.path("footer").path("text"), FOOTER, at + ".footer.text"),
                        lengthAtMost(e.path("author").path("name"), AUTHOR, at + ".author.name"));
                if (v.isPresent()) {
                    return v;
                }
                total += length(e.path("title"))
                        + length(e.path("description"))
                        + length(e.path("footer").path("text"))
                        + length(e.path("author").path("name"));
                JsonNode fields = e.path("fields");
                if (fields.size() > FIELDS) {
                    return Optional.of(tooMany(at + ".fields", FIELDS));
                }
                for (int f = 0; f < fields.size(); f++) {
                    JsonNode field = fields.get(f);
                    String fat = at + ".fields." + f;
                    v = first(
                            required(field.path("name"), fat + ".name"),
                            required(field.path("value"), fat + ".value"),
                            lengthAtMost(field.path("name"), FIELD_NAME, fat + ".name"),
                            lengthAtMost(field.path("value"), FIELD_VALUE, fat + ".value"));
                    if (v.isPresent()) {
                        return v;
                    }
                    total += length(field.path("name")) + length(field.path("value"));
                }
            }
            if (total > EMBED_TOTAL) {
                return Optional.of(new Violation(
                        "embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of " + EMBED_TOTAL));
            }
        }
        v = components(body.path("components"));
        if (v.isPresent()) {
            return v;
        }
        if (create && empty(body, files)) {
            return Optional.of(new Violation("", "50006", "Cannot send an empty message"));
        }
        return Optional.empty();
    }

    private static Optional<Violation> components(JsonNode rows) {
        if (!rows.isArray()) {
            return Optional.empty();
        }
        if (rows.size() > ACTION_ROWS) {
            return Optional.of(tooMany("components", ACTION_ROWS));
        }
        Set<String> ids = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String at = "components." + r + ".components";
            JsonNode children = row.path("components");
            if (row.path("type").asInt() != 1) {
                continue; // only action rows are sent by the bot; other layouts are not modelled
            }
            boolean select = false;
            for (JsonNode c : children) {
                select |= c.path("type").asInt() != 2;
            }
            if (children.size() > (select ? 1 : ROW_BUTTONS)) {
                return Optional.of(tooMany(at, select ? 1 : ROW_BUTTONS));
            }
            for (int i = 0; i < children.size(); i++) {
                JsonNode c = children.get(i);
                String cat = at + "." + i;
                boolean link = c.path("type").asInt() == 2 && c.path("style").asInt() == 5;
                if (!link) {
                    String id = c.path("custom_id").asText("");
                    if (id.isEmpty()) {
                        return Optional.of(
                                new Violation(cat + ".custom_id", "BASE_TYPE_REQUIRED", "This field is required"));
                    }
                    if (id.length() > CUSTOM_ID) {
                        return Optional.of(tooLong(cat + ".custom_id", CUSTOM_ID));
                    }
                    if (!ids.add(id)) {
                        return Optional.of(new Violation(
                                cat + ".custom_id",
                                "COMPONENT_CUSTOM_ID_DUPLICATED",
                                "Component custom id cannot be duplicated"));
                    }
                }
                Optional<Violation> v = lengthAtMost(c.path("label"), LABEL, cat + ".label");
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean empty(JsonNode body, int files) {
        return body.path("content").asText("").isEmpty()
                && body.path("embeds").size() == 0
                && body.path("components").size() == 0
                && body.path("sticker_ids").size() == 0
                && !body.has("poll")
                && files == 0;
    }

    /** Returns Discord's 50035 body for {@code v}: the message, the code and {@code errors} by field path. */
    static ObjectNode invalidFormBody(Violation v) {
        ObjectNode out = Json.object().put("message", "Invalid Form Body").put("code", 50035);
        ObjectNode at = out.putObject("errors");
        for (String part : v.path().split("\\.")) {
            at = at.putObject(part);
        }
        at.putArray("_errors").addObject().put("code", v.code()).put("message", v.message());
        return out;
    }

    @SafeVarargs
    private static Optional<Violation> first(Optional<Violation>... checks) {
        for (Optional<Violation> c : checks) {
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> lengthAtMost(JsonNode value, int max, String path) {
        return length(value) > max ? Optional.of(tooLong(path, max)) : Optional.empty();
    }

    private static Optional<Violation> required(JsonNode value, String path) {
        return value.isTextual() && !value.asText().isBlank()
                ? Optional.empty()
                : Optional.of(new Violation(path, "BASE_TYPE_REQUIRED", "This field is required"));
    }

    /** Discord counts characters as code points. */
    private static int length(JsonNode value) {
        if (!value.isTextual()) {
            return 0;
        }
        String s = value.asText();
        return s.codePointCount(0, s.length());
    }

    private static Violation tooLong(String path, int max) {
        return new Violation(path, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
    }

    private static Violation tooMany(String path, int max) {
        return new Violation(path, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
    }
}
