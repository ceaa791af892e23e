package io.icewarn.bench;

import io.icewarn.bot.config.Settings;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.features.decode.DecodedText;
import io.icewarn.bot.render.discord.DiscordRenderer;
import io.icewarn.bot.render.terminal.TerminalRenderer;
import io.icewarn.bot.reply.Reply;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The bot's side of a paste: a cache hit through {@code DecodeService}, and rendering the reply. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BotBench {
    @Param({"01", "04"})
    public String sample;

    private Services services;
    private String paste;
    private DecodedText decoded;
    private Reply reply;
    private final DiscordRenderer discord = new DiscordRenderer();
    private final TerminalRenderer terminal = new TerminalRenderer(false);

    @Setup
    public void setUp() {
        services = Services.create(Settings.defaults());
        paste = Samples.paste(sample);
        decoded = services.decodeService().decode(paste); // warms the cache: every call below is a hit
        reply = services.replies().decoded(decoded.text(), decoded.result());
    }

    /** A paste seen before: normalise it, then one Caffeine lookup. */
    @Benchmark
    public DecodedText cacheHit() {
        return services.decodeService().decode(paste);
    }

    /** Building the reply and rendering it as Discord messages (embeds). */
    @Benchmark
    public List<MessageCreateData> replyAndDiscordRender() {
        return discord.render(services.replies().decoded(decoded.text(), decoded.result()));
    }

    /** Rendering a built reply for the terminal (the console and {@code decode} without {@code --json}). */
    @Benchmark
    public String terminalRender() {
        return terminal.render(reply);
    }
}
