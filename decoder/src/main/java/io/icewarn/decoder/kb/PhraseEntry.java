package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code phrases.json}: a kind of failure recognised from the words of a pasted reason, or from
 * the SIP status of the response that carried it, for IDs no table explains.
 *
 * @param id stable identifier that rules name in {@code reasonPhrases}
 * @param terms words or runs of words (lower case, letters and digits) any of which in the reason matches
 * @param statuses SIP status codes that match by themselves; may be empty
 * @param gist what a match says, as a phrase that completes "the reason points to …"
 */
public record PhraseEntry(
        String id, List<String> terms, List<Integer> statuses, String gist, List<String> sources, Confidence confidence)
        implements Cited {
    public PhraseEntry {
        terms = List.copyOf(terms);
        statuses = List.copyOf(statuses);
        sources = List.copyOf(sources);
    }

    @Override
    public String describe() {
        return "phrase " + id;
    }
}
