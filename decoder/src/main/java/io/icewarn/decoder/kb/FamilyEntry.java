package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code families.json}: how a failure family (the {@code family} of codes and rules) reads in
 * a verdict.
 *
 * @param id the family's name ({@code both-remote})
 * @param situation what the family means, in a few words ({@code both parties outside the network})
 * @param summary the verdict's opening, in plain words; {@code {Media}} is the media's name
 *     ({@code Application sharing}, or {@code The call} when no media is known), {@code {situation}} the
 *     situation and {@code {reason}} the diagnostic's reason
 */
public record FamilyEntry(String id, String situation, String summary, List<String> sources, Confidence confidence)
        implements Cited {
    @Override
    public String describe() {
        return "family " + id;
    }
}
