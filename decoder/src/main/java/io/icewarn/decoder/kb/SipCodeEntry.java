package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code sip-codes.json}: a SIP response code of RFC 3261 or a registered extension.
 *
 * @param code the three-digit status code
 * @param phrase the reason phrase the defining RFC gives
 * @param meaning what it means, in our words
 * @param family the call-outcome family rules refer to when no Microsoft code says more, or null
 * @param severity {@code failure}, {@code warning} or {@code info}: what a call ending with it means by itself
 */
public record SipCodeEntry(
        int code,
        String phrase,
        String meaning,
        String family,
        String severity,
        List<String> sources,
        Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return "SIP " + code;
    }
}
