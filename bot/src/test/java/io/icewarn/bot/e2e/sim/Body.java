package io.icewarn.bot.e2e.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A request body as the simulator reads it: JSON, or multipart/form-data whose {@code payload_json} part is
 * the JSON and whose other parts are uploaded files (by name).
 *
 * @param json the JSON text, or {@code ""}
 * @param files the uploaded parts: name, media type and bytes
 */
record Body(String json, List<Upload> files) {
    Body {
        files = List.copyOf(files);
    }

    JsonNode node() {
        return json.isEmpty() ? MissingNode.getInstance() : Json.parse(json);
    }

    static Body of(String contentType, byte[] raw) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            return multipart(contentType, raw);
        }
        return new Body(new String(raw, StandardCharsets.UTF_8), List.of());
    }

    /** Splits a multipart body on its boundary; ISO-8859-1 keeps every byte as one char. */
    private static Body multipart(String contentType, byte[] raw) {
        String boundary = null;
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                boundary = p.substring("boundary=".length()).replace("\"", "");
            }
        }
        if (boundary == null) {
            return new Body("", List.of());
        }
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        String json = "";
        List<Upload> files = new ArrayList<>();
        for (String part : all.split("--" + java.util.regex.Pattern.quote(boundary), -1)) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String head = part.substring(0, split);
            String content = part.substring(split + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            String disposition = head.toLowerCase(Locale.ROOT);
            if (disposition.contains("name=\"payload_json\"")) {
                json = new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            } else if (disposition.contains("filename=\"")) {
                files.add(new Upload(
                        quoted(head, "name=\""),
                        quoted(head, "filename=\""),
                        header(head, "content-type"),
                        content.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return new Body(json, files);
    }

    /** Returns the quoted value of parameter {@code key} ({@code name="}) in a part's headers, or "". */
    private static String quoted(String head, String key) {
        String lower = head.toLowerCase(Locale.ROOT);
        for (int i = lower.indexOf(key); i >= 0; i = lower.indexOf(key, i + 1)) {
            char before = i == 0 ? ' ' : lower.charAt(i - 1);
            if (before == ' ' || before == ';') { // not the "name=" inside "filename="
                int from = i + key.length();
                int end = head.indexOf('"', from);
                return end < 0 ? "" : head.substring(from, end);
            }
        }
        return "";
    }

    /** Returns the value of header {@code name} (lower case) among a part's headers, or "". */
    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0
                    && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
    }
}
