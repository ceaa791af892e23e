package io.icewarn.decoder.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code fields.json}: a field key and, where known, what its values mean.
 *
 * @param key the key as usually written (matched ignoring case)
 * @param values meanings of particular values (locations, federation type), possibly empty
 */
public record FieldEntry(
        @JsonProperty(required = true) String key,
        @JsonProperty(required = true) String meaning,
        @JsonProperty(required = true) List<ValueEntry> values,
        @JsonProperty(required = true) List<String> sources,
        @JsonProperty(required = true) Confidence confidence)
        implements Cited {

    /** A meaning of one value of a field. */
    public record ValueEntry(
            @JsonProperty(required = true) String value,
            @JsonProperty(required = true) String label,
            @JsonProperty(required = true) List<String> sources,
            @JsonProperty(required = true) Confidence confidence)
            implements Cited {
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
