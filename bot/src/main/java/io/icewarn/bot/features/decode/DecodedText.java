package io.icewarn.bot.features.decode;

import io.icewarn.decoder.DecodeResult;
import java.util.Objects;

/**
 * A decode result with the exact text it was decoded from; the result's spans are offsets into
 * {@code text}, which is the normalised form of what the user sent.
 *
 * @param text the normalised text
 * @param result what the decoder found in it
 */
public record DecodedText(String text, DecodeResult result) {
    public DecodedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(result, "result");
    }
}
