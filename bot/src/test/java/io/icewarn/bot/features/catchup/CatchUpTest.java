package io.icewarn.bot.features.catchup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.features.autoreply.AutoReply;
import io.icewarn.bot.store.CheckpointRepository;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.SessionInvalidateEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import org.junit.jupiter.api.Test;

/** Catch-up runs once per guild and gateway session, after the session's live marks were forgotten. */
final class CatchUpTest {
    private static final long GUILD = 7;

    @Test
    void aNewSessionCatchesUpEachGuildOnce() {
        // GIVEN a bot whose session could not be resumed, with a live message noted in the old session
        BotContext ctx = mock(BotContext.class, RETURNS_DEEP_STUBS);
        when(ctx.services().settings().catchUpMaxAge()).thenReturn(Duration.ofHours(1));
        Checkpoints checkpoints = new Checkpoints(mock(CheckpointRepository.class));
        checkpoints.arrivedLive(1, 100);
        CatchUp catchUp = new CatchUp(ctx, mock(AutoReply.class), checkpoints);
        JDA jda = mock(JDA.class);
        Guild guild = mock(Guild.class);
        when(guild.getIdLong()).thenReturn(GUILD);
        when(jda.getGuilds()).thenReturn(List.of(guild));

        // WHEN JDA reports the new session as it does: invalidated, the guild ready again, then recreated
        SessionInvalidateEvent invalidated = mock(SessionInvalidateEvent.class);
        when(invalidated.getJDA()).thenReturn(jda);
        catchUp.onSessionInvalidate(invalidated);
        GuildReadyEvent ready = mock(GuildReadyEvent.class);
        when(ready.getJDA()).thenReturn(jda);
        when(ready.getGuild()).thenReturn(guild);
        catchUp.onGuildReady(ready);
        SessionRecreateEvent recreated = mock(SessionRecreateEvent.class);
        when(recreated.getJDA()).thenReturn(jda);
        catchUp.onSessionRecreate(recreated);

        // THEN the old session's live marks are gone before the guild's catch-up, which runs exactly once
        assertThat(checkpoints.firstLive(1)).isEmpty();
        verify(jda, timeout(5_000).times(1)).getGuildById(GUILD);
        verify(jda, after(500).times(1)).getGuildById(GUILD);
    }
}
