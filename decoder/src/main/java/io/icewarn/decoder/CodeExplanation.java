package io.icewarn.decoder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a diagnostic ID means under a header.
 *
 * @param header the header the ID was looked up under
 * @param code the ID
 * @param known true when the knowledge base has an entry for this exact ID
 * @param reason the documented reason text, if known
 * @param meaning what it means and what typically causes it, or what the ID range covers for an unknown
 *     ID; empty when nothing is known
 * @param area the product area of the ID range (e.g. "SIP stack"), if one covers it
 * @param family the remediation family ({@code both-remote}, …), if any
 * @param severity the severity a failure with this ID has by default
 * @param sources citation keys
 * @param confidence how well the entry is backed
 * @param situation what the family means in words ({@code both parties outside the network}), if it has one
 */
public record CodeExplanation(
        String header,
        int code,
        boolean known,
        Optional<String> reason,
        String meaning,
        Optional<String> area,
        Optional<String> family,
        Severity severity,
        List<String> sources,
        Confidence confidence,
        Optional<String> situation) {
    public CodeExplanation {
        sources = List.copyOf(sources);
        Objects.requireNonNull(situation, "situation");
    }

    /** Returns an explanation without the family's situation in words. */
    public CodeExplanation(
            String header,
            int code,
            boolean known,
            Optional<String> reason,
            String meaning,
            Optional<String> area,
            Optional<String> family,
            Severity severity,
            List<String> sources,
            Confidence confidence) {
        this(header, code, known, reason, meaning, area, family, severity, sources, confidence, Optional.empty());
    }
}
