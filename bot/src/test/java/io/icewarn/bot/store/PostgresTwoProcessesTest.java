package io.icewarn.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two bot processes on one PostgreSQL: two child JVMs ({@link StoreWriter}) open their own stores on one
 * fresh schema, wait until both are ready, then write settings, votes and a checkpoint at the same time;
 * the rows afterwards are exactly what both wrote.
 */
final class PostgresTwoProcessesTest {
    private static final int ROUNDS = 45; // 2 x 45 answer channels stay within one server's list limit

    private final String schema = TestPostgres.freshSchema();
    private final List<Process> children = new ArrayList<>();

    @BeforeAll
    static void server() {
        TestPostgres.requireServer();
    }

    @AfterEach
    void cleanUp() throws SQLException {
        children.forEach(Process::destroyForcibly);
        TestPostgres.drop(schema);
    }

    /** A child's output lines, read on their own thread so the test can wait for one with a timeout. */
    private static BlockingQueue<String> lines(Process p) {
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.add(line);
                }
            } catch (IOException e) {
                out.add("read failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return out;
    }

    private static void awaitLine(BlockingQueue<String> lines, String wanted, int writer) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            assertThat(line)
                    .as("writer %d never said %s; it said %s", writer, wanted, seen)
                    .isNotNull();
            if (line.equals(wanted)) {
                return;
            }
            seen.add(line);
        }
    }

    @Test
    void twoProcessesWritingAtOnceEndWithExactlyTheExpectedRows() throws Exception {
        // GIVEN the schema migrated once (both children then find it up to date, as after a rolling restart)
        Store.open(TestPostgres.target(schema)).close();
        // and two writer processes, each with its own store, ready
        List<BlockingQueue<String>> outputs = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            StoreWriter.class.getName(),
                            TestPostgres.URL,
                            TestPostgres.USER,
                            schema,
                            String.valueOf(writer),
                            String.valueOf(ROUNDS))
                    .redirectErrorStream(true)
                    .start();
            children.add(p);
            outputs.add(lines(p));
        }
        for (int writer = 0; writer < 2; writer++) {
            awaitLine(outputs.get(writer), StoreWriter.READY, writer);
        }
        // WHEN both are told to go at once
        for (Process p : children) {
            OutputStream in = p.getOutputStream();
            in.write((StoreWriter.GO + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
        for (int writer = 0; writer < 2; writer++) {
            awaitLine(outputs.get(writer), StoreWriter.DONE, writer);
            assertThat(children.get(writer).waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(children.get(writer).exitValue()).isZero();
        }
        // THEN nothing was lost or counted twice
        try (Store store = Store.open(TestPostgres.target(schema))) {
            Set<Long> channels = new HashSet<>();
            for (int w = 0; w < 2; w++) {
                for (int i = 0; i < ROUNDS; i++) {
                    channels.add(w * 1000L + i);
                }
            }
            assertThat(store.guildOverrides().find(StoreContract.GUILD).channelIds())
                    .contains(channels);
            assertThat(store.feedback().count(StoreContract.GUILD)).isEqualTo(2L * ROUNDS);
            long helped = store.feedback().stats(StoreContract.GUILD, 10).stream()
                    .mapToLong(FeedbackRepository.RuleVotes::helped)
                    .sum();
            assertThat(helped).isEqualTo(2L * ((ROUNDS + 1) / 2));
            assertThat(store.checkpoints().find(55)).hasValue(1000L + ROUNDS - 1);
        }
    }
}
