package io.icewarn.bot.features.commands;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.discord.SlashCommand;
import io.icewarn.bot.features.admin.GuildSettings;
import io.icewarn.bot.features.answer.Answer;
import io.icewarn.bot.features.answer.Answerer;
import io.icewarn.bot.features.answer.CallPictures;
import io.icewarn.bot.features.answer.RecentPastes;
import io.icewarn.bot.features.buttons.AnswerSource;
import io.icewarn.bot.features.buttons.ButtonIds;
import io.icewarn.bot.features.fetch.FileRef;
import io.icewarn.bot.features.fetch.Gathered;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplyBuilder;
import io.icewarn.bot.safety.Sanitizer;
import io.icewarn.decoder.CodeExplanation;
import io.icewarn.decoder.IceWarnExplanation;
import io.icewarn.decoder.model.IceWarn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * {@code /icewarn decode text:<paste>}, {@code /icewarn flag value:<ICEWarn>} and
 * {@code /icewarn code code:<id> [header]} (with autocomplete over the known IDs). Every subcommand has a
 * {@code private} option; {@code decode} answers privately unless it is false (the paste is the user's own
 * business until they share it), the others follow the server's setting. Errors are always private. The
 * decode answer is the short answer with the same buttons as the automatic one; they find the text again
 * through {@link RecentPastes}. Paste-site links in the decode text are fetched too. Long texts and links
 * are decoded after {@code deferReply}. Needs no intent.
 */
public final class IcewarnCommand implements SlashCommand {
    static final String NAME = "icewarn";
    static final String PRIVATE = "private";
    /** Texts longer than this are decoded after {@code deferReply}, as decoding may take over 3 seconds. */
    static final int DEFER_CHARS = 2000;

    private static final List<String> HEADERS = List.of(
            "ms-client-diagnostics", "ms-diagnostics", "ms-diagnostics-public", "teams-direct-routing", "Q.850", "SIP");

    private final BotContext ctx;
    private final RecentPastes pastes;
    private final SlashCommandData data;

