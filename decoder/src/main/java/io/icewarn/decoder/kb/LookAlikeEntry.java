package io.icewarn.decoder.kb;

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
        String header, Integer code, String product, String meaning, List<String> sources, Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return "look-alike " + header + (code == null ? "" : " " + code);
    }
}
