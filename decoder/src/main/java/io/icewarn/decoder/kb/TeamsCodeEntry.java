package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One documented row of {@code teams-codes.json}: a Teams Direct Routing Microsoft response code with the SIP
 * code and phrase it is documented with. A code may have several rows (other SIP codes, other phrases).
 *
 * @param code the Microsoft response code (CallEndSubReason), 0 included
 * @param sip the SIP response code of the row (CallEndReason), 0 where the source gives none
 * @param phrase the documented phrase, as the source writes it
 * @param meaning what it means, in our words
 * @param family the remediation family rules refer to, or null
 * @param severity {@code failure}, {@code warning} or {@code info}
 */
public record TeamsCodeEntry(
        int code,
        int sip,
        String phrase,
        String meaning,
        String family,
        String severity,
        List<String> sources,
        Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return "Teams code " + code + " with SIP " + sip + " (" + phrase + ")";
    }
}
