package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code media.json}: a media label and what it needs from the network.
 *
 * @param label the label before the first colon of MediaDebug or in MediaType ({@code audio})
 * @param name what the media is called in a sentence, capitalised ({@code Application sharing})
 * @param kind {@code av} (audio/video: UDP preferred, TCP fallback) or {@code sharing} (needs TCP)
 * @param minPorts the fewest client ports the media needs (A/V 20, sharing 3)
 */
public record MediaEntry(
        String label,
        String name,
        String kind,
        String description,
        int minPorts,
        List<String> sources,
        Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return "media " + label;
    }
}
