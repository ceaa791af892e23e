package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code q850.json}: an ITU-T Q.850 cause value, as a SIP {@code Reason: Q.850;cause=N} carries it.
 *
 * @param cause the cause value, 1 to 127
 * @param name the Q.850 name of the cause
 * @param sip the SIP response RFC 3398 maps the cause to, or null when it maps none
 * @param meaning what it means, in our words
 * @param family the remediation family rules refer to
 * @param severity {@code failure}, {@code warning} or {@code info}
 */
public record Q850Entry(
        int cause,
        String name,
        Integer sip,
        String meaning,
        String family,
        String severity,
        List<String> sources,
        Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return "Q.850 cause " + cause;
    }
}
