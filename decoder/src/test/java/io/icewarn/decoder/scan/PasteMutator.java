package io.icewarn.decoder.scan;

import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of real pastes, the way chat clients, mail programs and people change them. Mutations
 * named {@code intact…} keep every diagnostic readable; the others may break them.
 */
final class PasteMutator {
    /** Opening and closing quote pairs a paste may use. */
    static final List<String[]> QUOTES = List.of(
            new String[] {"\"", "\""},
            new String[] {"\u201C", "\u201D"},
            new String[] {"\u201D", "\u2033"},
            new String[] {"\u201E", "\u201C"},
            new String[] {"\u00AB", "\u00BB"},
            new String[] {"\u2033", "\u2033"},
            new String[] {"\u2018", "\u2019"},
            new String[] {"\\\"", "\\\""},
            new String[] {"\\\\\\\"", "\\\\\\\""},
            new String[] {"&quot;", "&quot;"},
            new String[] {"&#34;", "&#34;"});

    private static final List<String> CHAT = List.of(
            "hey, calls to external users fail, log below",
            "any idea?",
            "thanks in advance \uD83D\uDE4F",
            "here is what Snooper shows:",
            "ich habe das im Log gefunden \u2713",
            "\u0645\u0631\u062D\u0628\u0627 \u200F this is from the edge",
            "\u65E5\u672C\u8A9E\u306E\u30C6\u30AD\u30B9\u30C8",
            "@ops please look",
            "(sorry for the formatting)");

    private static final String[] RANDOM_UNICODE = {
        "\uD83D\uDE00", "\u200B", "\u00A0", "\u202E", "\u0301", "\uFEFF", "\u2028", "\uD800", "\uDC00", "\u00E9",
                "\u4E2D",
        "\"", "\u201D", ";", "=", ",", ":", "\n", "`", ">", "\\", "&"
    };

    private static final String[] KEYS = {
        "ms-client-diagnostics",
        "ms-diagnostics-public",
        "ms-diagnostics",
        "CallerMediaDebug",
        "CalleeMediaDebug",
        "MediaChanBlob",
        "UserType",
        "MediaType",
        "reason",
        "ICEWarn",
        "LocalLocation",
        "RemoteLocation"
    };

    private final Random rnd;

    PasteMutator(long seed) {
        this.rnd = new Random(seed);
    }

    /** Returns {@code text} with a random mix of mutations that keep every diagnostic readable. */
    String intact(String text) {
        String t = straightQuotes(text);
        if (rnd.nextBoolean()) {
            t = spacesAfterCommas(t);
        }
        if (rnd.nextBoolean()) {
            t = spacesAroundSeparators(t);
        }
        if (rnd.nextInt(3) > 0) {
            t = wrapValues(t);
        }
        if (rnd.nextInt(4) > 0) {
            t = swapQuotes(t);
        }
        if (rnd.nextBoolean()) {
            t = changeCase(t);
        }
        if (rnd.nextInt(4) == 0 && t.indexOf('\r') < 0) {
            t = t.replace("\n", "\r\n");
        }
        if (rnd.nextBoolean()) {
            t = surround(t);
        }
        if (rnd.nextInt(4) == 0) {
            t = "> " + t.replace("\n", "\n> ");
        }
        return t;
    }

    /** Returns {@code text} with typographic quote characters turned into {@code "}. */
    static String straightQuotes(String text) {
        return text.replace('\u201C', '"').replace('\u201D', '"').replace('\u2033', '"');
    }

