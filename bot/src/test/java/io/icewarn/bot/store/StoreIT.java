package io.icewarn.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar migrates both databases: Flyway, its PostgreSQL plugin (found through the merged
 * {@code META-INF/services}) and the migration files all work from the shaded jar. The bot is started against a
 * simulated Discord that accepts the token on its REST API (so the bot opens the store) and refuses it on the
 * gateway (close 4004), so it exits 3; the test then reads the schema history itself. The data directory
 * exists before (a start Discord refuses removes only a directory it created). Also: the console and the
 * command line never create the database, and a database that cannot be opened gives one line without the
 * password.
 */
final class StoreIT {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    /** Runs the bot against a simulated Discord that refuses its login on the gateway, with {@code env} added. */
    private Run runRefused(Map<String, String> env) throws IOException, InterruptedException {
        try (SimulatedDiscord discord = SimulatedDiscord.start()) {
            discord.gateway().closeEveryIdentify(4004);
            Map<String, String> all = new HashMap<>(env);
            all.put("DISCORD_TOKEN", discord.token());
            all.put("ICEWARN_DISCORD_API_URL", discord.restBase().toString());
            all.put("ICEWARN_DISCORD_GATEWAY_URL", discord.gatewayUrl().toString());
            return run(all);
        }
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "icewarn.jar");
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().keySet().removeIf(k -> k.equals("DISCORD_TOKEN") || k.startsWith("ICEWARN_"));
        pb.environment().put("ICEWARN_HTTP_ENABLED", "false");
        pb.environment().putAll(env);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the jar finished").isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> appliedVersions(Connection c, String historyTable) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT \"version\" FROM " + historyTable
                        + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY 1");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                versions.add(r.getString(1));
            }
        }
        return versions;
    }

    @Test
    void theJarMigratesTheEmbeddedDatabaseInTheDataDirectory() throws Exception {
        // GIVEN an empty data directory
        Path data = Files.createDirectories(dir.resolve("data"));
        // WHEN the bot starts (and Discord refuses it on the gateway)
        Run r = runRefused(Map.of("ICEWARN_DATA_DIR", data.toString()));
        // THEN it opened and migrated the store first, and said why it stopped in one line
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("schema version 1").contains("icewarn: Discord rejected the bot token");
        assertThat(data.resolve("icewarn.mv.db")).exists();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("icewarn"))) {
            assertThat(appliedVersions(c, "\"flyway_schema_history\"")).containsExactly("1");
        }
    }

    @Test
    void theJarMigratesPostgresqlInItsSchema() throws Exception {
        TestPostgres.requireServer();
        String schema = TestPostgres.freshSchema();
        try {
            // WHEN the bot starts against PostgreSQL
            Run r = runRefused(Map.of(
                    "ICEWARN_DATABASE_URL",
                    TestPostgres.URL,
                    "ICEWARN_DATABASE_USER",
                    TestPostgres.USER,
                    "ICEWARN_DATABASE_SCHEMA",
                    schema));
            // THEN the schema was created and migrated by the packaged jar
            assertThat(r.code()).as(r.err()).isEqualTo(3);
            assertThat(r.err()).contains("schema version 1");
            try (Connection c = DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, null)) {
                assertThat(appliedVersions(c, schema + ".flyway_schema_history"))
                        .containsExactly("1");
            }
        } finally {
            TestPostgres.drop(schema);
        }
    }

    @Test
    void anUnreachableDatabaseIsOneLineWithoutThePassword() throws Exception {
        // GIVEN a PostgreSQL URL where nothing listens, and a password
        String password = "pw-not-to-be-logged-" + System.nanoTime();
        // WHEN the bot starts
        Run r = runRefused(Map.of(
                "ICEWARN_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/icewarn?connectTimeout=3",
                "ICEWARN_DATABASE_USER", "icewarn",
                "ICEWARN_DATABASE_PASSWORD", password));
        // THEN exit 1 with one line naming the database, and the password appears nowhere
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> l.startsWith("icewarn: ")))
                .singleElement()
                .satisfies(
                        l -> assertThat(l).contains("could not open or migrate").contains("127.0.0.1:1/icewarn"));
        assertThat(r.err() + r.out()).doesNotContain(password);
    }

    @Test
    void theConsoleAndTheCommandLineNeverCreateTheDatabase() throws Exception {
        // GIVEN a data directory setting but no token
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("ICEWARN_DATA_DIR", data.toString());
        // WHEN the console runs (on empty input) and explain runs
        Run console = run(env);
        Run explain = run(env, "explain", "0x320");
        // THEN both work and nothing was created
        assertThat(console.code()).as(console.err()).isZero();
        assertThat(explain.code()).as(explain.err()).isZero();
        assertThat(data).doesNotExist();
    }
}
