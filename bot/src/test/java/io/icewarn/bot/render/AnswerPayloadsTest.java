package io.icewarn.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icewarn.bot.Golden;
import io.icewarn.bot.render.discord.DiscordLimitValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Discord payloads (the JSON bodies the bot sends) of the automatic answer to every sample and corpus paste
 * and to the 11-diagnostic log, compared with golden files under {@code golden/payloads/}; rewritten only with
 * {@code -Dgolden.update=true}, so every change to what people see shows up as a diff to review.
 */
final class AnswerPayloadsTest {
    /** Writes object keys sorted, so a golden file does not depend on the order JDA builds a body in. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final AnswerMeasure ANSWERS = new AnswerMeasure();

    static Stream<Path> pastes() {
        return AnswerPastes.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastes")
    void theAnswerPayloadsMatchTheGoldenFile(Path paste) throws Exception {
        String text = AnswerPastes.read(paste);
        if (ANSWERS.full(text).kind() != io.icewarn.bot.reply.Reply.Kind.DIAGNOSTICS) {
            return; // no diagnostic: the bot stays silent, nothing is posted
        }
        List<MessageCreateData> messages = ANSWERS.threadAnswer(text);
        assertThat(DiscordLimitValidator.violations(messages)).isEmpty();
        List<Object> bodies = new java.util.ArrayList<>();
        for (MessageCreateData m : messages) {
            JsonNode body = JSON.readTree(m.toData().toString());
            bodies.add(JSON.treeToValue(body, Object.class));
        }
        String name = paste.getFileName().toString().replaceFirst("\\.txt$", ".json");
        Golden.assertMatches(
                "payloads/" + name, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bodies) + "\n");
    }
}
