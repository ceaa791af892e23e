package io.icewarn.bot.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A separate writer process for {@link PostgresTwoProcessesTest}: opens its own store on the schema it is
 * given, prints {@code ready}, waits for a {@code go} line on standard input (so both processes start
 * writing together) and writes what {@link #write} says, as a second bot process would.
 * Arguments: JDBC URL, user, schema, writer index, rounds. Exit code 0 when every write went through.
 */
public final class StoreWriter {
    static final String READY = "ready";
    static final String GO = "go";
    static final String DONE = "done";

    private StoreWriter() {}

    public static void main(String[] args) throws IOException {
        StoreTarget target = new StoreTarget(
                args[0], Optional.of(args[1]), Optional.empty(), Optional.of(args[2]), "writer " + args[3]);
        try (Store store = Store.open(target)) {
            System.out.println(READY);
            System.out.flush();
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (!GO.equals(line)) {
                throw new IllegalStateException("expected " + GO + ", got " + line);
            }
            write(store, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            System.out.println(DONE);
        }
    }

    /**
     * Writer {@code writer}'s share: adds channels {@code writer*1000+i} to server 1's list, votes on answers
     * {@code 10000+i} (twice; the second click flips odd rounds) and advances channel 55's checkpoint to
     * {@code writer*1000+i}.
     */
    static void write(Store store, int writer, int rounds) {
        for (int i = 0; i < rounds; i++) {
            long channel = writer * 1000L + i;
            store.guildOverrides().update(StoreContract.GUILD, o -> {
                Set<Long> ids = new HashSet<>(o.channelIds().orElse(Set.of()));
                ids.add(channel);
                return o.withChannelIds(ids);
            });
            long answer = 10_000 + i;
            store.feedback().vote(StoreContract.GUILD, answer, writer, "rule-" + (i % 3), true);
            store.feedback().vote(StoreContract.GUILD, answer, writer, "rule-" + (i % 3), i % 2 == 0);
            store.checkpoints().advance(StoreContract.GUILD, 55, channel);
        }
    }
}
