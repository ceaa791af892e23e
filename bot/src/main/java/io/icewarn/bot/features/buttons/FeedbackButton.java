package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.ButtonHandler;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.store.FeedbackRepository.Outcome;
import io.icewarn.bot.store.StoreException;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Fixed it" / "Didn't help" ({@code iw:fb:<y|n>:<ruleId>}): stored per rule and server, one vote per user
 * per answer; a second click changes the vote (or keeps it), never counts twice. {@code /icewarn-admin stats}
 * shows the tally.
 */
public final class FeedbackButton implements ButtonHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackButton.class);
    static final String THANKS = "Thanks, noted.";
    static final String ALREADY = "You already gave this feedback on this answer.";
    static final String CHANGED = "Changed your feedback on this answer.";
    static final String NOT_SAVED = "Sorry, I could not save your feedback right now; please try again later.";

    private final BotContext ctx;

    public FeedbackButton(BotContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String prefix() {
        return ButtonIds.FEEDBACK;
    }

    /**
     * Acknowledges privately first (deferred: the vote is a database write, which may take longer than
     * Discord's 3 seconds), then stores the vote on a work thread and says how it went.
     */
    @Override
    public void onButton(ButtonInteractionEvent event, List<String> args) {
        boolean helped = !args.isEmpty() && args.get(0).equals("y");
        String rule = args.size() < 2 ? "" : String.join(":", args.subList(1, args.size()));
        long guildId = event.getGuild() == null ? 0 : event.getGuild().getIdLong();
        event.deferReply(true)
                .queue(null, e -> LOG.warn("could not acknowledge a feedback click: {}", Outgoing.describe(e)));
        ctx.work().submit("feedback", () -> vote(event, guildId, rule, helped), Outgoing.failure(event, ctx.metrics()));
    }

    private void vote(ButtonInteractionEvent event, long guildId, String rule, boolean helped) {
        Outcome outcome;
        try {
            outcome = ctx.store()
                    .feedback()
                    .vote(guildId, event.getMessageIdLong(), event.getUser().getIdLong(), rule, helped);
        } catch (StoreException e) {
            LOG.warn("{}", e.getMessage());
            Outgoing.privately(event, NOT_SAVED, ctx.metrics());
            return;
        }
        if (outcome == Outcome.RECORDED) {
            ctx.metrics().feedback(rule, helped);
        }
        String text = outcome == Outcome.RECORDED ? THANKS : outcome == Outcome.CHANGED ? CHANGED : ALREADY;
        Outgoing.privately(event, text, ctx.metrics());
    }
}
