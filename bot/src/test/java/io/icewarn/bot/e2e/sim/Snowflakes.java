package io.icewarn.bot.e2e.sim;

import java.util.concurrent.atomic.AtomicLong;

/** Makes Discord IDs: milliseconds since 2015 in the high bits, as Discord does, and a counter below. */
final class Snowflakes {
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private final AtomicLong counter = new AtomicLong();

    long next() {
        long ms = System.currentTimeMillis() - DISCORD_EPOCH;
        return (ms << 22) | (counter.incrementAndGet() & 0x3F_FFFF);
    }
}
