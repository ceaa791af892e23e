package io.icewarn.bot.console;

import io.icewarn.bot.features.decode.DecodeService;
import io.icewarn.bot.features.decode.DecodedText;
import io.icewarn.bot.render.markdown.TicketRenderer;
import io.icewarn.bot.render.terminal.TerminalRenderer;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplyBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local chat with the bot: reads a paste and prints the short answer the bot would post, from the same
 * {@link ReplyBuilder} and {@link DecodeService} as Discord, laid out by the {@link TerminalRenderer}; after an
 * answer (and the ladder of its SIP dialogs, when it has some), {@code more} prints the full checklist,
 * {@code raw} the fields, {@code ticket} the Markdown and {@code show N} one diagnostic of several. Unlike chat, where a message with no diagnostic is ignored unless
 * the bot is asked, the console always answers.
 *
 * <p>When a person types (interactive), a paste ends at an empty line; when it looks like SIP (a start line
 * or SIP headers), which has an empty line between headers and body, at two empty lines in a row; in either
 * case also at Ctrl-D, and an empty line that arrives while more of a paste is already waiting does not end
 * it. An empty line on its own shows the prompt again. Piped standard input is one paste, answered once at
 * its end. Not thread-safe; one per session.
 */
public final class ConsoleSession {
    static final String BANNER = "icewarn console: paste a message with a Lync / Skype for Business diagnostic.\n"
            + "An empty line sends it (two in a row for a SIP message); Ctrl-D (end of input) quits.\n"
            + "After an answer: more (full checklist), raw (fields), ticket (Markdown), show N (one of several).";
    static final String PROMPT = "> ";
    static final String SECOND_EMPTY_LINE = "(a SIP message: press Enter once more to send it)";
    static final String PIPED_MORE = "Every step, field and source: java -jar icewarn.jar decode FILE";
    static final String NOTHING_YET = "Nothing to show yet: paste a diagnostic first.";

    private static final Pattern SHOW = Pattern.compile("show\\s+#?(\\d{1,4})");
    private static final Pattern SIP_START = Pattern.compile("(?i)^(sip/2\\.0 \\d{3}\\b|[A-Z]+ sips?:\\S+ SIP/2\\.0$)");
    private static final Pattern SIP_HEADER = Pattern.compile(
            "(?i)^(via|call-id|cseq|from|to|contact|content-type|content-length|max-forwards|user-agent):");

    private final BufferedReader in;
    private final PrintStream out;
    private final boolean interactive;
    private final DecodeService decodeService;
    private final ReplyBuilder replies;
    private final TerminalRenderer renderer;
    private final TicketRenderer tickets = new TicketRenderer();
    private final BooleanSupplier moreWaiting;
    private final Function<String, String> ladders;
    private Reply last;

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
     * @param interactive whether a person is typing (shows the banner and a prompt, ends a paste at empty
     *     lines); false for piped input, which is one paste
     * @param ladders the text ladders of the SIP dialogs of two or more messages in a paste, printed after
     *     the answer; an empty string when it has none
     */
    public ConsoleSession(
            BufferedReader in,
            PrintStream out,
            boolean interactive,
            DecodeService decodeService,
            ReplyBuilder replies,
            TerminalRenderer renderer,
            Function<String, String> ladders) {
        this(in, out, interactive, decodeService, replies, renderer, ladders, () -> ready(in));
    }

    /**
     * Returns a session that asks {@code moreWaiting} whether more of a paste has already arrived when it reads
     * an empty line (a pasted block arrives at once; a typed empty line does not come with more).
     */
    ConsoleSession(
            BufferedReader in,
            PrintStream out,
            boolean interactive,
            DecodeService decodeService,
            ReplyBuilder replies,
            TerminalRenderer renderer,
            Function<String, String> ladders,
            BooleanSupplier moreWaiting) {
        this.ladders = Objects.requireNonNull(ladders, "ladders");
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.interactive = interactive;
        this.decodeService = Objects.requireNonNull(decodeService, "decodeService");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.moreWaiting = Objects.requireNonNull(moreWaiting, "moreWaiting");
    }