    /** Replaces the {@code "} pairs around values with a random quote style per value. */
    String swapQuotes(String t) {
        StringBuilder sb = new StringBuilder(t.length() + 64);
        String[] style = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"' && style == null && previousNonSpace(t, i) == '=') {
                style = QUOTES.get(rnd.nextInt(QUOTES.size()));
                sb.append(style[0]);
            } else if (c == '"' && style != null) {
                sb.append(style[1]);
                style = null;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Adds a space after some commas inside MediaDebug and MediaChanBlob values. */
    String spacesAfterCommas(String t) {
        StringBuilder sb = new StringBuilder(t.length() + 64);
        boolean inMedia = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            sb.append(c);
            if (c == '"' && isMediaValueStart(t, i)) {
                inMedia = true;
            } else if (c == '"') {
                inMedia = false;
            } else if (c == ',' && inMedia && rnd.nextBoolean()) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /** Puts spaces around the header colon and around {@code ;} and {@code =} between parameters. */
    String spacesAroundSeparators(String t) {
        return t.replace("diagnostics: ", "diagnostics : ")
                .replace("\";", "\" ; ")
                .replace("=\"", rnd.nextBoolean() ? " = \"" : "= \"");
    }

    /** Breaks MediaDebug values at a random point (the break is removed when read) and some reasons at a space. */
    String wrapValues(String t) {
        StringBuilder sb = new StringBuilder(t.length() + 64);
        int from = 0;
        for (int open = t.indexOf('"'); open >= 0; ) {
            int close = t.indexOf('"', open + 1);
            if (close < 0) {
                break;
            }
            String key = keyBefore(t, open);
            if (key.endsWith("mediadebug") || key.endsWith("mediachanblob")) {
                int cut = open + 2 + rnd.nextInt(Math.max(1, close - open - 2));
                if (cut < close) {
                    sb.append(t, from, cut).append(lineBreak());
                    from = cut;
                }
            } else if (key.equals("reason") && rnd.nextBoolean()) {
                int space = t.indexOf(' ', open);
                if (space > 0 && space < close) {
                    sb.append(t, from, space).append(lineBreak());
                    from = space + 1;
                }
            }
            open = t.indexOf('"', close + 1);
        }
        sb.append(t, from, t.length());
        return sb.toString();
    }

    /** Returns the lower-case key before the {@code =} that precedes the quote at {@code quote}, or "". */
    private static String keyBefore(String t, int quote) {
        int eq = quote - 1;
        while (eq >= 0 && t.charAt(eq) == ' ') {
            eq--;
        }
        if (eq < 0 || t.charAt(eq) != '=') {
            return "";
        }
        int end = eq;
        while (end > 0 && t.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(t.charAt(start - 1))) {
            start--;
        }
        return t.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    }

    private String lineBreak() {
        String[] indents = {"", " ", "    ", "\t", "        "};
        return "\n" + indents[rnd.nextInt(indents.length)];
    }

    /** Changes the case of header names and keys at random. */
    String changeCase(String t) {
        String out = t;
        for (String key : KEYS) {
            StringBuilder sb = new StringBuilder(out.length());
            int from = 0;
            String lower = out.toLowerCase(java.util.Locale.ROOT);
            String k = key.toLowerCase(java.util.Locale.ROOT);
            int at;
            while ((at = lower.indexOf(k, from)) >= 0) {
                sb.append(out, from, at);
                for (int i = 0; i < k.length(); i++) {
                    char c = out.charAt(at + i);
                    sb.append(rnd.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
                }
                from = at + k.length();
            }
            sb.append(out, from, out.length());
            out = sb.toString();
        }
        return out;
    }

    /** Puts chat text, code fences or inline code around {@code t}. */
    String surround(String t) {
        String before = CHAT.get(rnd.nextInt(CHAT.size()));
        String after = CHAT.get(rnd.nextInt(CHAT.size()));
        switch (rnd.nextInt(4)) {
            case 0:
                return before + "\n```\n" + t + "\n```\n" + after;
            case 1:
                return before + "\n```sip\n" + t + "```";
            case 2:
                return t.indexOf('\n') < 0 ? before + " `" + t + "` " + after : before + "\n\n" + t + "\n\n" + after;
            default:
                return before + "\n" + t + "\n" + after;
        }
    }

    /** Inserts {@code count} random characters (quotes, separators, odd unicode) at random points. */
    String insertUnicode(String t, int count) {
        StringBuilder sb = new StringBuilder(t);
        for (int i = 0; i < count; i++) {
            sb.insert(rnd.nextInt(sb.length() + 1), RANDOM_UNICODE[rnd.nextInt(RANDOM_UNICODE.length)]);
        }
        return sb.toString();
    }

    /** Returns a random prefix of {@code t}. */
    String truncate(String t) {
        return t.substring(0, rnd.nextInt(t.length() + 1));
    }

    private static char previousNonSpace(String t, int i) {
        int j = i - 1;
        while (j >= 0 && t.charAt(j) == ' ') {
            j--;
        }
        return j >= 0 ? t.charAt(j) : '\0';
    }

    private static boolean isMediaValueStart(String t, int quote) {
        String key = keyBefore(t, quote);
        return key.endsWith("mediadebug") || key.endsWith("mediachanblob");
    }
}
