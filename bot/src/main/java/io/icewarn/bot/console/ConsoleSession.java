package io.icewarn.bot.console;

import io.icewarn.bot.features.decode.DecodeService;
import io.icewarn.bot.features.decode.DecodedText;
import io.icewarn.bot.render.terminal.TerminalRenderer;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplyBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A local chat with the bot: reads messages (lines up to a blank line or end of input) and prints the
 * reply the bot would post, from the same {@link ReplyBuilder} and {@link DecodeService} as Discord,
 * laid out by the {@link TerminalRenderer}. Unlike chat, where a message with no diagnostic is ignored
 * unless the bot is asked, the console always answers. Not thread-safe; one per session.
 */
public final class ConsoleSession {
    static final String BANNER = "icewarn console: paste a message with a Lync / Skype for Business diagnostic.\n"
            + "A blank line sends it; Ctrl-D (end of input) quits.";

    private final BufferedReader in;
    private final PrintStream out;
    private final boolean interactive;
    private final DecodeService decodeService;
    private final ReplyBuilder replies;
    private final TerminalRenderer renderer;
    private final Function<String, String> ladders;

    /** Returns a session that prints no call-flow ladder; see the full constructor. */
    public ConsoleSession(
            BufferedReader in,
            PrintStream out,
            boolean interactive,
            DecodeService decodeService,
            ReplyBuilder replies,
            TerminalRenderer renderer) {
        this(in, out, interactive, decodeService, replies, renderer, text -> "");
    }

    /**
     * Returns a session.
     *
     * @param interactive whether a person is typing (shows the banner and a prompt); false for piped input
     * @param ladders the text ladders of the SIP dialogs of two or more messages in a message, printed after
     *     the reply; an empty string when it has none
     */
    public ConsoleSession(
            BufferedReader in,
            PrintStream out,
            boolean interactive,
            DecodeService decodeService,
            ReplyBuilder replies,
            TerminalRenderer renderer,
            Function<String, String> ladders) {
        this.ladders = Objects.requireNonNull(ladders, "ladders");
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.interactive = interactive;
        this.decodeService = Objects.requireNonNull(decodeService, "decodeService");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** Runs until end of input and returns the exit code: 0, or 1 when standard input failed. */
    public int run() {
        if (interactive) {
            out.println(BANNER);
            prompt();
        }
        List<String> message = new ArrayList<>();
        boolean answered = false;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    message.add(line);
                    continue;
                }
                if (!message.isEmpty()) {
                    answer(String.join("\n", message), answered);
                    answered = true;
                    message.clear();
                    prompt();
                }
            }
            if (!message.isEmpty()) {
                answer(String.join("\n", message), answered);
            }
            return 0;
        } catch (IOException e) {
            out.flush();
            return 1;
        } finally {
            out.flush();
        }
    }

    private void answer(String text, boolean separate) {
        DecodedText decoded = decodeService.decode(text);
        Reply reply = replies.decoded(decoded.text(), decoded.result());
        if (separate && !interactive) {
            out.println("----");
        }
        out.print(renderer.render(reply));
        String flow = ladders.apply(decoded.text());
        if (!flow.isEmpty()) {
            out.print("\nCall flow\n" + flow);
        }
        out.flush();
    }

    private void prompt() {
        if (interactive) {
            out.print("\n> ");
            out.flush();
        }
    }
}
