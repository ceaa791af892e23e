package io.icewarn.decoder;

import java.util.Locale;

/** How serious a diagnostic is; declared from most to least serious. */
public enum Severity {
    /** The call or request failed. */
    FAILURE,
    /** It worked or is unknown, but something needs a look. */
    WARNING,
    /** Informational: a provisional response, a call that worked, or only expected flags. */
    INFO;

    /** Returns the lower-case name used in JSON and data files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
