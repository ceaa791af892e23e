package io.icewarn.bot.store;

import io.icewarn.bot.config.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded database's directory when it did not exist before this start, so a bot that then fails to
 * start (Discord refuses the login) leaves nothing behind in the working directory. A directory that existed
 * is never touched. Not thread-safe; used once by the start-up thread.
 */
public final class FreshDataDirectory {
    private final Optional<Path> created;

    private FreshDataDirectory(Optional<Path> created) {
        this.created = created;
    }

    /** Notes whether {@code settings} name an embedded database whose directory does not exist yet. */
    public static FreshDataDirectory before(DatabaseSettings settings) {
        Path dir = settings.dataDirectory().toAbsolutePath().normalize();
        return new FreshDataDirectory(
                settings.embedded() && Files.notExists(dir) ? Optional.of(dir) : Optional.empty());
    }

    /**
     * Deletes the directory and what the store wrote into it when it did not exist before; call only after the
     * store was closed. Returns true when something was removed. A file that cannot be deleted is left.
     */
    public boolean remove() {
        if (created.isEmpty() || Files.notExists(created.get())) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(created.get())) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            return false;
        }
        return Files.notExists(created.get());
    }
}
