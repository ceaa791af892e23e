package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.ButtonHandler;
import io.icewarn.bot.discord.Outgoing;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** "Fixed it" / "Didn't help" ({@code iw:fb:<y|n>:<ruleId>}): counted per rule, one vote per user per answer. */
public final class FeedbackButton implements ButtonHandler {
    static final String THANKS = "Thanks, noted.";
    static final String ALREADY = "You already gave feedback on this answer.";

    private final BotContext ctx;
    private final FeedbackVotes votes;

    public FeedbackButton(BotContext ctx, FeedbackVotes votes) {
        this.ctx = ctx;
        this.votes = votes;
    }

    @Override
    public String prefix() {
        return ButtonIds.FEEDBACK;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, List<String> args) {
        if (!votes.tryVote(event.getMessageIdLong(), event.getUser().getIdLong())) {
            Outgoing.privately(event, ALREADY, ctx.metrics());
            return;
        }
        boolean helped = !args.isEmpty() && args.get(0).equals("y");
        String rule = args.size() < 2 ? "" : String.join(":", args.subList(1, args.size()));
        ctx.metrics().feedback(rule, helped);
        Outgoing.privately(event, THANKS, ctx.metrics());
    }
}
