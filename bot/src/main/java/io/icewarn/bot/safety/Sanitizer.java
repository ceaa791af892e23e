package io.icewarn.bot.safety;

import java.util.regex.Pattern;

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
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200B-\\u200D\\u2060\\uFEFF]"
                    + "|[\\u0000-\\u0008\\u000B-\\u001F\\u007F]");
    private static final Pattern EVERYONE = Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_ROLE_MENTION = Pattern.compile("<@([!&]?)");
    private static final Pattern CHANNEL_MENTION = Pattern.compile("<#");
    private static final Pattern COMMAND_MENTION = Pattern.compile("</");
    private static final Pattern FENCE = Pattern.compile("```");

    private Sanitizer() {}

    /** Returns {@code text} neutralised as described in the class comment; an empty string for null. */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String t = INVISIBLE.matcher(text).replaceAll("");
        t = t.replace("\r\n", "\n").replace('\r', '\n');
        t = EVERYONE.matcher(t).replaceAll("\uFF20$1");
        t = USER_ROLE_MENTION.matcher(t).replaceAll("<\uFF20$1");
        t = CHANNEL_MENTION.matcher(t).replaceAll("<\uFF03");
        t = COMMAND_MENTION.matcher(t).replaceAll("<\u2215");
        // "```" becomes "`ˋ`"; repeated so that runs longer than three are broken too
        String before;
        do {
            before = t;
            t = FENCE.matcher(t).replaceAll("`\u02CB`");
        } while (!t.equals(before));
        return t;
    }

    /** Returns {@code text} cleaned and folded to one line (line breaks and tabs become spaces). */
    public static String cleanLine(String text) {
        return clean(text).replace('\n', ' ').replace('\t', ' ');
    }
}
