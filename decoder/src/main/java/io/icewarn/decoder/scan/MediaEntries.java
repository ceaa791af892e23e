package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a MediaDebug value ({@code audio:ICEWarn=0x320,,,RemoteSite=,…}) or a MediaChanBlob value into
 * its {@code key=value} entries. Empty items are skipped; empty values are kept; keys and values are
 * stripped of surrounding spaces only.
 */
final class MediaEntries {
    /**
     * The media label and entries of one value.
     *
     * @param media the label before the first colon, when the value has one
     * @param entries the entries in order
     */
    record Result(Optional<String> media, List<Field> entries) {}

    private MediaEntries() {}

    /** Returns the media label and entries of a MediaDebug value; reports a missing {@code media:} prefix. */
    static Result mediaDebug(Value value, Problems problems) {
        String text = value.text().strip();
        Optional<String> media = Optional.empty();
        String body = text;
        int colon = text.indexOf(':');
        if (colon > 0 && isLabel(text, colon)) {
            media = Optional.of(text.substring(0, colon).strip());
            body = text.substring(colon + 1);
        } else if (!text.isEmpty()) {
            problems.add(value.start(), "This MediaDebug value has no \"media:\" prefix, so its media is unknown.");
        } else {
            problems.add(value.start(), "This MediaDebug value is empty.");
        }
        return new Result(media, entries(body, value.start(), problems));
    }

    /** Returns the entries of a MediaChanBlob value. */
    static Result blob(Value value, Problems problems) {
        return new Result(Optional.empty(), entries(value.text(), value.start(), problems));
    }

    private static boolean isLabel(String text, int colon) {
        String label = text.substring(0, colon).strip();
        if (label.isEmpty() || label.length() > 40) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!Source.isKeyChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static List<Field> entries(String body, int offset, Problems problems) {
        List<Field> out = new ArrayList<>();
        int i = 0;
        int n = body.length();
        while (i <= n) {
            int comma = body.indexOf(',', i);
            int itemEnd = comma < 0 ? n : comma;
            String item = body.substring(i, itemEnd).strip();
            if (!item.isEmpty()) {
                int eq = item.indexOf('=');
                String key = eq < 0 ? "" : item.substring(0, eq).strip();
                if (key.isEmpty()) {
                    problems.add(offset, "Ignored an entry without a \"key=\" part: " + abbreviate(item));
                } else {
                    out.add(new Field(key, item.substring(eq + 1).strip()));
                }
            }
            if (comma < 0) {
                break;
            }
            i = comma + 1;
        }
        return out;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
