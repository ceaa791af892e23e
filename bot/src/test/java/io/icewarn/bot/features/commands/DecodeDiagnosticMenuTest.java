package io.icewarn.bot.features.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.discord.JdaTester;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class DecodeDiagnosticMenuTest {
    private final JdaTester tester = new JdaTester();

    @AfterEach
    void everyMessageIsSafe() {
        tester.assertAllSafe();
    }

    @Test
    void decodesTheTargetMessageAndItsAttachments() {
        // GIVEN a message whose diagnostic is only in an attachment
        var target = tester.message(
                "see attached",
                tester.attachment("c.txt", "text/plain", Fixtures.SERVER_1008.getBytes(StandardCharsets.UTF_8)));

        // WHEN "Decode diagnostic" is used on it
        tester.router.onMessageContextInteraction(tester.contextMenu(target));

        // THEN the reply was deferred and the breakdown sent, with raw/ticket buttons pointing at the target
        assertThat(tester.deferred).containsExactly("public");
        assertThat(tester.sent).isNotEmpty().allMatch(s -> s.via.equals("followup"));
        assertThat(tester.sent.get(0).text()).contains("1008");
        String ids =
                tester.sent.get(tester.sent.size() - 1).data.getComponents().toString();
        assertThat(ids).contains("iw:raw:" + JdaTester.CHANNEL_ID + ":" + target.getIdLong());
    }

    @Test
    void answersEvenWhenNothingIsFound() {
        // GIVEN a message without a diagnostic
        var target = tester.message("lunch?");

        // WHEN "Decode diagnostic" is used on it
        tester.router.onMessageContextInteraction(tester.contextMenu(target));

        // THEN it says nothing was found and what to paste
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).text()).contains("No Lync / Skype for Business diagnostic found");
    }
}
