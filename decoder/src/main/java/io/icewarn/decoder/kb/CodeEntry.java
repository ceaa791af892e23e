package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code codes.json}: a diagnostic ID under one header, as one release of the product words it.
 * An ID the current and an earlier release word differently has one row per wording.
 *
 * @param header {@code ms-client-diagnostics}, {@code ms-diagnostics} or {@code ms-diagnostics-public}
 * @param reason the documented reason text exactly as the source gives it, or null when no source gives one
 * @param meaning what it means and what typically causes it, in our words; null when the reason says all
 *     a source supports
 * @param family remediation family referenced by rules, or null
 * @param severity {@code failure}, {@code warning} or {@code info}: what the ID means by itself
 * @param releases the [MS-OCER] tables that list it: {@code current} (section 7) and/or {@code earlier}
 *     (section 8); empty for an ID no such table lists
 * @param carriedIn {@code request}, {@code response} or {@code request or response}, as the table says;
 *     null when no table says
 */
public record CodeEntry(
        String header,
        int code,
        String reason,
        String meaning,
        String family,
        String severity,
        List<String> releases,
        String carriedIn,
        List<String> sources,
        Confidence confidence)
        implements Cited {
    public CodeEntry {
        releases = releases == null ? List.of() : List.copyOf(releases);
        sources = List.copyOf(sources);
    }

    @Override
    public String describe() {
        return header + " " + code + (releases.isEmpty() ? "" : " (" + String.join(", ", releases) + ")");
    }
}
