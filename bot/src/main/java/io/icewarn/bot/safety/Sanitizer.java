package io.icewarn.bot.safety;

/**
 * Neutralises text quoted from users so it cannot ping, reorder, hide, or break out of the bot's own
 * formatting. Stateless and thread-safe; {@link #clean} is idempotent.
 *
 * <ul>
 *   <li>{@code @everyone}, {@code @here} and the mention forms {@code <@id>}, {@code <@!id>}, {@code <@&id>},
 *       {@code <#id>}, {@code </cmd:id>} get a look-alike character (U+FF20 ＠, U+FF03 ＃, U+2215 ∕), so they
 *       neither ping nor render as mentions;
 *   <li>bidi overrides and isolates (U+202A–202E, U+2066–2069) and zero-width characters (U+200B–200D,
 *       U+2060, U+FEFF) are removed, as are control characters other than tab and line feed;
 *   <li>runs of three or more backticks are broken with U+02CB ˋ so pasted text cannot close a code fence.
 * </ul>
 */
public final class Sanitizer {
    private Sanitizer() {}

    /** Returns {@code text} neutralised as described in the class comment; an empty string for null. Linear time. */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder visible = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!invisible(c)) {
                visible.append(c);
            }
        }
        StringBuilder out = new StringBuilder(visible.length() + 8);
        int backticks = 0;
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            if (c == '`') {
                if (backticks == 2) {
                    // "```" becomes "`ˋ`", so a run of any length never closes a fence
                    out.setCharAt(out.length() - 1, '\u02CB');
                    backticks = 0;
                }
                out.append(c);
                backticks++;
                continue;
            }
            backticks = 0;
            if (c == '@'
                    && (startsWithIgnoreCase(visible, i + 1, "everyone")
                            || startsWithIgnoreCase(visible, i + 1, "here"))) {
                out.append('\uFF20');
            } else if (c == '<' && i + 1 < visible.length() && "@#/".indexOf(visible.charAt(i + 1)) >= 0) {
                char next = visible.charAt(++i);
                out.append('<').append(next == '@' ? '\uFF20' : next == '#' ? '\uFF03' : '\u2215');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Returns true for bidi controls, zero-width characters and control characters other than tab and line feed. */
    private static boolean invisible(char c) {
        return (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || (c >= '\u200B' && c <= '\u200D')
                || c == '\u2060'
                || c == '\uFEFF'
                || (c < 0x20 && c != '\t' && c != '\n')
                || c == 0x7F;
    }

    private static boolean startsWithIgnoreCase(CharSequence s, int at, String word) {
        if (at + word.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (Character.toLowerCase(s.charAt(at + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code text} cleaned and folded to one line (line breaks and tabs become spaces). */
    public static String cleanLine(String text) {
        return clean(text).replace('\n', ' ').replace('\t', ' ');
    }
}
