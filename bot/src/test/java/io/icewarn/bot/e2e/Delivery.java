package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.util.List;

/** Exactly-once checks over what the simulator recorded and stored for the answer to one paste. */
final class Delivery {
    private Delivery() {}

    /**
     * Asserts that {@code message} was answered exactly once: one thread started on it, every message of the
     * answer stored once in that thread (a retried request may be recorded twice, the message not), the buttons
     * on the last message only. Returns the answer's successful posts in
     * the order they arrived.
     */
    static List<RestCall> assertAnsweredOnce(SimulatedDiscord discord, long message) {
        String what = "the answer to message " + Long.toUnsignedString(message);
        assertThat(discord.recorder().rest(Calls.threadOn(message).and(RestCall::ok)))
                .as(what + ": threads started")
                .hasSize(1);
        List<RestCall> posts = discord.recorder().rest(Calls.postIn(message).and(RestCall::ok));
        List<String> ids =
                posts.stream().map(c -> c.responseJson().path("id").asText()).toList();
        assertThat(ids).as(what + ": messages posted").isNotEmpty().doesNotHaveDuplicates();
        List<Long> stored = discord.world().messagesBy(discord.world().botUserId(), message);
        assertThat(stored).as(what + ": messages stored in its thread").hasSameSizeAs(ids);
        assertThat(posts.stream().filter(c -> !c.json().path("components").isEmpty()))
                .as(what + ": messages with buttons")
                .containsExactly(posts.get(posts.size() - 1));
        return posts;
    }
}
