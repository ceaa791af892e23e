package io.icewarn.bot.console;

import io.icewarn.bot.ladder.LadderBuilder;
import io.icewarn.bot.render.ladder.TextLadderRenderer;
import io.icewarn.decoder.flow.CallFlow;
import io.icewarn.decoder.flow.Dialog;

/** What the console prints after a reply: the text ladder of each SIP dialog of two or more messages. */
public final class ConsoleLadders {
    private ConsoleLadders() {}

    /** Returns the ladders of the dialogs of {@code flow} that have two or more messages, blank-line separated; empty when none has. */
    public static String render(CallFlow flow, boolean redact) {
        LadderBuilder builder = new LadderBuilder(redact);
        TextLadderRenderer text = new TextLadderRenderer();
        StringBuilder b = new StringBuilder();
        for (Dialog d : flow.dialogs()) {
            if (d.messages().size() >= 2) {
                b.append(b.length() == 0 ? "" : "\n").append(text.render(builder.ladder(d)));
            }
        }
        return b.toString();
    }
}
