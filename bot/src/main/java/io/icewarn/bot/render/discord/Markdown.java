package io.icewarn.bot.render.discord;

/**
 * Escapes text for Discord Markdown in one linear pass. JDA's {@code MarkdownSanitizer} is much slower on
 * long hostile text, and a paste can be long.
 */
final class Markdown {
    private Markdown() {}

    /**
     * Returns {@code text} with every character that Discord reads as inline formatting or a masked link
     * backslash-escaped, and block markers ({@code >}, {@code #}, {@code -}) escaped at the start of a line.
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '*', '_', '~', '`', '|', '[', ']' -> b.append('\\');
                case '>', '#', '-' -> {
                    if (lineStart) {
                        b.append('\\');
                    }
                }
                default -> {}
            }
            b.append(c);
            lineStart = c == '\n' || (lineStart && (c == ' ' || c == '\t'));
        }
        return b.toString();
    }
}
