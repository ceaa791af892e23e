package io.icewarn.bot.features.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.discord.JdaTester;
import io.icewarn.bot.discord.JdaTester.SettingsBuilder;
import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class IcewarnCommandTest {
    private JdaTester tester = new JdaTester();

    @AfterEach
    void everyMessageIsSafe() {
        tester.assertAllSafe();
    }

    @Test
    void decodeAnswersWithTheBreakdown() {
        // GIVEN /icewarn decode with a paste
        var event = tester.slash("decode", Map.of("text", Fixtures.SEED_24));

        // WHEN it runs
        tester.router.onSlashCommandInteraction(event);

        // THEN the reply is private (the default for decode, whatever the server's setting) and is the short
        // answer, with the buttons of the automatic answer but no Delete (its reader can dismiss it)
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).via).isEqualTo("interaction");
        assertThat(tester.sent.get(0).ephemeral).isTrue();
        assertThat(tester.sent.get(0).text()).contains("ICEWarn 0x320").contains("1. ");
        String components = tester.sent.get(0).data.getComponents().toString();
        assertThat(components).contains("iw:full:t:", "iw:raw:t:", "iw:tkt:t:", "iw:fb:y:", "iw:fb:n:");
        assertThat(components).doesNotContain("iw:del:");
        assertThat(tester.deferred).isEmpty();
    }

    @Test
    void privateFalsePostsTheDecodeInTheChannelWithDelete() {
        // GIVEN /icewarn decode private:false
        tester.router.onSlashCommandInteraction(
                tester.slash("decode", Map.of("text", Fixtures.SEED_24, "private", false)));

        // THEN the answer is public and its author may delete it
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).ephemeral).isFalse();
        assertThat(tester.sent.get(0).data.getComponents().toString()).contains("iw:del:" + JdaTester.USER_ID);
    }

    @Test
    void theButtonsOfADecodeAnswerFindThePasteAgain() {
        // GIVEN a /icewarn decode answer
        tester.router.onSlashCommandInteraction(tester.slash("decode", Map.of("text", Fixtures.SEED_24)));
        String components = tester.sent.get(0).data.getComponents().toString();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("iw:full:t:[a-z2-9]+").matcher(components);
        assertThat(m.find()).isTrue();
        String fullId = m.group();

        // WHEN its Full checklist is clicked
        tester.router.onButtonInteraction(
                tester.button(fullId, tester.sent.get(0).messageId, tester.user(JdaTester.USER_ID), null));

        // THEN the rest of the checklist comes privately
        assertThat(tester.sent).hasSize(2);
        assertThat(tester.sent.get(1).ephemeral).isTrue();
        assertThat(tester.sent.get(1).text()).contains("Full checklist").contains("4. ");
    }

    @Test
    void privateOptionMakesTheAnswerEphemeral() {
        // GIVEN /icewarn decode private:true
        var event = tester.slash("decode", Map.of("text", Fixtures.SEED_24, "private", true));

        // WHEN it runs
        tester.router.onSlashCommandInteraction(event);

        // THEN every message of the answer is ephemeral
        assertThat(tester.sent).isNotEmpty().allMatch(s -> Boolean.TRUE.equals(s.ephemeral));
    }

    @Test
    void privateDefaultComesFromTheSettings() {
        // GIVEN private replies by default
        SettingsBuilder s = new SettingsBuilder();
        s.privateReplies = true;
        tester = new JdaTester(s);

        // WHEN /icewarn flag runs without the option
        tester.router.onSlashCommandInteraction(tester.slash("flag", Map.of("value", "0x320")));

        // THEN the answer is ephemeral
        assertThat(tester.sent).isNotEmpty().allMatch(x -> Boolean.TRUE.equals(x.ephemeral));
    }

    @Test
    void longInputIsDeferredThenSentAsFollowUps() {
        // GIVEN a paste longer than the deferral threshold
        String text = Fixtures.SEED_24 + "\n" + "x".repeat(IcewarnCommand.DEFER_CHARS);

        // WHEN /icewarn decode runs
        tester.router.onSlashCommandInteraction(tester.slash("decode", Map.of("text", text)));

        // THEN the reply was deferred (privately, the default) and the answer came as follow-ups
        assertThat(tester.deferred).containsExactly("ephemeral");
        assertThat(tester.sent).isNotEmpty().allMatch(s -> s.via.equals("followup"));
    }

    @Test
    void aShortPasteWithSipMessagesIsDeferredAndAnsweredWithThePictureOfItsCall() throws Exception {
        // GIVEN a short paste (under the deferral threshold) holding a SIP dialog of two messages
        String text = java.nio.file.Files.readString(java.nio.file.Path.of(IcewarnCommandTest.class
                .getResource("/flow/06-chat-bye-51004.txt")
                .toURI()));
        assertThat(text.length()).isLessThan(IcewarnCommand.DEFER_CHARS);

        // WHEN /icewarn decode runs
        tester.router.onSlashCommandInteraction(tester.slash("decode", Map.of("text", text)));

        // THEN it deferred first (drawing the picture may take a while: never on JDA's thread) and the answer
        // carries the picture
        assertThat(tester.deferred).containsExactly("ephemeral");
        assertThat(tester.sent.get(0).data.getFiles())
                .extracting(net.dv8tion.jda.api.utils.FileUpload::getName)
                .containsExactly(io.icewarn.bot.features.answer.CallPictures.FILE_NAME);
    }

    @Test
    void decodeWithoutDiagnosticSaysWhatToPaste() {
        // WHEN /icewarn decode gets text without a diagnostic
        tester.router.onSlashCommandInteraction(tester.slash("decode", Map.of("text", "hello")));

        // THEN it answers anyway, with the hint
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).text())
                .contains("No Lync / Skype for Business diagnostic found")
                .contains("ms-client-diagnostics");
    }

    @Test
    void flagExplainsBits() {
        // WHEN /icewarn flag value:320 (hex without 0x)
        tester.router.onSlashCommandInteraction(tester.slash("flag", Map.of("value", "0x320")));

        // THEN the bits are explained
        assertThat(tester.sent).isNotEmpty();
        assertThat(tester.sent.get(0).text()).contains("0x320");
    }

    @Test
    void badFlagIsAPlainPrivateError() {
        // WHEN /icewarn flag gets garbage
        tester.router.onSlashCommandInteraction(tester.slash("flag", Map.of("value", "banana")));

        // THEN a private, plain-spoken error
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).ephemeral).isTrue();
        assertThat(tester.sent.get(0).data.getContent())
                .contains("not an ICEWarn value")
                .doesNotContain("Exception");
    }

    @Test
    void codeExplainsAnId() {
        // WHEN /icewarn code code:1008 header:ms-diagnostics
        tester.router.onSlashCommandInteraction(
                tester.slash("code", Map.of("code", 1008L, "header", "ms-diagnostics")));

        // THEN the ID is explained
        assertThat(tester.sent).isNotEmpty();
        assertThat(tester.sent.get(0).text()).contains("1008");
    }

    @Test
    void autocompleteOffersAtMost25KnownIdsByPrefix() {
        // WHEN the user has typed nothing, then "10"
        tester.router.onCommandAutoCompleteInteraction(tester.autoComplete(""));
        tester.router.onCommandAutoCompleteInteraction(tester.autoComplete("10"));

        // THEN at most 25 choices, and the filtered ones all start with 10
        assertThat(tester.choices.get(0)).isNotEmpty().hasSizeLessThanOrEqualTo(OptionData.MAX_CHOICES);
        assertThat(tester.choices.get(1))
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(OptionData.MAX_CHOICES)
                .allMatch(c -> String.valueOf(c.getAsLong()).startsWith("10")
                        || c.getName().toLowerCase().contains("10"));
        assertThat(tester.choices.get(1)).extracting(Command.Choice::getName).allMatch(n -> n.length() <= 100);
    }

    @Test
    void cooldownAnswersSlowDownPrivately() {
        // GIVEN a 20 s cooldown and a first command
        SettingsBuilder s = new SettingsBuilder();
        s.cooldown = Duration.ofSeconds(20);
        tester = new JdaTester(s);
        tester.router.onSlashCommandInteraction(tester.slash("flag", Map.of("value", "0x320")));
        int first = tester.sent.size();

        // WHEN the same user runs another 5 s later
        tester.advance(Duration.ofSeconds(5));
        tester.router.onSlashCommandInteraction(tester.slash("flag", Map.of("value", "0x1")));

        // THEN a private "slow down, try again in 15s"
        assertThat(tester.sent).hasSize(first + 1);
        assertThat(tester.sent.get(first).ephemeral).isTrue();
        assertThat(tester.sent.get(first).data.getContent()).isEqualTo("Slow down: try again in 15s.");
    }

    @Test
    void decodeFetchesPasteLinksAfterDeferring() {
        // GIVEN a paste link in the decode text
        tester.files.put(
                "https://paste.ee/r/AbC12", Fixtures.SERVER_1008.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // WHEN /icewarn decode runs
        tester.router.onSlashCommandInteraction(
                tester.slash("decode", Map.of("text", "https://paste.ee/p/AbC12", "private", true)));

        // THEN it deferred privately, fetched the raw paste and answered with its diagnostic
        assertThat(tester.deferred).containsExactly("ephemeral");
        assertThat(tester.fetched).containsExactly("https://paste.ee/r/AbC12");
        assertThat(tester.sent.get(0).text()).contains("1008");
    }

    @Test
    void aFlagValueOverThirtyTwoBitsIsToldSoPrecisely() {
        // WHEN /icewarn flag gets a value of 33 bits
        tester.router.onSlashCommandInteraction(tester.slash("flag", Map.of("value", "0x100000000")));

        // THEN one private sentence says it is over 32 bits
        assertThat(tester.sent).singleElement().satisfies(s -> {
            assertThat(s.ephemeral).isTrue();
            assertThat(s.data.getContent()).contains("over 32 bits").contains("0xffffffff");
        });
    }
}
