package io.icewarn.bot.discord;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (downloads, decodes) off JDA's gateway thread and knows what is in flight, so shutdown
 * can stop taking new work and wait for replies already being written. Thread-safe.
 */
public final class Work {
    private static final Logger LOG = LoggerFactory.getLogger(Work.class);

    private final ExecutorService executor;
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();

    private Work(ExecutorService executor) {
        this.executor = executor;
    }

    /** Returns work on {@code threads} daemon threads. */
    public static Work pooled(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new Work(Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "icewarn-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /** Returns work run at once on the calling thread (tests). */
    public static Work direct() {
        return new Work(null);
    }

    /**
     * Runs {@code task} unless shutting down; returns false (and runs nothing) when shutting down. A task
     * that throws is logged without its message text reaching chat.
     */
    public boolean submit(String what, Runnable task) {
        return submit(what, task, () -> {});
    }

    /**
     * Runs {@code task} like {@link #submit(String, Runnable)}; when it throws, also runs {@code onFailure}
     * (e.g. a plain private "something went wrong" for a deferred interaction).
     */
    public boolean submit(String what, Runnable task, Runnable onFailure) {
        if (!accepting.get()) {
            return false;
        }
        inFlight.incrementAndGet();
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed", what, e);
                try {
                    onFailure.run();
                } catch (RuntimeException again) {
                    LOG.debug("could not report the failure", again);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        };
        if (executor == null) {
            guarded.run();
            return true;
        }
        try {
            executor.execute(guarded);
            return true;
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            return false;
        }
    }

    /** Returns a callback that runs {@code then} as tracked work (for RestAction callbacks). */
    public <T> Consumer<T> then(String what, Consumer<T> then) {
        return value -> submit(what, () -> then.accept(value));
    }

    /** Returns true while new work is taken. */
    public boolean accepting() {
        return accepting.get();
    }

    /** Returns how many tasks are running or queued. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Stops taking new work and waits up to {@code grace} for running tasks; returns true when everything
     * finished in time.
     */
    public boolean shutdown(Duration grace) throws InterruptedException {
        accepting.set(false);
        long deadline = System.nanoTime() + grace.toNanos();
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return inFlight.get() == 0;
    }
}
