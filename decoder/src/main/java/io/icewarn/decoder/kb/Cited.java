package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;

/** A knowledge-base entry that names its sources and confidence; the compliance test checks every one. */
public interface Cited {
    /** Returns the citation keys; never empty in a valid knowledge base. */
    List<String> sources();

    /** Returns how well the entry is backed. */
    Confidence confidence();

    /** Returns a short name of the entry for error messages. */
    String describe();
}
