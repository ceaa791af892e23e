package io.icewarn.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.config.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FreshDataDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryThisStartCreatedIsRemovedWithItsFiles() throws IOException {
        // GIVEN no data directory before the start
        Path data = dir.resolve("data");
        FreshDataDirectory fresh = FreshDataDirectory.before(DatabaseSettings.embedded(data));
        // WHEN the store then wrote into it
        Files.createDirectories(data);
        Files.writeString(data.resolve("icewarn.mv.db"), "x");

        // THEN it is removed
        assertThat(fresh.remove()).isTrue();
        assertThat(data).doesNotExist();
    }

    @Test
    void aDirectoryThatExistedIsLeftAlone() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("icewarn.mv.db"), "votes");

        FreshDataDirectory fresh = FreshDataDirectory.before(DatabaseSettings.embedded(data));

        assertThat(fresh.remove()).isFalse();
        assertThat(data.resolve("icewarn.mv.db")).hasContent("votes");
    }

    @Test
    void aServerDatabaseHasNoDirectoryToRemove() throws IOException {
        Path data = dir.resolve("data");
        FreshDataDirectory fresh = FreshDataDirectory.before(new DatabaseSettings(
                data,
                Optional.of("jdbc:postgresql://db/icewarn"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
        Files.createDirectories(data);

        assertThat(fresh.remove()).isFalse();
        assertThat(data).exists();
    }
}
