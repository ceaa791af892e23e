package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/**
 * One row of {@code unhandledByClient} in {@code codes.json}: server diagnostic IDs a client does not map to
 * a message of its own, so its user sees a generic error string ([MS-OCER] 9.3.2).
 *
 * @param client the client versions the list is about
 * @param ids the IDs, ascending and without repeats
 */
public record UnhandledIds(String client, List<Integer> ids, List<String> sources, Confidence confidence)
        implements Cited {
    public UnhandledIds {
        ids = List.copyOf(ids);
        sources = List.copyOf(sources);
    }

    @Override
    public String describe() {
        return "IDs not handled by " + client;
    }
}
