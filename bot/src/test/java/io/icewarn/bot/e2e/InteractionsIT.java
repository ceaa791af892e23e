package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icewarn.bot.e2e.launch.InProcessSession;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimInteraction;
import io.icewarn.bot.e2e.sim.SimOptions;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import io.icewarn.bot.e2e.sim.World;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 4: {@code /icewarn decode}, {@code flag} and {@code code}, autocomplete, the message context
 * menu and a button, each as a real INTERACTION_CREATE with a fresh token, answered through the interaction
 * callback (deferred where the command defers) and webhook follow-ups, once each, without mentions.
 */
final class InteractionsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CHANNEL_MESSAGE = 4, DEFERRED = 5, AUTOCOMPLETE_RESULT = 8, EPHEMERAL = 64;

    @TempDir
    static Path dir;

    static InProcessSession session;
    static SimulatedDiscord discord;
    static World w;

    @BeforeAll
    static void start() {
        session = InProcessSession.start(SimOptions.defaults(), dir, WAIT, (sim, env) -> {
            // automatic answers only in channel 0, so a context-menu target in channel 1 is answered by the menu alone
            env.put(
                    "ICEWARN_ALLOWED_CHANNELS",
                    Long.toUnsignedString(sim.world().channel(0)));
        });
        discord = session.discord();
        w = discord.world();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    private static RestCall callback(SimInteraction i) {
        return discord.recorder().awaitRest(i::isCallback, WAIT);
    }

    /** Asserts {@code i} was acknowledged exactly once, successfully, and every request it made allows no mention. */
    private static void answeredOnce(SimInteraction i) {
        assertThat(discord.recorder().rest(i::isCallback)).hasSize(1).allMatch(RestCall::ok);
        for (RestCall c : discord.recorder().rest(i::isWebhook)) {
            assertThat(c.ok()).as(c.toString()).isTrue();
            assertThat(WirePayloads.violations(c.json())).as(c.toString()).isEmpty();
        }
    }

    @AfterEach
    void noRequestRefused() {
        discord.assertNoRejectedOrInvalid();
    }

    @Test
    void decodeOfAShortPasteIsAnsweredInTheCallback() {
        SimInteraction i = discord.slashCommand(
                w.channel(0), w.human(0), "icewarn", "decode", Map.of("text", Pastes.read(Pastes.SEED)));
        RestCall cb = callback(i);
        assertThat(cb.json().path("type").asInt()).isEqualTo(CHANNEL_MESSAGE);
        JsonNode data = cb.json().path("data");
        assertThat(WirePayloads.violations(data)).isEmpty();
        // private by default, with the buttons of the automatic answer (no Delete: its reader dismisses it)
        assertThat(data.path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        assertThat(data.toString()).contains("24").containsIgnoringCase("0x320");
        assertThat(data.path("components").toString())
                .contains("iw:full:t:")
                .contains("iw:tkt:t:")
                .doesNotContain("iw:del:");
        answeredOnce(i);
    }

    @Test
    void decodeOfALongPasteIsDeferredThenAnsweredByFollowUp() {
        // GIVEN a paste over the command's 2,000-character defer threshold
        String text = Pastes.read(Pastes.KB_23) + "\n" + "x".repeat(2100);
        SimInteraction i = discord.slashCommand(
                w.channel(0), w.human(1), "icewarn", "decode", Map.of("text", text, "private", true));
        // THEN first a deferral (private, as asked), then the answer through the interaction's webhook
        RestCall cb = callback(i);
        assertThat(cb.json().path("type").asInt()).isEqualTo(DEFERRED);
        assertThat(cb.json().path("data").path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        RestCall followUp = discord.recorder().awaitRest(i::isWebhook, WAIT);
        assertThat(followUp.seq()).isGreaterThan(cb.seq());
        assertThat(followUp.route()).isEqualTo("POST webhooks/{id}/{token}");
        assertThat(followUp.segment(1)).isEqualTo(Long.toUnsignedString(w.applicationId()));
        assertThat(followUp.json().path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        assertThat(followUp.json().toString()).contains("23");
        answeredOnce(i);
    }

    @Test
    void flagExplainsTheBitsAndABadValueGetsAPrivateOneLiner() {
        SimInteraction good =
                discord.slashCommand(w.channel(0), w.human(0), "icewarn", "flag", Map.of("value", "0x320"));
        RestCall cb = callback(good);
        assertThat(cb.json().path("type").asInt()).isEqualTo(CHANNEL_MESSAGE);
        assertThat(WirePayloads.violations(cb.json().path("data"))).isEmpty();
        assertThat(cb.json().path("data").toString())
                .contains("0x20")
                .contains("0x100")
                .contains("0x200");
        answeredOnce(good);

        SimInteraction bad =
                discord.slashCommand(w.channel(0), w.human(0), "icewarn", "flag", Map.of("value", "@everyone"));
        JsonNode data = callback(bad).json().path("data");
        assertThat(data.path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        assertThat(data.path("content").asText())
                .startsWith("That is not an ICEWarn value")
                .doesNotContain("\n");
        assertThat(WirePayloads.violations(data)).isEmpty();
        answeredOnce(bad);
    }

    @Test
    void codeExplainsADiagnosticId() {
        SimInteraction i = discord.slashCommand(
                w.channel(0), w.human(2), "icewarn", "code", Map.of("code", 1008L, "header", "ms-diagnostics"));
        RestCall cb = callback(i);
        assertThat(cb.json().path("type").asInt()).isEqualTo(CHANNEL_MESSAGE);
        assertThat(WirePayloads.violations(cb.json().path("data"))).isEmpty();
        assertThat(cb.json().path("data").toString()).contains("1008");
        answeredOnce(i);
    }

    @Test
    void autocompleteOffersKnownCodesStartingWithWhatWasTyped() {
        SimInteraction i = discord.autocomplete(w.channel(0), w.human(0), "icewarn", "code", "code", "10", 4);
        RestCall cb = callback(i);
        assertThat(cb.json().path("type").asInt()).isEqualTo(AUTOCOMPLETE_RESULT);
        JsonNode choices = cb.json().path("data").path("choices");
        assertThat(choices.size()).isBetween(1, 25);
        choices.forEach(c -> assertThat(c.path("name").asText()).hasSizeLessThanOrEqualTo(100));
        assertThat(choices.get(0).path("value").asText()).startsWith("10");
        answeredOnce(i);
    }

    @Test
    void theContextMenuDefersThenAnswersAndItsButtonsWork() {
        // GIVEN a paste in a channel without automatic answers
        long target = discord.post(w.channel(1), w.human(0), Pastes.read(Pastes.CODE_BLOCK));
        // WHEN a user picks "Decode diagnostic" on it
        SimInteraction i = discord.messageContextMenu(w.human(1), "Decode diagnostic", target);
        // THEN a deferral, then the answer as the deferred message, with buttons
        assertThat(callback(i).json().path("type").asInt()).isEqualTo(DEFERRED);
        RestCall answer = discord.recorder()
                .awaitRest(c -> i.isWebhook(c) && !c.json().path("components").isEmpty(), WAIT);
        assertThat(answer.json().toString()).containsIgnoringCase("0x80012b");
        answeredOnce(i);
        assertThat(discord.recorder().rest(Calls.postIn(w.channel(1)))).isEmpty();

        // WHEN the user presses "Show raw fields" on that answer
        long answerId = Long.parseUnsignedLong(answer.responseJson().path("id").asText());
        String raw = buttonIds(answer.json()).stream()
                .filter(id -> id.contains(":raw:"))
                .findFirst()
                .orElseThrow();
        SimInteraction press = discord.button(w.human(1), raw, answerId);
        // THEN the press is answered once, without mentions
        RestCall pressed = callback(press);
        assertThat(pressed.json().path("type").asInt()).isIn(CHANNEL_MESSAGE, DEFERRED);
        answeredOnce(press);
        assertThat(discord.unknownRoutes()).isEmpty();
    }

    private static List<String> buttonIds(JsonNode message) {
        return message.path("components").findValuesAsText("custom_id");
    }
}
