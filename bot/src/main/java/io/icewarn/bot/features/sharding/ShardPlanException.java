package io.icewarn.bot.features.sharding;

/** A shard setting that cannot work; the message is one line naming the setting, fit to print and exit. */
public final class ShardPlanException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Returns an exception with a one-line {@code message}. */
    public ShardPlanException(String message) {
        super(message);
    }
}
