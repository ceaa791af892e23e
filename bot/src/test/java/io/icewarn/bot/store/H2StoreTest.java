package io.icewarn.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icewarn.bot.config.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on the embedded default: an H2 file under a fresh data directory per test. */
final class H2StoreTest extends StoreContract {
    @TempDir
    Path dataDir;

    @Override
    StoreTarget target() {
        return StoreTarget.of(DatabaseSettings.embedded(dataDir.resolve("nested/data")));
    }

    @Test
    void theDataDirectoryIsCreatedAndHoldsTheFile() {
        // GIVEN a data directory that does not exist yet
        // WHEN the store opens
        try (Store store = open()) {
            // THEN the database file is in it
            assertThat(dataDir.resolve("nested/data/icewarn.mv.db")).exists();
        }
    }

    @Test
    void anUnwritableDataDirectoryGivesOneClearLine() throws Exception {
        // GIVEN a data directory path that runs through a regular file
        Path file = Files.writeString(dataDir.resolve("not-a-dir"), "x");
        StoreTarget target = StoreTarget.of(DatabaseSettings.embedded(file.resolve("data")));
        // WHEN / THEN opening fails with one line naming the directory and the setting
        assertThatThrownBy(() -> Store.open(target))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not-a-dir")
                .hasMessageContaining("ICEWARN_DATA_DIR")
                .hasMessageNotContaining("\n");
    }
}
