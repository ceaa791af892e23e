package io.icewarn.bot.features.catchup;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.config.DatabaseSettings;
import io.icewarn.bot.store.Store;
import io.icewarn.bot.store.StoreTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint follows the handled messages as a low-water mark, on a real (embedded) store. */
final class CheckpointsTest {
    private static final long GUILD = 1;
    private static final long CHANNEL = 2;

    @TempDir
    Path dir;

    private Store store;
    private Checkpoints checkpoints;

    @BeforeEach
    void open() {
        store = Store.open(StoreTarget.of(DatabaseSettings.embedded(dir)));
        checkpoints = new Checkpoints(store.checkpoints());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aLaterMessageHandledFirstDoesNotMoveItPastAnEarlierOneInFlight() {
        // GIVEN messages 10 and 20 in flight
        var ten = checkpoints.claim(GUILD, CHANNEL, 10).orElseThrow();
        var twenty = checkpoints.claim(GUILD, CHANNEL, 20).orElseThrow();
        // WHEN 20 is answered first
        twenty.done();
        // THEN nothing is stored: a crash now must still re-read 10
        assertThat(checkpoints.stored(CHANNEL)).isEmpty();
        // WHEN 10 is answered too THEN the checkpoint is 20
        ten.done();
        assertThat(checkpoints.stored(CHANNEL)).contains(20L);
    }

    @Test
    void aMessageIsClaimedOnceAndDoneIsIdempotent() {
        var first = checkpoints.claim(GUILD, CHANNEL, 10);
        assertThat(first).isPresent();
        assertThat(checkpoints.claim(GUILD, CHANNEL, 10)).isEmpty();
        first.get().done();
        first.get().done();
        assertThat(checkpoints.stored(CHANNEL)).contains(10L);
    }

    @Test
    void aCatchUpBarrierHoldsTheCheckpointUntilReleased() {
        // GIVEN catch-up reading after 5, and a live message 50 handled meanwhile
        var barrier = checkpoints.barrier(GUILD, CHANNEL, 5);
        checkpoints.claim(GUILD, CHANNEL, 50).orElseThrow().done();
        // THEN the checkpoint waits for catch-up to claim what it reads
        assertThat(checkpoints.stored(CHANNEL)).isEmpty();
        var seven = checkpoints.claim(GUILD, CHANNEL, 7).orElseThrow();
        barrier.done();
        assertThat(checkpoints.stored(CHANNEL)).isEmpty();
        seven.done();
        assertThat(checkpoints.stored(CHANNEL)).contains(50L);
    }

    @RepeatedTest(20)
    void inAnyOrderTheCheckpointNeverPassesAMessageInFlight(RepetitionInfo info) {
        // GIVEN 30 messages claimed in order and finished in a seeded random order
        Random random = new Random(info.getCurrentRepetition());
        List<Long> ids = new ArrayList<>();
        List<Checkpoints.Handling> handlings = new ArrayList<>();
        for (long id = 100; id < 130; id++) {
            ids.add(id);
            handlings.add(checkpoints.claim(GUILD, CHANNEL, id).orElseThrow());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        TreeSet<Long> open = new TreeSet<>(ids);
        for (int i : order) {
            handlings.get(i).done();
            open.remove(ids.get(i));
            // THEN after each step the checkpoint is below every message still in flight
            var stored = checkpoints.stored(CHANNEL);
            if (!open.isEmpty() && stored.isPresent()) {
                assertThat(stored.get()).isLessThan(open.first());
            }
        }
        assertThat(checkpoints.stored(CHANNEL)).contains(129L);
    }
}
