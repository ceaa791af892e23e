package io.icewarn.bot.e2e.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The simulator's message rules: each limit at its edge, the error path and the 50035 body. */
final class MessageRulesTest {

    private static ObjectNode embed(String field, int length) {
        ObjectNode body = Json.object();
        body.putArray("embeds").addObject().put(field, "x".repeat(length));
        return body;
    }

    private static String pathOf(JsonNode body, boolean create) {
        return MessageRules.check(body, 0, create)
                .map(MessageRules.Violation::path)
                .orElse(null);
    }

    @Test
    void content_upTo2000() {
        assertThat(pathOf(Json.object().put("content", "x".repeat(2000)), true)).isNull();
        assertThat(pathOf(Json.object().put("content", "x".repeat(2001)), true)).isEqualTo("content");
    }

    @Test
    void embedFields_atTheirLimits() {
        assertThat(pathOf(embed("title", 256), true)).isNull();
        assertThat(pathOf(embed("title", 257), true)).isEqualTo("embeds.0.title");
        assertThat(pathOf(embed("description", 4097), true)).isEqualTo("embeds.0.description");
        ObjectNode footer = Json.object();
        footer.putArray("embeds").addObject().putObject("footer").put("text", "x".repeat(2049));
        assertThat(pathOf(footer, true)).isEqualTo("embeds.0.footer.text");
    }

    @Test
    void embeds_6000AcrossAll() {
        ObjectNode body = Json.object();
        ArrayNode embeds = body.putArray("embeds");
        for (int i = 0; i < 2; i++) {
            embeds.addObject().put("description", "x".repeat(3001));
        }
        assertThat(pathOf(body, true)).isEqualTo("embeds");
    }

    @Test
    void buttons_fivePerRowUniqueIds() {
        ObjectNode body = Json.object().put("content", "a");
        ArrayNode row = body.putArray("components").addObject().put("type", 1).putArray("components");
        for (int i = 0; i < 5; i++) {
            row.addObject()
                    .put("type", 2)
                    .put("style", 1)
                    .put("custom_id", "b" + i)
                    .put("label", "L");
        }
        assertThat(pathOf(body, true)).isNull();
        row.addObject().put("type", 2).put("style", 1).put("custom_id", "b9");
        assertThat(pathOf(body, true)).isEqualTo("components.0.components");
        row.remove(5);
        ((ObjectNode) row.get(4)).put("custom_id", "b0");
        assertThat(pathOf(body, true)).isEqualTo("components.0.components.4.custom_id");
        ((ObjectNode) row.get(4)).put("custom_id", "x".repeat(101));
        assertThat(pathOf(body, true)).isEqualTo("components.0.components.4.custom_id");
        ((ObjectNode) row.get(4)).put("custom_id", "b4").put("label", "x".repeat(81));
        assertThat(pathOf(body, true)).isEqualTo("components.0.components.4.label");
    }

    @Test
    void emptyMessage_refusedOnCreateOnly() {
        assertThat(MessageRules.check(Json.object(), 0, true)).isPresent();
        assertThat(MessageRules.check(Json.object(), 1, true)).isEmpty(); // a file alone is a message
        assertThat(MessageRules.check(Json.object(), 0, false)).isEmpty();
    }

    @Test
    void invalidFormBody_nestsTheErrorsByPath() {
        JsonNode out = MessageRules.invalidFormBody(
                MessageRules.check(embed("title", 300), 0, true).orElseThrow());
        assertThat(out.path("code").asInt()).isEqualTo(50035);
        assertThat(out.at("/errors/embeds/0/title/_errors/0/code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");
    }
}
