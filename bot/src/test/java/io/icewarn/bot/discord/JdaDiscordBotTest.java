package io.icewarn.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

final class JdaDiscordBotTest {
    @Test
    void shutdownFinishesWorkInFlightBeforeClosingJda() throws InterruptedException {
        // GIVEN an answer in flight on the work pool
        Work work = Work.pooled(1);
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        work.submit("answer", () -> {
            running.countDown();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        ShardManager manager = mock(ShardManager.class);

        // WHEN the process is told to stop
        JdaDiscordBot.shutdown(work, new PendingRequests(), manager);

        // THEN the answer finished, no new work is taken, and JDA was shut down (not shutdownNow) last
        assertThat(finished).isTrue();
        assertThat(work.submit("late", () -> {})).isFalse();
        InOrder order = inOrder(manager);
        order.verify(manager).shutdown();
    }

    @Test
    void shutdownWaitsForQueuedRequestsAndTheirCallbacksBeforeClosingJda() throws InterruptedException {
        // GIVEN a JDA callback still running (it may queue the next message of an answer)
        PendingRequests pending = new PendingRequests();
        ExecutorService callbacks = pending.callbackPool(1);
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        callbacks.execute(() -> {
            running.countDown();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        ShardManager manager = mock(ShardManager.class);
        AtomicBoolean finishedBeforeClose = new AtomicBoolean();
        doAnswer(invocation -> {
                    finishedBeforeClose.set(finished.get());
                    return null;
                })
                .when(manager)
                .shutdown();

        // WHEN the process is told to stop
        JdaDiscordBot.shutdown(Work.direct(), pending, manager);

        // THEN JDA was closed only after the callback had finished, and nothing is pending
        assertThat(finishedBeforeClose).isTrue();
        assertThat(pending.pending()).isZero();
        callbacks.shutdown();
    }

    @Test
    void workTellsTheUserWhenADeferredTaskFails() {
        // GIVEN direct work and a failing task
        Work work = Work.direct();
        AtomicBoolean told = new AtomicBoolean();

        // WHEN it runs
        work.submit(
                "boom",
                () -> {
                    throw new IllegalStateException("internal");
                },
                () -> told.set(true));

        // THEN the failure callback ran and nothing is left in flight
        assertThat(told).isTrue();
        assertThat(work.inFlight()).isZero();
    }

    @Test
    void cooldownRoundsUpToWholeSeconds() {
        assertThat(Cooldown.slowDown(Duration.ofMillis(14_001))).isEqualTo("Slow down: try again in 15s.");
        assertThat(Cooldown.slowDown(Duration.ofMillis(10))).isEqualTo("Slow down: try again in 1s.");
    }
}
