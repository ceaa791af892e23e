package io.icewarn.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.config.Settings;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.features.decode.DecodeService;
import io.icewarn.bot.reply.ReplyBuilder;
import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.Decoder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class RouterTest {
    private JdaTester tester = new JdaTester();

    @AfterEach
    void everyMessageIsSafe() {
        tester.assertAllSafe();
    }

    private static SlashCommand command(String name, Runnable body) {
        SlashCommandData data = Commands.slash(name, "test");
        return new SlashCommand() {
            @Override
            public SlashCommandData data() {
                return data;
            }

            @Override
            public void onSlashCommand(SlashCommandInteractionEvent event) {
                body.run();
            }
        };
    }

    @Test
    void duplicateNamesFailAtStartUp() {
        // GIVEN two commands named alike
        Features features = new Features(
                List.of(command("icewarn", () -> {}), command("icewarn", () -> {})),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        // WHEN the router is built THEN it refuses
        assertThatThrownBy(() -> new Router(features, Work.direct(), BotMetrics.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("icewarn");
    }

    @Test
    void theRealFeaturesRegisterTwoSlashCommandsAndOneContextCommand() {
        assertThat(tester.router.commandData())
                .extracting(c -> c.getName())
                .containsExactly("icewarn", "icewarn-admin", "Decode diagnostic");
    }

    @Test
    void aFailingHandlerAnswersPlainlyAndPrivately() {
        // GIVEN a command that throws
        Router router = new Router(
                new Features(
                        List.of(command("icewarn", () -> {
                            throw new IllegalStateException("secret internals at line 42");
                        })),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()),
                Work.direct(),
                BotMetrics.NONE);

        // WHEN it is invoked
        router.onSlashCommandInteraction(tester.slash("decode", Map.of()));

        // THEN the user gets one private plain sentence, no stack trace
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).ephemeral).isTrue();
        assertThat(tester.sent.get(0).data.getContent())
                .isEqualTo(Router.FAILED)
                .doesNotContain("Exception");
    }

    @Test
    void whileShuttingDownNewCommandsAreRefused() throws InterruptedException {
        // GIVEN shutdown has begun
        tester.ctx.work().shutdown(Duration.ZERO);

        // WHEN a command comes in
        tester.router.onSlashCommandInteraction(tester.slash("flag", Map.of("value", "0x1")));

        // THEN it is told privately to retry later
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).data.getContent()).isEqualTo(Router.STOPPING);
    }

    @Test
    void concurrencyLimitReachedTellsTheUserToRetry() throws Exception {
        // GIVEN one decode slot, taken by a decode that blocks
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Decoder decoder = Decoder.standard();
        tester = new JdaTester(
                new JdaTester.SettingsBuilder(),
                (Settings s) -> new Services(
                        s,
                        decoder,
                        new DecodeService(
                                text -> {
                                    if (text.startsWith("BLOCK")) {
                                        started.countDown();
                                        try {
                                            release.await(10, TimeUnit.SECONDS);
                                        } catch (InterruptedException e) {
                                            Thread.currentThread().interrupt();
                                        }
                                        return new DecodeResult(List.of(), List.of());
                                    }
                                    return decoder.decode(text);
                                },
                                100,
                                Duration.ofMinutes(1),
                                1),
                        new ReplyBuilder(decoder::source, false)));
        Thread blocker = new Thread(() -> tester.services.decodeService().decode("BLOCK"));
        blocker.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            // WHEN a diagnostic arrives, and a command is used
            tester.router.onMessageReceived(tester.received(tester.message(Fixtures.SEED_24)));
            tester.router.onSlashCommandInteraction(tester.slash("decode", Map.of("text", Fixtures.SERVER_1008)));
        } finally {
            release.countDown();
            blocker.join();
        }

        // THEN both are told to retry shortly
        assertThat(tester.sent).hasSize(2);
        assertThat(tester.sent.get(0).text()).contains("try again in a few seconds");
        assertThat(tester.sent.get(1).ephemeral).isTrue();
        assertThat(tester.sent.get(1).data.getContent()).contains("try again in a few seconds");
    }
}
