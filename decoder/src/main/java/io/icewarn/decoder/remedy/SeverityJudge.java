package io.icewarn.decoder.remedy;

import io.icewarn.decoder.FlagMeaning.Expectation;
import io.icewarn.decoder.Severity;
import io.icewarn.decoder.model.LookAlike;
import io.icewarn.decoder.model.QoeReport;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Decides how serious a diagnostic is: a provisional response, a call that worked, an informational ID
 * and flags that are expected (judged in context) are not alarms. Internal to the decoder.
 */
public final class SeverityJudge {
    private SeverityJudge() {}

    /** Returns the severity of {@code s}. */
    public static Severity judge(Situation s) {
        if (s.diagnostic() instanceof LookAlike) {
            return Severity.INFO;
        }
        if (Fact.PROVISIONAL_RESPONSE.holds(s)) {
            return Severity.INFO;
        }
        if (s.code().isPresent()) {
            Severity bySource = Severity.valueOf(s.code().get().severity().toUpperCase(Locale.ROOT));
            if (bySource != Severity.INFO && success(s)) {
                return Severity.WARNING;
            }
            return bySource;
        }
        if (s.diagnostic().code().isPresent()) {
            return success(s) ? Severity.WARNING : Severity.FAILURE;
        }
        if (s.diagnostic() instanceof QoeReport && Fact.QOE_FAILED.holds(s)) {
            return Severity.FAILURE;
        }
        return byFlags(s);
    }

    private static boolean success(Situation s) {
        OptionalInt st = s.diagnostic().sipStatus();
        return st.isPresent() && st.getAsInt() >= 200 && st.getAsInt() <= 299;
    }

    private static Severity byFlags(Situation s) {
        if (s.iceWarn().isEmpty()) {
            return Severity.INFO;
        }
        for (long bit : s.iceWarn().get().setBits()) {
            Expectation e = s.judged(bit);
            if (!e.benign()) {
                return Severity.WARNING;
            }
        }
        return Severity.INFO;
    }
}
