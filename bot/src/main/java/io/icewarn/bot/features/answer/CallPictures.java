package io.icewarn.bot.features.answer;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.icewarn.bot.config.Settings;
import io.icewarn.bot.features.decode.DecodeService;
import io.icewarn.bot.ladder.Ladder;
import io.icewarn.bot.ladder.LadderBuilder;
import io.icewarn.bot.render.ladder.LadderPicture;
import io.icewarn.bot.reply.ReplyAttachment;
import io.icewarn.decoder.Decoder;
import io.icewarn.decoder.flow.CallFlow;
import io.icewarn.decoder.flow.Dialog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The picture of the call that goes with a chat answer: the ladder of the dialog that failed (see {@link
 * LadderBuilder#pictured}) of a text holding at least one SIP dialog of two or more messages, as a PNG. Drawing
 * runs on its own thread, never the caller's and never JDA's; the caller waits at most {@link #TIMEOUT} and the
 * answer goes out without the picture when drawing is slower, fails or is refused (a queue of {@link #QUEUE}
 * drawings); each case is logged. Pictures are kept in a Caffeine cache by text and redaction, like the decode
 * results, so the same paste (and the buttons under its answer) is drawn once; a drawing that finished after
 * its answer left is there for the next. Thread-safe.
 */
public final class CallPictures {
    private static final Logger LOG = LoggerFactory.getLogger(CallPictures.class);

    /** How long an answer waits for its picture. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** How many drawings may wait for the drawing thread; further ones are refused (no picture). */
    public static final int QUEUE = 8;

    /** The most bytes of pictures (and their texts) the cache holds. */
    public static final long MAX_CACHED_BYTES = 32L * 1024 * 1024;

    /** The name the picture is sent under; the embed shows it through {@code attachment://}. */
    public static final String FILE_NAME = "call-flow.png";

    /** Draws a ladder (cut by {@link LadderBuilder#forPicture}) as a PNG. */
    @FunctionalInterface
    public interface Drawer {
        /** Returns the PNG of {@code ladder}. */
        byte[] png(Ladder ladder) throws IOException;
    }

    private record Key(String text, boolean redact) {}

    private final Function<String, CallFlow> flows;
    private final Drawer drawer;
    private final Executor executor;
    private final Duration timeout;
    private final AsyncCache<Key, Optional<ReplyAttachment>> cache;

    /**
     * Returns pictures drawn on {@code executor}.
     *
     * @param flows reads the SIP dialogs of a (normalised) text; must never throw
     * @param drawer draws a ladder
     * @param executor runs the drawings; may refuse them ({@link RejectedExecutionException}: no picture)
     * @param timeout how long {@link #picture} waits
     * @param ttl how long a picture stays cached after it was drawn
     */
    public CallPictures(
            Function<String, CallFlow> flows, Drawer drawer, Executor executor, Duration timeout, Duration ttl) {
        this.flows = Objects.requireNonNull(flows, "flows");
        this.drawer = Objects.requireNonNull(drawer, "drawer");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.cache = Caffeine.newBuilder()
                .maximumWeight(MAX_CACHED_BYTES)
                .weigher((Key k, Optional<ReplyAttachment> v) ->
                        2 * k.text().length() + v.map(a -> a.size()).orElse(0))
                .expireAfterWrite(ttl)
                .executor(Runnable::run)
                .buildAsync();
    }

    /**
     * Returns the production pictures: drawn by PlantUML ({@link LadderPicture}) on one daemon thread with a
     * queue of {@link #QUEUE}, kept as long as decode results ({@code settings.cacheTtl()}).
     */
    public static CallPictures of(Decoder decoder, Settings settings) {
        ThreadPoolExecutor drawing =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "icewarn-picture");
                    t.setDaemon(true);
                    return t;
                });
        LadderPicture picture = new LadderPicture();
        return new CallPictures(decoder::flow, picture::png, drawing, TIMEOUT, settings.cacheTtl());
    }

    /**
     * Draws a small ladder on the drawing thread and forgets it, so that PlantUML's classes are loaded before the
     * first answer waits for a picture. Returns at once.
     */
    public void warmUp() {
        Ladder small = new Ladder(
                "INVITE dialog",
                List.of(new Ladder.Column("A", "caller", ""), new Ladder.Column("B", "callee", "")),
                List.of(
                        new Ladder.Row("", 0, 1, "INVITE", false, List.of()),
                        new Ladder.Row("", 1, 0, "486 Busy Here", true, List.of("ms-diagnostics 1"))),
                List.of(),
                true);
        try {
            executor.execute(() -> {
                try {
                    drawer.png(small);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("call pictures may not work: the warm-up drawing failed ({})", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("warm-up drawing refused");
        }
    }

    /**
     * Returns the picture for {@code text} (normalised, as {@link DecodeService#normalise} makes it), with
     * addresses and host names masked when {@code redact}; empty when the text holds no SIP dialog of two or more
     * messages, or when the picture is not ready within the timeout or could not be drawn. Blocks the calling
     * thread for at most the timeout: never call it on a JDA thread.
     */
    public Optional<ReplyAttachment> picture(String text, boolean redact) {
        Objects.requireNonNull(text, "text");
        if (!mayHoldDialog(text)) {
            return Optional.empty(); // decided on the caller's thread: no wait for a busy drawing thread
        }
        Key key = new Key(text, redact);
        CompletableFuture<Optional<ReplyAttachment>> drawn;
        try {
            drawn = text.length() > DecodeService.MAX_CACHED_CHARS
                    ? CompletableFuture.supplyAsync(() -> draw(key), executor)
                    : cache.get(key, (k, e) -> CompletableFuture.supplyAsync(() -> draw(k), executor));
        } catch (RejectedExecutionException e) {
            LOG.info("call picture left out: {} drawings already waiting", QUEUE);
            return Optional.empty();
        }
        try {
            return drawn.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info(
                    "call picture left out: not drawn within {} ms (kept for the next answer when it finishes)",
                    timeout.toMillis());
        } catch (ExecutionException e) {
            LOG.warn("call picture left out: drawing failed ({})", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /**
     * Returns true when {@code text} may hold a SIP message (it names {@code SIP/2.0}, in any case), so that its
     * answer may wait for a picture; false answers at once that it holds none. Linear, no allocation.
     */
    public static boolean mayHoldDialog(CharSequence text) {
        String sip = "SIP/2.0";
        for (int i = 0, n = text.length() - sip.length(); i <= n; i++) {
            int j = 0;
            while (j < sip.length() && Character.toUpperCase(text.charAt(i + j)) == sip.charAt(j)) {
                j++;
            }
            if (j == sip.length()) {
                return true;
            }
        }
        return false;
    }

    /** Draws the picture of {@code key}'s text; runs on the executor. */
    private Optional<ReplyAttachment> draw(Key key) {
        CallFlow flow = flows.apply(key.text());
        if (flow.dialogs().stream().noneMatch(d -> d.messages().size() >= 2)) {
            return Optional.empty();
        }
        LadderBuilder ladders = new LadderBuilder(key.redact());
        Optional<Dialog> pictured = ladders.pictured(flow);
        if (pictured.isEmpty()) {
            return Optional.empty();
        }
        Ladder ladder = ladders.forPicture(ladders.ladder(pictured.get()));
        long start = System.nanoTime();
        byte[] png;
        try {
            png = drawer.png(ladder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.debug("call picture drawn: {} bytes in {} ms", png.length, (System.nanoTime() - start) / 1_000_000);
        return Optional.of(new ReplyAttachment(FILE_NAME, "image/png", "Call flow: " + ladder.title(), png));
    }
}
