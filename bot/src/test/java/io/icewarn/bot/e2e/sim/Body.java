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
 * @param files the file names of the uploaded parts
 */
record Body(String json, List<String> files) {
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
        List<String> files = new ArrayList<>();
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
                int at = head.toLowerCase(Locale.ROOT).indexOf("filename=\"") + "filename=\"".length();
                files.add(head.substring(at, head.indexOf('"', at)));
            }
        }
        return new Body(json, files);
    }
}
