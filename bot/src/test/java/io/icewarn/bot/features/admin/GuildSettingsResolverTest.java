package io.icewarn.bot.features.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icewarn.bot.discord.JdaTester.SettingsBuilder;
import io.icewarn.bot.store.Store;
import io.icewarn.bot.store.StoreException;
import io.icewarn.bot.store.StoreTarget;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class GuildSettingsResolverTest {
    private static final long GUILD = 5;

    private static Store store() {
        return Store.open(StoreTarget.inMemory("resolver-" + UUID.randomUUID()));
    }

    @Test
    void overridesWinOverTheEnvironmentOnlyWhereSet() {
        // GIVEN environment defaults with a helper role and a 10 minute window
        SettingsBuilder env = new SettingsBuilder();
        env.excludedRoles = Set.of(7L);
        try (Store store = store()) {
            GuildSettingsResolver resolver = new GuildSettingsResolver(env.build(), store.guildOverrides());
            // WHEN a server turns redaction on
            resolver.update(GUILD, o -> o.withRedact(true));
            // THEN that server redacts and keeps every other default; another server has the defaults
            GuildSettings s = resolver.forGuild(GUILD);
            assertThat(s.redact()).isTrue();
            assertThat(s.excludedRoleIds()).containsExactly(7L);
            assertThat(s.dedupWindow()).isEqualTo(Duration.ofMinutes(10));
            assertThat(resolver.forGuild(GUILD + 1)).isEqualTo(resolver.defaults());
        }
    }

    @Test
    void aWriteIsSeenAtOnceEvenWhenTheOldValueWasCached() {
        try (Store store = store()) {
            GuildSettingsResolver resolver =
                    new GuildSettingsResolver(new SettingsBuilder().build(), store.guildOverrides());
            // GIVEN the server's settings are cached
            assertThat(resolver.forGuild(GUILD).autoReply()).isTrue();
            // WHEN changed through the resolver, then reset
            resolver.update(GUILD, o -> o.withAutoReply(false));
            assertThat(resolver.forGuild(GUILD).autoReply()).isFalse();
            resolver.reset(GUILD);
            // THEN each read sees the latest write
            assertThat(resolver.forGuild(GUILD).autoReply()).isTrue();
        }
    }

    @Test
    void anUnreadableStoreFallsBackToTheDefaultsButAFailedWriteIsReported() {
        // GIVEN a resolver over a store that has been closed
        Store store = store();
        GuildSettingsResolver resolver =
                new GuildSettingsResolver(new SettingsBuilder().build(), store.guildOverrides());
        store.close();
        // THEN reads give the defaults (messages still get answered) and writes throw
        assertThat(resolver.forGuild(GUILD)).isEqualTo(resolver.defaults());
        assertThatThrownBy(() -> resolver.update(GUILD, o -> o.withRedact(true)))
                .isInstanceOf(StoreException.class);
    }
}
