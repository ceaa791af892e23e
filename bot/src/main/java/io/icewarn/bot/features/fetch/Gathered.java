package io.icewarn.bot.features.fetch;

import java.util.List;
import java.util.Objects;

/**
 * Everything readable in one message: its text followed by the text of its attachments and paste links.
 *
 * @param text the message text and the files' text, each file under a {@code ----- name -----} line
 * @param notes one sentence per file that was too large, binary or unreadable (for the user)
 * @param filesRead how many files contributed text
 */
public record Gathered(String text, List<String> notes, int filesRead) {
    public Gathered {
        Objects.requireNonNull(text, "text");
        notes = List.copyOf(notes);
    }
}
