package io.icewarn.bot.render;

import io.icewarn.bot.console.ConsoleRun;
import io.icewarn.bot.features.answer.CallPictures;
import io.icewarn.bot.features.buttons.AnswerSource;
import io.icewarn.bot.features.buttons.ButtonIds;
import io.icewarn.bot.features.decode.DecodeService;
import io.icewarn.bot.features.decode.DecodedText;
import io.icewarn.bot.render.discord.DiscordRenderer;
import io.icewarn.bot.render.discord.VisibleText;
import io.icewarn.bot.render.ladder.LadderPicture;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplyBuilder;
import io.icewarn.decoder.Decoder;
import io.icewarn.decoder.Severity;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Measures the answers to a paste as people see them: the automatic answer as the bot posts it (in a thread on
 * the paste, components on), the same in place (with the quote), and the piped console answer.
 */
final class AnswerMeasure {
    /** The IDs the measured answers are built with (they only shape component IDs). */
    static final long CHANNEL = 1_000_000_000_000_000_001L;

    static final long MESSAGE = 1_000_000_000_000_000_002L;
    static final long AUTHOR = 1_000_000_000_000_000_003L;

    /**
     * What one paste's answers measure.
     *
     * @param name the paste's file name
     * @param answered false when the bot stays silent (no diagnostic): nothing to measure in chat
     * @param informational true when every diagnostic is informational (a call that worked): no action is due
     * @param visible characters a Discord client shows of the answer in a thread (content and embeds)
     * @param firstAction where its line {@code 1.} starts, -1 when it has none
     * @param messages how many messages it takes
     * @param payload characters of its content and embeds as Discord counts them (Markdown and link addresses)
     * @param inPlaceVisible characters shown of the answer in place, which quotes the paste
     * @param inPlaceFirstAction where its line {@code 1.} starts
     * @param console characters of the piped console answer
     * @param consoleFirstAction where its line {@code 1.} starts, -1 when it has none
     */
    record Figures(
            String name,
            boolean answered,
            boolean informational,
            int visible,
            int firstAction,
            int messages,
            int payload,
            int inPlaceVisible,
            int inPlaceFirstAction,
            int console,
            int consoleFirstAction) {}

    private final Decoder decoder = Decoder.standard();
    private final ReplyBuilder replies = new ReplyBuilder(decoder::source, false);
    private final DiscordRenderer renderer = new DiscordRenderer();
    /** The pictures as the bot draws them, drawn at once on the calling thread. */
    private final CallPictures pictures = new CallPictures(
            decoder::flow, new LadderPicture()::png, Runnable::run, Duration.ofSeconds(60), Duration.ofMinutes(10));

    /** Returns the thread answer to {@code text} with its components, as the bot posts it. */
    List<MessageCreateData> threadAnswer(String text) {
        return answer(text, true);
    }

    /** Returns the full reply to {@code text}, as the ticket shows it: with the picture of the call, as in chat. */
    Reply full(String text) {
        DecodedText d = new DecodedText(DecodeService.normalise(text), decoder.decode(DecodeService.normalise(text)));
        Reply full = replies.decoded(d.text(), d.result());
        if (d.result().isEmpty()) {
            return full;
        }
        return pictures.picture(d.text(), false)
                .map(p -> replies.withAttachments(full, List.of(p)))
                .orElse(full);
    }

    private List<MessageCreateData> answer(String text, boolean inThread) {
        Reply shown = replies.answer(full(text));
        if (inThread) {
            shown = replies.withoutQuotes(shown);
        }
        return ButtonIds.withComponents(renderer.render(shown), shown, AnswerSource.message(CHANNEL, MESSAGE), AUTHOR);
    }

    Figures measure(String name, String text) {
        Reply full = full(text);
        boolean answered = full.kind() == Reply.Kind.DIAGNOSTICS;
        boolean informational = answered && full.sections().stream().allMatch(s -> s.severity() == Severity.INFO);
        String console = ConsoleRun.piped(decoder, text);
        int consoleFirst = lineStarting(console, "1. ");
        if (!answered) {
            return new Figures(
                    name, false, false, 0, -1, 0, 0, 0, -1, console.codePointCount(0, console.length()), consoleFirst);
        }
        List<MessageCreateData> thread = answer(text, true);
        List<MessageCreateData> inPlace = answer(text, false);
        String shown = VisibleText.of(thread);
        String shownInPlace = VisibleText.of(inPlace);
        int payload = 0;
        for (MessageCreateData m : thread) {
            payload += m.getContent().length();
            for (MessageEmbed e : m.getEmbeds()) {
                payload += e.getLength();
            }
        }
        return new Figures(
                name,
                true,
                informational,
                VisibleText.length(shown),
                VisibleText.firstAction(shown),
                thread.size(),
                payload,
                VisibleText.length(shownInPlace),
                VisibleText.firstAction(shownInPlace),
                console.codePointCount(0, console.length()),
                consoleFirst);
    }

    /** Returns the code-point position of the first line of {@code text} starting with {@code prefix}, or -1. */
    static int lineStarting(String text, String prefix) {
        int at = text.startsWith(prefix) ? 0 : text.indexOf("\n" + prefix);
        return at < 0 ? -1 : text.codePointCount(0, at == 0 ? 0 : at + 1);
    }
}
