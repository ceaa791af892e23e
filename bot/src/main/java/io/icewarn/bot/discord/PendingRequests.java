package io.icewarn.bot.discord;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;
import okhttp3.Response;

/**
 * Counts what JDA still has to do for the bot: REST requests queued, waiting behind a rate limit or in flight,
 * and the success and failure callbacks they scheduled (a callback may queue the next request: the messages of
 * an answer go out one after the other). Shutdown waits for the count to reach zero before it closes JDA,
 * because JDA's own shutdown refuses new requests, so a chained message would be lost.
 *
 * <p>A request is counted from {@link RestRateLimiter#enqueue} until JDA marks it done or skips it; its
 * callback is counted before the request stops being counted, so the count never drops to zero between a
 * request and the one its callback queues. Thread-safe.
 */
public final class PendingRequests {
    private final Object lock = new Object();
    private int pending;

    /** Returns the number of requests and callbacks not finished yet. */
    public int pending() {
        synchronized (lock) {
            return pending;
        }
    }

    /** Blocks until nothing is pending or {@code timeout} passed; returns true when nothing is pending. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Returns a factory for JDA's {@code RestConfig#setRateLimiterFactory}: JDA's own limiter, counted. */
    public Function<RestRateLimiter.RateLimitConfig, RestRateLimiter> rateLimiterFactory() {
        return config -> new CountingRateLimiter(new SequentialRestRateLimiter(config));
    }

    /**
     * Returns a pool for JDA's callbacks ({@code setCallbackPool}) on {@code threads} daemon threads that counts
     * each callback from the moment it is scheduled until it has run.
     */
    public ThreadPoolExecutor callbackPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new CountingPool(threads, r -> {
            Thread t = new Thread(r, "icewarn-callback-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private void add() {
        synchronized (lock) {
            pending++;
        }
    }

    private void done() {
        synchronized (lock) {
            if (--pending == 0) {
                lock.notifyAll();
            }
        }
    }

    private final class CountingPool extends ThreadPoolExecutor {
        CountingPool(int threads, ThreadFactory factory) {
            super(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
            allowCoreThreadTimeOut(true);
        }

        @Override
        public void execute(Runnable command) {
            add();
            try {
                super.execute(() -> {
                    try {
                        command.run();
                    } finally {
                        done();
                    }
                });
            } catch (RejectedExecutionException e) {
                done();
                throw e;
            }
        }
    }

    private final class CountingRateLimiter implements RestRateLimiter {
        private final RestRateLimiter delegate;

        CountingRateLimiter(RestRateLimiter delegate) {
            this.delegate = delegate;
        }

        @Override
        public void enqueue(Work task) {
            Tracked tracked = new Tracked(task);
            add();
            try {
                delegate.enqueue(tracked);
            } catch (RuntimeException e) {
                tracked.finish();
                throw e;
            }
        }

        @Override
        public void stop(boolean shutdown, Runnable callback) {
            delegate.stop(shutdown, callback);
        }

        @Override
        public boolean isStopped() {
            return delegate.isStopped();
        }

        @Override
        public int cancelRequests() {
            return delegate.cancelRequests();
        }
    }

    /** A request as JDA's limiter sees it; stops being counted once done, skipped or failed to run. */
    private final class Tracked implements RestRateLimiter.Work {
        private final RestRateLimiter.Work work;
        private final AtomicBoolean finished = new AtomicBoolean();

        Tracked(RestRateLimiter.Work work) {
            this.work = work;
        }

        void finish() {
            if (finished.compareAndSet(false, true)) {
                done();
            }
        }

        @Override
        public Route.CompiledRoute getRoute() {
            return work.getRoute();
        }

        @Override
        public JDA getJDA() {
            return work.getJDA();
        }

        @Override
        public Response execute() {
            boolean ended = true;
            try {
                Response r = work.execute();
                ended = work.isDone();
                return r;
            } finally {
                if (ended) {
                    finish(); // done, or it threw: the limiter drops it either way
                }
            }
        }

        @Override
        public boolean isSkipped() {
            boolean skipped = work.isSkipped();
            if (skipped) {
                finish(); // the limiter drops a skipped request without running it
            }
            return skipped;
        }

        @Override
        public boolean isDone() {
            return work.isDone();
        }

        @Override
        public boolean isPriority() {
            return work.isPriority();
        }

        @Override
        public boolean isCancelled() {
            return work.isCancelled();
        }

        @Override
        public void cancel() {
            work.cancel();
        }
    }
}