    /** Runs until end of input and returns the exit code: 0, or 1 when standard input failed. */
    public int run() {
        try {
            return interactive ? chat() : onePaste();
        } catch (IOException e) {
            return 1;
        } finally {
            out.flush();
        }
    }

    private int onePaste() throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            all.append(buffer, 0, n);
        }
        if (!all.toString().isBlank()) {
            answer(all.toString());
        }
        return 0;
    }

    private int chat() throws IOException {
        out.println(BANNER);
        prompt();
        List<String> message = new ArrayList<>();
        boolean emptyBefore = false;
        String line;
        while ((line = in.readLine()) != null) {
            if (message.isEmpty()) {
                if (line.isBlank()) {
                    prompt(); // an empty Enter: the prompt again, so the console never looks stuck
                    continue;
                }
                if (command(line.strip())) {
                    prompt();
                    continue;
                }
            }
            if (!line.isBlank()) {
                message.add(line);
                emptyBefore = false;
                continue;
            }
            boolean sip = looksLikeSip(message);
            if (moreWaiting.getAsBoolean() || (sip && !emptyBefore)) {
                message.add(line); // inside a paste, or the empty line between a SIP message's headers and body
                if (sip && !emptyBefore && !moreWaiting.getAsBoolean()) {
                    out.println(SECOND_EMPTY_LINE);
                    out.flush();
                }
                emptyBefore = true;
                continue;
            }
            answer(String.join("\n", message));
            message.clear();
            emptyBefore = false;
            prompt();
        }
        if (message.stream().anyMatch(l -> !l.isBlank())) {
            answer(String.join("\n", message));
        }
        return 0;
    }

    /** Runs {@code word} when it is a console command; returns false when it is the start of a paste. */
    private boolean command(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Matcher show = SHOW.matcher(w);
        if (!(w.equals("more") || w.equals("raw") || w.equals("ticket") || w.equals("help") || show.matches())) {
            return false;
        }
        if (w.equals("help")) {
            out.println(BANNER);
            return true;
        }
        if (last == null) {
            out.println(NOTHING_YET);
            return true;
        }
        if (w.equals("more")) {
            out.print(renderer.render(replies.checklist(last)));
        } else if (w.equals("raw")) {
            out.print(renderer.render(replies.rawFields(last)));
        } else if (w.equals("ticket")) {
            out.print(tickets.render(last));
        } else {
            Optional<Reply> one = replies.one(last, Integer.parseInt(show.group(1)) - 1);
            if (one.isEmpty()) {
                out.println("There is no diagnostic #" + show.group(1) + " in the last answer.");
            } else {
                out.print(renderer.render(replies.answer(one.get())));
            }
        }
        out.flush();
        return true;
    }

    private void answer(String text) {
        DecodedText decoded = decodeService.decode(text);
        Reply full = replies.decoded(decoded.text(), decoded.result());
        // the paste stands right above the answer in a terminal: no need to quote it back
        out.print(renderer.render(replies.withoutQuotes(replies.answer(full))));
        String flow = ladders.apply(decoded.text());
        if (!flow.isEmpty()) {
            out.print("\nCall flow\n" + flow);
        }
        if (full.kind() == Reply.Kind.DIAGNOSTICS) {
            last = full;
            if (interactive) {
                out.println("Type more for the full checklist, raw for the fields, ticket for Markdown"
                        + (full.sections().size() > 1 ? ", show N for one of them." : "."));
            } else {
                out.println(PIPED_MORE);
            }
        }
        out.flush();
    }

    /** Returns true when {@code lines} hold a SIP start line or SIP headers. */
    static boolean looksLikeSip(List<String> lines) {
        int headers = 0;
        for (String l : lines) {
            String s = l.strip();
            if (SIP_START.matcher(s).find()) {
                return true;
            }
            if (SIP_HEADER.matcher(s).find() && ++headers >= 2) {
                return true;
            }
        }
        return false;
    }

    private void prompt() {
        out.print("\n" + PROMPT);
        out.flush();
    }

    private static boolean ready(BufferedReader in) {
        try {
            return in.ready();
        } catch (IOException e) {
            return false;
        }
    }
}
