package io.icewarn.bot.features.autoreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.util.Set;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.attribute.ICategorizableChannel;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.IThreadContainerUnion;
import org.junit.jupiter.api.Test;

final class ChannelScopeTest {
    private static ThreadChannel threadIn(long parentId, long categoryId) {
        ThreadChannel thread = mock(ThreadChannel.class);
        when(thread.getType()).thenReturn(ChannelType.GUILD_PUBLIC_THREAD);
        when(thread.getIdLong()).thenReturn(300L);
        IThreadContainerUnion parent =
                mock(IThreadContainerUnion.class, withSettings().extraInterfaces(ICategorizableChannel.class));
        when(parent.getIdLong()).thenReturn(parentId);
        when(((ICategorizableChannel) parent).getParentCategoryIdLong()).thenReturn(categoryId);
        when(thread.getParentChannel()).thenReturn(parent);
        return thread;
    }

    @Test
    void threadsFollowTheirParentChannelAndCategory() {
        // GIVEN threads under channel 100 in category 50, and under channel 200 in category 60
        ThreadChannel allowedByParent = threadIn(100, 60);
        ThreadChannel allowedByCategory = threadIn(200, 50);
        ThreadChannel elsewhere = threadIn(200, 60);

        // WHEN channel 100 and category 50 are allowed
        ChannelScope scope = new ChannelScope(Set.of(100L, 50L));

        // THEN a thread is in scope through its parent or its parent's category only
        assertThat(scope.allows(allowedByParent)).isTrue();
        assertThat(scope.allows(allowedByCategory)).isTrue();
        assertThat(scope.allows(elsewhere)).isFalse();
    }

    @Test
    void directMessagesAndAnEmptyListAllowEverything() {
        PrivateChannel dm = mock(PrivateChannel.class);
        when(dm.getType()).thenReturn(ChannelType.PRIVATE);
        assertThat(new ChannelScope(Set.of(1L)).allows(dm)).isTrue();
        assertThat(new ChannelScope(Set.of()).allows(threadIn(1, 2))).isTrue();
    }
}
