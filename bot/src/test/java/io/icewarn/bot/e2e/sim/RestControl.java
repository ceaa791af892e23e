package io.icewarn.bot.e2e.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The REST side's fault knobs, by route template (as in {@link RestCall#route()}, e.g.
 * {@code POST channels/{id}/messages}). Injected faults are answered instead of the real answer and recorded
 * with {@link RestCall#fault()} set. A fault hits the next requests of its route in order of arrival, whatever
 * channel or interaction they are for; JDA sends different buckets (channels, interactions) in parallel, so
 * to aim at one request, plan the fault while that request is the only one of its route in flight.
 * Thread-safe.
 */
public final class RestControl {
    private final List<Fault> faults = new ArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private int expiringInteractions;

    private final List<ArrivalHook> arrivalHooks = new ArrayList<>();

    /**
     * A planned fault: the next {@code remaining} requests of {@code route} get {@code status}; with
     * {@code afterProcessing} the request takes effect first (the answer is lost, not the request).
     */
    record Fault(String route, int status, Duration retryAfter, int[] remaining, boolean afterProcessing) {
        Fault(String route, int status, Duration retryAfter, int[] remaining) {
            this(route, status, retryAfter, remaining, false);
        }
    }

    /** Something to run when the next request of {@code route} arrives, before it is answered. */
    private record ArrivalHook(String route, Runnable hook) {}

    /**
     * Answers the next {@code count} requests of {@code route} with 429, a {@code retry-after} of
     * {@code retryAfter} (whole seconds on the header, as Discord sends it; JDA reads it in seconds), the
     * {@code x-ratelimit-*} headers of an exhausted bucket and a {@code via} header (JDA takes a 429 without
     * {@code via} for a Cloudflare ban).
     */
    public synchronized void rateLimitNext(String route, int count, Duration retryAfter) {
        faults.add(new Fault(route, 429, retryAfter, new int[] {count}));
    }

    /** Answers the next {@code count} requests of {@code route} with {@code status} (e.g. 500 or 502). */
    public synchronized void failNext(String route, int count, int status) {
        faults.add(new Fault(route, status, Duration.ZERO, new int[] {count}));
    }

    /**
     * Carries out the next {@code count} requests of {@code route} (a message is stored and dispatched) and
     * then answers {@code status} anyway: a server error after the fact, where a blind retry would duplicate.
     */
    public synchronized void failNextAfterProcessing(String route, int count, int status) {
        faults.add(new Fault(route, status, Duration.ZERO, new int[] {count}, true));
    }

    /**
     * Runs {@code hook} on the request's thread when the next request of {@code route} arrives, before it is
     * answered: the bot then has that request in flight while {@code hook} runs (e.g. a gateway close).
     */
    public synchronized void onNextArrival(String route, Runnable hook) {
        arrivalHooks.add(new ArrivalHook(Objects.requireNonNull(route), Objects.requireNonNull(hook)));
    }

    /** Delays every REST answer by {@code delay} (zero for none). */
    public void latency(Duration delay) {
        this.latency = Objects.requireNonNull(delay, "delay");
    }

    /**
     * Makes the next {@code count} interactions unknown to the REST side, as if they had expired (Discord
     * forgets an interaction not acknowledged within 3 s): their callbacks get 404 with code 10062 and their
     * webhook routes 404 with code 10015.
     */
    public synchronized void expireNextInteractions(int count) {
        expiringInteractions += count;
    }

    /** Removes every planned fault, expiry and the latency. */
    public synchronized void clear() {
        faults.clear();
        arrivalHooks.clear();
        expiringInteractions = 0;
        latency = Duration.ZERO;
    }

    synchronized boolean takeExpiry() {
        if (expiringInteractions > 0) {
            expiringInteractions--;
            return true;
        }
        return false;
    }

    Duration latency() {
        return latency;
    }

    /** Returns and removes the first arrival hook for {@code route}. */
    synchronized Optional<Runnable> takeArrivalHook(String route) {
        for (Iterator<ArrivalHook> it = arrivalHooks.iterator(); it.hasNext(); ) {
            ArrivalHook h = it.next();
            if (h.route().equals(route)) {
                it.remove();
                return Optional.of(h.hook());
            }
        }
        return Optional.empty();
    }

    /** Returns the fault for this request of {@code route}, consuming one of its count. */
    synchronized Optional<Fault> take(String route) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.route().equals(route)) {
                if (--f.remaining()[0] <= 0) {
                    it.remove();
                }
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
