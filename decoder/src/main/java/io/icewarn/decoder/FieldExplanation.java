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
 */
public record FieldExplanation(
        String key,
        String value,
        boolean known,
        String meaning,
        Optional<String> valueMeaning,
        List<String> sources,
        Confidence confidence) {
    public FieldExplanation {
        sources = List.copyOf(sources);
    }
}
