package io.icewarn.bot.e2e.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Everything the simulated Discord saw: REST requests and gateway payloads, in order. The {@code await}
 * methods block until a condition over the recording holds, or fail after a bounded timeout with the
 * recording in the message; they never sleep on a guess. Thread-safe.
 */
public final class Recorder {
    private final List<RestCall> rest = new ArrayList<>();
    private final List<GatewayOp> gateway = new ArrayList<>();
    private long seq;

    synchronized long nextSeq() {
        return ++seq;
    }

    synchronized void add(RestCall call) {
        rest.add(call);
        notifyAll();
    }

    synchronized void add(GatewayOp op) {
        gateway.add(op);
        notifyAll();
    }

    /** Returns every REST call so far, in order of arrival. */
    public synchronized List<RestCall> rest() {
        return List.copyOf(rest);
    }

    /** Returns the REST calls matching {@code filter}, in order of arrival. */
    public synchronized List<RestCall> rest(Predicate<RestCall> filter) {
        return rest.stream().filter(filter).toList();
    }

    /** Returns every gateway payload and connection event so far, in order. */
    public synchronized List<GatewayOp> gateway() {
        return List.copyOf(gateway);
    }

    /** Returns the gateway records matching {@code filter}, in order. */
    public synchronized List<GatewayOp> gateway(Predicate<GatewayOp> filter) {
        return gateway.stream().filter(filter).toList();
    }

    /** Returns how many payloads with opcode {@code op} the bot sent (e.g. {@link GatewayOp#IDENTIFY}). */
    public int sentByBot(int op) {
        return gateway(g -> g.fromBot(op)).size();
    }

    /** Returns a mark: the number of REST calls so far, for {@link #restSince(int)}. */
    public synchronized int restMark() {
        return rest.size();
    }

    /** Returns the REST calls after {@code mark}. */
    public synchronized List<RestCall> restSince(int mark) {
        return List.copyOf(rest.subList(mark, rest.size()));
    }

    /** Blocks until a REST call matches {@code filter} and returns the first one. */
    public RestCall awaitRest(Predicate<RestCall> filter, Duration timeout) {
        return awaitRest(filter, 1, timeout).get(0);
    }

    /** Blocks until at least {@code count} REST calls match {@code filter} and returns all matching ones. */
    public List<RestCall> awaitRest(Predicate<RestCall> filter, int count, Duration timeout) {
        return await(r -> r.rest(filter), l -> l.size() >= count, "" + count + " matching REST calls", timeout);
    }

    /** Blocks until a gateway record matches {@code filter} and returns the first one. */
    public GatewayOp awaitGateway(Predicate<GatewayOp> filter, Duration timeout) {
        return awaitGateway(filter, 1, timeout).get(0);
    }

    /** Blocks until at least {@code count} gateway records match {@code filter} and returns them all. */
    public List<GatewayOp> awaitGateway(Predicate<GatewayOp> filter, int count, Duration timeout) {
        return await(r -> r.gateway(filter), l -> l.size() >= count, count + " matching gateway records", timeout);
    }

    /**
     * Blocks until {@code done} holds for {@code view} of this recording and returns that view; throws an
     * {@link AssertionError} naming {@code what} and the recording when {@code timeout} passes first.
     */
    public <T> T await(Function<Recorder, T> view, Predicate<T> done, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                T v = view.apply(this);
                if (done.test(v)) {
                    return v;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last REST: "
                            + rest.subList(Math.max(0, rest.size() - 40), rest.size()) + "; last gateway: "
                            + gateway.subList(Math.max(0, gateway.size() - 20), gateway.size()));
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }
    }
}
