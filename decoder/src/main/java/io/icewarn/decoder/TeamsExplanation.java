package io.icewarn.decoder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the knowledge base says about the codes of a Teams Direct Routing diagnostic, beyond its
 * {@link CodeExplanation}: who produced the final response, the SIP code in words, the Q.850 cause.
 *
 * @param microsoftCode Microsoft's response code, if pasted
 * @param documented true when a source lists the Microsoft code
 * @param documentedPhrase the documented phrase of the row that fits the paste best, if the code is listed
 * @param structure how the code reads as {@code 5 X Y ZZZ}, when it has that structure
 * @param sipCode the final SIP response code, if pasted (or the status of the response a Q.850 reason came in)
 * @param sipPhrase the reason phrase of that SIP code, if a source defines it
 * @param q850 the Q.850 cause of a Reason header, if pasted
 * @param correlationId the call's correlation ID, if pasted
 * @param matchedCode for a Q.850 reason whose text is the documented phrase of a Microsoft code, that code
 */
public record TeamsExplanation(
        OptionalInt microsoftCode,
        boolean documented,
        Optional<String> documentedPhrase,
        Optional<Structure> structure,
        OptionalInt sipCode,
        Optional<String> sipPhrase,
        Optional<Q850> q850,
        Optional<String> correlationId,
        OptionalInt matchedCode) {

    public TeamsExplanation {
        Objects.requireNonNull(microsoftCode, "microsoftCode");
        Objects.requireNonNull(documentedPhrase, "documentedPhrase");
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(sipCode, "sipCode");
        Objects.requireNonNull(sipPhrase, "sipPhrase");
        Objects.requireNonNull(q850, "q850");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(matchedCode, "matchedCode");
    }

    /**
     * A Microsoft response code read as {@code 5 X Y ZZZ}.
     *
     * @param origin who produced the final response: {@code sbc} or {@code microsoft}
     * @param module the module digit X
     * @param source the digit Y
     * @param detail the last three digits ZZZ
     * @param detailIsSipCode true when ZZZ is the SIP response code (the SBC module)
     * @param meaning what the module digit means
     * @param unknown what the sources leave open
     * @param sources citation keys of the structure
     */
    public record Structure(
            String origin,
            int module,
            int source,
            int detail,
            boolean detailIsSipCode,
            String meaning,
            String unknown,
            List<String> sources) {
        public Structure {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(meaning, "meaning");
            Objects.requireNonNull(unknown, "unknown");
            sources = List.copyOf(sources);
        }
    }

    /**
     * A Q.850 cause.
     *
     * @param cause the cause value
     * @param name its Q.850 name, empty when unknown
     * @param sipMapping the SIP response RFC 3398 maps it to, if any
     * @param sources citation keys
     */
    public record Q850(int cause, String name, OptionalInt sipMapping, List<String> sources) {
        public Q850 {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sipMapping, "sipMapping");
            sources = List.copyOf(sources);
        }
    }
}
