package io.icewarn.bot.features.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TokenSourceTest {

    // not a real token: right shape, random characters
    static final String FAKE = "MTAxMjM0NTY3ODkwMTIzNDU2Nw.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB";

    @TempDir
    Path dir;

    @Test
    void fromEnv_file_readsAndStrips() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), FAKE + "\n");
        DiscordToken token = TokenSource.fromEnv(Map.of("DISCORD_TOKEN_FILE", file.toString()));
        assertThat(token.reveal()).isEqualTo(FAKE);
        assertThat(token.toString()).doesNotContain(FAKE).contains("redacted");
    }

    @Test
    void fromEnv_inline() {
        assertThat(TokenSource.fromEnv(Map.of("DISCORD_TOKEN", " " + FAKE)).reveal())
                .isEqualTo(FAKE);
    }

    @Test
    void fromEnv_errorsNeverContainTheToken() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), FAKE);
        assertThatThrownBy(
                        () -> TokenSource.fromEnv(Map.of("DISCORD_TOKEN_FILE", file.toString(), "DISCORD_TOKEN", FAKE)))
                .hasMessage("set DISCORD_TOKEN_FILE or DISCORD_TOKEN, not both");
        assertThatThrownBy(() -> TokenSource.fromEnv(Map.of()))
                .hasMessage("no bot token: set DISCORD_TOKEN_FILE (preferred) or DISCORD_TOKEN");
        assertThatThrownBy(() -> TokenSource.fromEnv(
                        Map.of("DISCORD_TOKEN_FILE", dir.resolve("missing").toString())))
                .hasMessageEndingWith("cannot be read (NoSuchFileException)");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> TokenSource.fromFile(empty)).hasMessageEndingWith("holds an empty token");
        assertThatThrownBy(() -> TokenSource.fromEnv(Map.of("DISCORD_TOKEN", "abc def ghi")))
                .hasMessage("DISCORD_TOKEN holds whitespace inside the token");
    }
}
