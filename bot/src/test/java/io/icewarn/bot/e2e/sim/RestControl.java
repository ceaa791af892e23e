package io.icewarn.bot.e2e.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    private final List<Hold> holds = new ArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration ackWindow = ACK_WINDOW;
    private volatile Duration tokenLifetime = TOKEN_LIFETIME;
    /** Discord's window for the first interaction callback. */
    public static final Duration ACK_WINDOW = Duration.ofSeconds(3);
    /** How long Discord keeps an interaction token valid. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private int expiringInteractions;

    private final List<ArrivalHook> arrivalHooks = new ArrayList<>();

    /**
     * A planned fault: the next {@code remaining} requests of {@code route} get {@code status}; with
     * {@code afterProcessing} the request takes effect first (the answer is lost, not the request).
     */
    record Fault(
            String route,
            int status,
            Duration retryAfter,
            int[] remaining,
            boolean afterProcessing,
            String scope,
            boolean via) {
        Fault(String route, int status, Duration retryAfter, int[] remaining) {
            this(route, status, retryAfter, remaining, false, "user", true);
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
        faults.add(new Fault(route, status, Duration.ZERO, new int[] {count}, true, "user", true));
    }

    /**
     * Answers the next {@code count} requests of {@code route} with a 429 of scope {@code shared} (a limit on
     * the resource, shared with other users; Discord does not count it as an invalid request).
     */
    public synchronized void rateLimitSharedNext(String route, int count, Duration retryAfter) {
        faults.add(new Fault(route, 429, retryAfter, new int[] {count}, false, "shared", true));
    }

    /**
     * Answers the next {@code count} requests of {@code route} with a 429 without a {@code Via} header: what
     * JDA takes for a Cloudflare ban of the IP (it then waits {@code retry-after} before any request).
     */
    public synchronized void rateLimitWithoutViaNext(String route, int count, Duration retryAfter) {
        faults.add(new Fault(route, 429, retryAfter, new int[] {count}, false, "user", false));
    }

    /**
     * Sets how long an interaction may wait for its first callback (Discord: 3 s; after that the callback
     * gets 10062). Shorter makes the window testable against a slow bot.
     */
    public void acknowledgeWithin(Duration window) {
        this.ackWindow = Objects.requireNonNull(window, "window");
    }

    /** Sets how long an interaction token allows follow-ups and edits (Discord: 15 minutes; after it 50027). */
    public void interactionTokenLifetime(Duration lifetime) {
        this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    Duration ackWindow() {
        return ackWindow;
    }

    Duration tokenLifetime() {
        return tokenLifetime;
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

    /** Where a {@link Hold} stops a request. */
    public enum Phase {
        /** Received, not yet acted on: nothing changed in the world. */
        BEFORE,
        /** Acted on (message stored, thread created, dispatches sent), answer not yet written. */
        AFTER
    }

    /**
     * Holds the next request of {@code route} (a route template, or {@code GET cdn} for attachment downloads)
     * at {@code phase} until the returned hold is released or dropped, so a test can act (e.g. kill the bot)
     * at that exact point. Held requests occupy one of the REST server's threads.
     */
    public synchronized Hold holdNext(String route, Phase phase) {
        Hold h = new Hold(Objects.requireNonNull(route, "route"), Objects.requireNonNull(phase, "phase"));
        holds.add(h);
        return h;
    }

    /**
     * Removes every planned fault, expiry, hold not yet reached (released ones go on), the latency and the
     * interaction windows set here.
     */
    public synchronized void clear() {
        holds.forEach(Hold::release);
        holds.clear();
        faults.clear();
        arrivalHooks.clear();
        expiringInteractions = 0;
        latency = Duration.ZERO;
        ackWindow = ACK_WINDOW;
        tokenLifetime = TOKEN_LIFETIME;
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

    /** Returns the hold waiting for this request of {@code route}, consuming it. */
    synchronized Optional<Hold> takeHold(String route) {
        for (Iterator<Hold> it = holds.iterator(); it.hasNext(); ) {
            Hold h = it.next();
            if (h.route.equals(route)) {
                it.remove();
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /**
     * One request held at a {@link Phase}. {@link #awaitHeld} blocks until the request is there; then
     * {@link #release()} lets it go on (after the client died, too: Discord acts on a request whose client
     * is gone), and {@link #drop()}, at {@link Phase#BEFORE}, closes it unanswered without acting on it.
     */
    public static final class Hold {
        private static final long MAX_HOLD_SECONDS = 120;
        private final String route;
        private final Phase phase;
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch decided = new CountDownLatch(1);
        private volatile boolean dropped;

        private Hold(String route, Phase phase) {
            this.route = route;
            this.phase = phase;
        }

        /** Blocks until the held request arrived; fails after {@code timeout}. */
        public void awaitHeld(Duration timeout) {
            try {
                if (!arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("no " + route + " request to hold within " + timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }

        /** Lets the held request go on. */
        public void release() {
            decided.countDown();
        }

        /** Closes the held request without acting on it (only at {@link Phase#BEFORE}; else the same as release). */
        public void drop() {
            dropped = phase == Phase.BEFORE;
            decided.countDown();
        }

        /** At BEFORE: waits for the decision; returns false when the request is dropped. */
        boolean holdBefore() {
            if (phase == Phase.BEFORE) {
                waitForDecision();
                return !dropped;
            }
            return true;
        }

        /** At AFTER: waits for the decision. */
        void holdAfter() {
            if (phase == Phase.AFTER) {
                waitForDecision();
            }
        }

        private void waitForDecision() {
            arrived.countDown();
            try {
                // bounded so a forgotten hold cannot pin a server thread for ever
                decided.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
