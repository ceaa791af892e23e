package io.icewarn.decoder.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code lookalikes.json}: a header or a code of another product that looks like a Lync
 * diagnostic.
 *
 * @param header the header name ({@code x-ms-diagnostics})
 * @param code the code, or null for the row describing the header as a whole
 * @param product which product writes it
 * @param meaning what it means
 */
public record LookAlikeEntry(
        @JsonProperty(required = true) String header,
        Integer code,
        @JsonProperty(required = true) String product,
        @JsonProperty(required = true) String meaning,
        @JsonProperty(required = true) List<String> sources,
        @JsonProperty(required = true) Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return "look-alike " + header + (code == null ? "" : " " + code);
    }
}
