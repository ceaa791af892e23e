package io.icewarn.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GatewayPoolsTest {
    private final GatewayPools pools = new GatewayPools();

    @Test
    void provide_afterShutdown_dropsTheTaskInsteadOfThrowing() throws InterruptedException {
        ScheduledExecutorService pool = pools.provide(0);
        pool.shutdown();
        AtomicInteger ran = new AtomicInteger();

        assertThatCode(() -> pool.schedule(ran::incrementAndGet, 500, TimeUnit.MILLISECONDS))
                .doesNotThrowAnyException();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).hasValue(0);
    }

    @Test
    void provide_delayedTaskOfAClosedConnection_doesNotRunAfterShutdown() throws InterruptedException {
        ScheduledExecutorService pool = pools.provide(3);
        AtomicInteger ran = new AtomicInteger();
        pool.schedule(ran::incrementAndGet, 200, TimeUnit.MILLISECONDS);

        pool.shutdown();

        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).hasValue(0);
    }

    @Test
    void provide_eachShardItsOwnDaemonThread_shutDownByJda() throws Exception {
        ScheduledExecutorService a = pools.provide(0);
        ScheduledExecutorService b = pools.provide(1);
        Thread thread = a.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);

        assertThat(a).isNotSameAs(b);
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("icewarn-gateway-0");
        assertThat(pools.shouldShutdownAutomatically(0)).isTrue();
        a.shutdown();
        b.shutdown();
    }
}
