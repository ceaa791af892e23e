package io.icewarn.bot.config;

/** How log lines are written to standard error. */
public enum LogFormat {
    /** One human-readable line per event. */
    TEXT,
    /** One JSON object per line (logback's {@code JsonEncoder}). */
    JSON
}
