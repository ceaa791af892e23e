package io.icewarn.bot.render.discord;

/**
 * Discord's message and embed limits in UTF-16 code units (how JDA counts), from the Discord API
 * documentation. JDA checks most of them when a message is built, but not {@link #EMBED_TOTAL} across the
 * embeds of one message.
 */
public final class DiscordLimits {
    /** Message content. */
    public static final int CONTENT = 2000;
    /** Embed title. */
    public static final int TITLE = 256;
    /** Embed description. */
    public static final int DESCRIPTION = 4096;
    /** Embed field name. */
    public static final int FIELD_NAME = 256;
    /** Embed field value. */
    public static final int FIELD_VALUE = 1024;
    /** Embed footer text. */
    public static final int FOOTER = 2048;
    /** Embed author name. */
    public static final int AUTHOR = 256;
    /** Fields in one embed. */
    public static final int FIELDS = 25;
    /** Embeds in one message. */
    public static final int EMBEDS_PER_MESSAGE = 10;
    /** Characters across all embeds of one message (title, description, fields, footer, author). */
    public static final int EMBED_TOTAL = 6000;
    /** Thread name, at least 1. */
    public static final int THREAD_NAME = 100;
    /** The most characters of a file's description (its alt text). */
    public static final int ATTACHMENT_DESCRIPTION = 1024;

    private DiscordLimits() {}
}
