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
     * on the first message only: posted with it when the answer is one message, else added by an edit after the
     * last one went out. Returns the answer's successful posts in the order they arrived.
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
        assertButtonsOnTheFirstWhenWhole(discord, message, posts, what);
        return posts;
    }

    /**
     * Asserts that the buttons of the answer made of {@code posts} in {@code channel} sit on its first message
     * only: on the post of a one-message answer, else added to the first message by an edit after the last post.
     */
    static void assertButtonsOnTheFirstWhenWhole(
            SimulatedDiscord discord, long channel, List<RestCall> posts, String what) {
        List<RestCall> withButtons = posts.stream()
                .filter(c -> !c.json().path("components").isEmpty())
                .toList();
        if (posts.size() == 1) {
            assertThat(withButtons).as(what + ": messages with buttons").containsExactly(posts.get(0));
            return;
        }
        assertThat(withButtons)
                .as(what + ": posts with buttons (they come by an edit)")
                .isEmpty();
        String first = posts.get(0).responseJson().path("id").asText();
        List<RestCall> buttons = discord.recorder()
                .rest(Calls.editIn(channel)
                        .and(RestCall::ok)
                        .and(c -> c.segment(3).equals(first)
                                && !c.json().path("components").isEmpty()));
        assertThat(buttons)
                .as(what + ": the edit adding the buttons to the first message")
                .hasSize(1);
        assertThat(buttons.get(0).seq())
                .isGreaterThan(posts.get(posts.size() - 1).seq());
    }
}
