package io.icewarn.bot.store;

/** The store could not be opened, migrated, read or written; the message is one line and holds no password. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
