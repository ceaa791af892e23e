package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code fields.json}: a field key and, where known, what its values mean.
 *
 * @param key the key as usually written (matched ignoring case)
 * @param evidence true when the field's value supports a verdict, so a short answer shows it; null when not
 * @param values meanings of particular values (locations, federation type), possibly empty
 */
public record FieldEntry(
        String key,
        Boolean evidence,
        String meaning,
        List<ValueEntry> values,
        List<String> sources,
        Confidence confidence)
        implements Cited {

    /** A meaning of one value of a field. */
    public record ValueEntry(String value, String label, List<String> sources, Confidence confidence) implements Cited {
        @Override
        public String describe() {
            return "field value " + value;
        }
    }

    @Override
    public String describe() {
        return "field " + key;
    }
}