    public IcewarnCommand(BotContext ctx, RecentPastes pastes) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.pastes = Objects.requireNonNull(pastes, "pastes");
        OptionData header =
                new OptionData(OptionType.STRING, "header", "Which header or Teams namespace the code is from");
        HEADERS.forEach(h -> header.addChoice(h, h));
        OptionData priv = new OptionData(OptionType.BOOLEAN, PRIVATE, "Only you see the answer");
        OptionData privDecode = new OptionData(
                OptionType.BOOLEAN, PRIVATE, "Only you see the answer (the default; False posts it in the channel)");
        this.data = Commands.slash(NAME, "Decode Lync / Skype for Business call-failure diagnostics")
                .addSubcommands(
                        new SubcommandData("decode", "Decode a pasted diagnostic header or log excerpt")
                                .addOptions(
                                        new OptionData(OptionType.STRING, "text", "The diagnostic text", true)
                                                .setMaxLength(6000),
                                        privDecode),
                        new SubcommandData("flag", "Explain an ICEWarn value bit by bit")
                                .addOptions(
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "value",
                                                        "ICEWarn value: hex (0x320 or 320) or decimal",
                                                        true)
                                                .setMaxLength(40),
                                        priv),
                        new SubcommandData("code", "Explain a diagnostic ID")
                                .addOptions(
                                        new OptionData(OptionType.INTEGER, "code", "The diagnostic ID", true)
                                                .setAutoComplete(true)
                                                .setRequiredRange(0, 999_999_999),
                                        header,
                                        priv));
    }

    @Override
    public SlashCommandData data() {
        return data;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        if (CommandCooldown.refused(ctx, event)) {
            return;
        }
        OptionMapping priv = event.getOption(PRIVATE);
        GuildSettings settings = ctx.guildSettings().forGuild(event.getGuild());
        boolean ephemeral = priv == null ? settings.privateReplies() : priv.getAsBoolean();
        String sub = Objects.requireNonNullElse(event.getSubcommandName(), "");
        switch (sub) {
            case "decode":
                decode(event, text(event, "text"), priv == null || priv.getAsBoolean(), settings.redact());
                return;
            case "flag":
                flag(event, text(event, "value"), ephemeral);
                return;
            case "code":
                code(event, ephemeral);
                return;
            default:
                Outgoing.privately(event, "Unknown subcommand; try /icewarn decode.", ctx.metrics());
        }
    }

    private static String text(SlashCommandInteractionEvent event, String name) {
        OptionMapping o = event.getOption(name);
        return o == null ? "" : o.getAsString();
    }

    private void decode(SlashCommandInteractionEvent event, String text, boolean ephemeral, boolean redact) {
        // a text with SIP messages may wait for the picture of its call: never on JDA's thread
        if (text.length() > DEFER_CHARS
                || CallPictures.mayHoldDialog(text)
                || !ctx.gatherer().links(text).isEmpty()) {
            event.deferReply(ephemeral).queue();
            ctx.work()
                    .submit(
                            "slash decode",
                            () -> answerDecode(event, text, ephemeral, redact),
                            Outgoing.failure(event, ctx.metrics()));
            return;
        }
        answerDecode(event, text, ephemeral, redact);
    }

    private void answerDecode(SlashCommandInteractionEvent event, String text, boolean ephemeral, boolean redact) {
        List<FileRef> links = ctx.gatherer().links(text);
        Gathered gathered = links.isEmpty()
                ? new Gathered(text, List.of(), 0)
                : ctx.gatherer().gather(text, links);
        Answer answer = ctx.answerer().answer(gathered, redact);
        if (answer.status() == Answer.Status.BUSY) {
            Outgoing.privately(event, Answerer.BUSY, ctx.metrics());
            return;
        }
        ReplyBuilder replies = ctx.services().replies(redact);
        Reply shown = replies.answer(answer.reply());
        AnswerSource source = answer.found()
                ? AnswerSource.token(pastes.remember(gathered.text()))
                : AnswerSource.message(0, 0); // nothing to show again: at most a Delete button
        List<MessageCreateData> messages = ButtonIds.withComponents(
                ctx.renderer().render(shown),
                shown,
                source,
                ephemeral ? 0 : event.getUser().getIdLong());
        Outgoing.respond(event, messages, ephemeral, ctx.metrics());
    }

    private void flag(SlashCommandInteractionEvent event, String value, boolean ephemeral) {
        Optional<IceWarnExplanation> e = ctx.services().decoder().explainIceWarn(value.strip());
        if (e.isEmpty()) {
            Outgoing.privately(
                    event,
                    "That is not an ICEWarn value: "
                            + Sanitizer.cleanLine(IceWarn.problem(value.strip())
                                    .orElse("give hex like 0x320 (or 320) or a decimal number like 800"))
                            + ".",
                    ctx.metrics());
            return;
        }
        reply(event, ctx.services().replies().iceWarn(e.get()), ephemeral);
    }

    private void code(SlashCommandInteractionEvent event, boolean ephemeral) {
        OptionMapping code = event.getOption("code");
        if (code == null) {
            Outgoing.privately(event, "Give the diagnostic ID, e.g. 24 or 1008.", ctx.metrics());
            return;
        }
        long id = code.getAsLong();
        if (id < 0 || id > Integer.MAX_VALUE) {
            Outgoing.privately(event, "A diagnostic ID is a whole number like 24 or 1008.", ctx.metrics());
            return;
        }
        String header = text(event, "header");
        CodeExplanation e = ctx.services().decoder().explainCode(header.isEmpty() ? null : header, (int) id);
        reply(event, ctx.services().replies().code(e), ephemeral);
    }

    private void reply(SlashCommandInteractionEvent event, Reply reply, boolean ephemeral) {
        Outgoing.respond(event, ctx.renderer().render(reply), ephemeral, ctx.metrics());
    }

    /** Offers up to 25 known IDs whose number starts with what was typed (or whose reason contains it). */
    @Override
    public void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().strip().toLowerCase(Locale.ROOT);
        List<Command.Choice> choices = new ArrayList<>();
        for (CodeExplanation c : ctx.services().decoder().knownCodes()) {
            if (choices.size() >= OptionData.MAX_CHOICES) {
                break;
            }
            String number = String.valueOf(c.code());
            String reason = c.reason().orElse("");
            if (typed.isEmpty()
                    || number.startsWith(typed)
                    || reason.toLowerCase(Locale.ROOT).contains(typed)) {
                String name = number + " " + c.header() + (reason.isEmpty() ? "" : " — " + reason);
                choices.add(new Command.Choice(name.length() > 100 ? name.substring(0, 99) + "…" : name, c.code()));
            }
        }
        event.replyChoices(choices).queue();
    }
}
