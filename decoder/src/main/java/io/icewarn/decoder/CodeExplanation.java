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
 * @param releases the [MS-OCER] tables that give {@code reason}: {@code current} (section 7) and/or
 *     {@code earlier} (section 8); empty when no such table lists the ID
 * @param carriedIn {@code request}, {@code response} or {@code request or response}, when a table says
 * @param notHandledByClient true when [MS-OCER] 9.3.2 lists the ID among those the client does not handle:
 *     the user saw a generic error string
 * @param otherWordings the reason as other releases word it, when they differ; empty otherwise
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
        List<String> releases,
        Optional<String> carriedIn,
        boolean notHandledByClient,
        List<Wording> otherWordings) {
    public CodeExplanation {
        sources = List.copyOf(sources);
        releases = List.copyOf(releases);
        Objects.requireNonNull(carriedIn, "carriedIn");
        otherWordings = List.copyOf(otherWordings);
    }

    /** An explanation with nothing known of releases, carrying message or client handling. */
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
        this(
                header,
                code,
                known,
                reason,
                meaning,
                area,
                family,
                severity,
                sources,
                confidence,
                List.of(),
                Optional.empty(),
                false,
                List.of());
    }

    /**
     * The reason of an ID as some releases word it.
     *
     * @param reason the reason text exactly as the table gives it
     * @param releases {@code current} and/or {@code earlier}
     * @param sources citation keys of the tables
     */
    public record Wording(String reason, List<String> releases, List<String> sources) {
        public Wording {
            Objects.requireNonNull(reason, "reason");
            releases = List.copyOf(releases);
            sources = List.copyOf(sources);
        }
    }
}
