package io.icewarn.decoder;

import io.icewarn.decoder.model.IceWarn;
import java.util.List;
import java.util.Optional;

/**
 * An ICEWarn value decomposed into its bits.
 *
 * @param value the value
 * @param flags the meaning of every set bit the knowledge base knows, lowest bit first
 * @param unknownBits set bits no source defines, lowest first; never dropped
 * @param note a remark on how the value was read (e.g. decimal assumed), if any
 */
public record IceWarnExplanation(
        IceWarn value, List<FlagMeaning> flags, List<Long> unknownBits, Optional<String> note) {
    public IceWarnExplanation {
        flags = List.copyOf(flags);
        unknownBits = List.copyOf(unknownBits);
    }

    /** Returns true when every set bit is known and expected or informational. */
    public boolean onlyBenign() {
        return unknownBits.isEmpty() && flags.stream().allMatch(FlagMeaning::expected);
    }
}
