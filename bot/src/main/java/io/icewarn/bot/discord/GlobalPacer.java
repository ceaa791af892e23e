package io.icewarn.bot.discord;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Spaces the bot's REST requests so that they keep to Discord's global rate limit (50 requests per second
 * per bot, topics/rate-limits#global-rate-limit), which JDA only learns of from a 429 — and every 429 counts
 * towards Discord's invalid-request limit. JDA keeps to each route's bucket; this keeps the sum of them under
 * the global one by letting one request start every {@code 1 / perSecond} seconds, blocking the requester
 * thread until its turn. Interaction callbacks and webhooks (the interaction follow-ups) are exempt, as on
 * Discord, so an acknowledgement never waits behind a burst of answers. Install with
 * {@code setHttpClientBuilder(new OkHttpClient.Builder().addInterceptor(new GlobalPacer(...)))}. Thread-safe.
 */
public final class GlobalPacer implements Interceptor {
    /** Discord's global limit, requests per second. */
    public static final int DISCORD_GLOBAL_PER_SECOND = 50;
    /** The pace the bot keeps: below the limit, so latency jitter cannot push a second over it. */
    public static final int PER_SECOND = 40;

    private final long intervalNanos;
    private long next;

    /** Returns a pacer letting {@code perSecond} requests start per second at most. */
    public GlobalPacer(int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.next = System.nanoTime();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (!exempt(chain.request().url().encodedPath())) {
            long wait = reserve();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted waiting for the global rate limit");
                }
            }
        }
        return chain.proceed(chain.request());
    }

    /** Returns how long the caller waits for its turn (nanoseconds), taking that turn. */
    synchronized long reserve() {
        long now = System.nanoTime();
        long at = Math.max(now, next);
        next = at + intervalNanos;
        return at - now;
    }

    /** Returns true for the interaction routes, which Discord's global limit does not bind. */
    static boolean exempt(String path) {
        return path.contains("/interactions/") || path.contains("/webhooks/");
    }
}
