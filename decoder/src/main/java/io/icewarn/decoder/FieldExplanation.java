package io.icewarn.decoder;

import java.util.List;
import java.util.Optional;

/**
 * One raw field with what it and its value mean.
 *
 * @param key the key as written
 * @param value the raw value
 * @param known true when the knowledge base describes the key
 * @param meaning what the field is, empty when unknown
 * @param valueMeaning what this particular value means (a location in words, …), if known
 * @param sources citation keys
 * @param confidence how well the meaning is backed; {@link Confidence#INFERRED} for unknown keys
 * @param evidence true when the knowledge base counts the field among the evidence a short answer shows
 */
public record FieldExplanation(
        String key,
        String value,
        boolean known,
        String meaning,
        Optional<String> valueMeaning,
        List<String> sources,
        Confidence confidence,
        boolean evidence) {
    public FieldExplanation {
        sources = List.copyOf(sources);
    }

    /** Returns an explanation of a field that is not evidence. */
    public FieldExplanation(
            String key,
            String value,
            boolean known,
            String meaning,
            Optional<String> valueMeaning,
            List<String> sources,
            Confidence confidence) {
        this(key, value, known, meaning, valueMeaning, sources, confidence, false);
    }
}
