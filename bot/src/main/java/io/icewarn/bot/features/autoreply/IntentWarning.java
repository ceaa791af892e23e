package io.icewarn.bot.features.autoreply;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs once per process that guild messages arrive empty because the Message Content intent is off. */
public final class IntentWarning {
    static final String TEXT = "A user's guild message arrived with no content: the Message Content intent is not "
            + "granted. Enable it in the Discord Developer Portal: your application > Bot > Privileged Gateway "
            + "Intents > Message Content Intent, then restart the bot. Until then only slash commands and the "
            + "'Decode diagnostic' menu work.";

    private final Logger log;
    private final AtomicBoolean warned = new AtomicBoolean();

    public IntentWarning() {
        this(LoggerFactory.getLogger(IntentWarning.class));
    }

    IntentWarning(Logger log) {
        this.log = log;
    }

    /** Logs the warning the first time only; returns true when it was logged now. */
    public boolean warnOnce() {
        if (warned.compareAndSet(false, true)) {
            log.warn(TEXT);
            return true;
        }
        return false;
    }
}
