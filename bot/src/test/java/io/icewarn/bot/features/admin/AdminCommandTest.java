package io.icewarn.bot.features.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.lenient;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.discord.JdaTester;
import io.icewarn.bot.discord.JdaTester.Sent;
import io.icewarn.bot.discord.JdaTester.SettingsBuilder;
import io.icewarn.bot.store.GuildOverrides;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class AdminCommandTest {
    private static final long ADMIN = 77;

    private JdaTester tester = new JdaTester();

    @AfterEach
    void everyMessageIsSafe() {
        tester.assertAllSafe();
    }

    /** Runs {@code /icewarn-admin sub} as a server manager and returns the private answer. */
    private String admin(String sub, Map<String, Object> options) {
        int before = tester.sent.size();
        tester.router.onSlashCommandInteraction(tester.admin(sub, options, tester.serverManager(ADMIN)));
        assertThat(tester.sent).hasSize(before + 1);
        Sent answer = tester.sent.get(before);
        assertThat(answer.ephemeral).as("admin answers are private").isTrue();
        assertThat(answer.data.getEmbeds()).as("admin answers are plain text").isEmpty();
        assertThat(answer.data.getContent()).hasSizeLessThanOrEqualTo(2000);
        return answer.data.getContent();
    }

    private int autoAnswers(String text, Member author) {
        int before = tester.sent.size();
        tester.router.onMessageReceived(tester.received(tester.message(text, author.getUser(), author)));
        return tester.sent.size() - before;
    }

    private Member poster(long... roles) {
        User u = tester.user(JdaTester.USER_ID);
        return tester.member(u, roles);
    }

    @Test
    void theCommandIsForServersAndManageServerByDefault() {
        // GIVEN the registered command data
        SlashCommandData data = (SlashCommandData) tester.router.commandData().stream()
                .filter(d -> d.getName().equals(AdminCommand.NAME))
                .findFirst()
                .orElseThrow();
        // THEN only server contexts, and only Manage Server members see it unless the server re-grants it
        assertThat(data.getContexts()).containsExactly(InteractionContextType.GUILD);
        assertThat(data.getDefaultPermissions().getPermissionsRaw()).isEqualTo(Permission.MANAGE_SERVER.getRawValue());
    }

    @Test
    void aMemberWithoutManageServerChangesNothing() {
        // GIVEN a member without Manage Server (the server re-granted the command to everyone)
        Member member = tester.member(tester.user(5));
        // WHEN they try to turn automatic answers off
        tester.router.onSlashCommandInteraction(tester.admin("auto-reply", Map.of("enabled", false), member));
        // THEN they are told why, privately, and nothing is stored
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).ephemeral).isTrue();
        assertThat(tester.sent.get(0).data.getContent()).isEqualTo(AdminCommand.NEEDS_MANAGE_SERVER);
        assertThat(tester.store.guildOverrides().find(JdaTester.GUILD_ID)).isEqualTo(GuildOverrides.none());
    }

    @Test
    void outsideAServerItExplainsItself() {
        // GIVEN the command arriving without a server (a direct message)
        var event = tester.admin("show", Map.of(), null);
        lenient().when(event.getGuild()).thenReturn(null);
        // WHEN handled
        tester.router.onSlashCommandInteraction(event);
        // THEN one private sentence
        assertThat(tester.sent).extracting(s -> s.data.getContent()).containsExactly(AdminCommand.NOT_IN_SERVER);
    }

    @Test
    void showListsTheDefaultsFromTheEnvironment() {
        // GIVEN environment defaults with a helper role and redaction off
        SettingsBuilder s = new SettingsBuilder();
        s.excludedRoles = Set.of(JdaTester.HELPER_ROLE);
        tester = new JdaTester(s);
        // WHEN an admin asks
        String shown = admin("show", Map.of());
        // THEN the defaults are listed, none marked as set here
        assertThat(shown)
                .contains("Automatic answers: on")
                .contains("Answer channels: every channel")
                .contains("<@&" + JdaTester.HELPER_ROLE + ">")
                .contains("Same paste answered once within: 10m")
                .doesNotContain("(set here)");
    }

    @Test
    void autoReplyOffSilencesTheServerAndOnBringsItBack() {
        // GIVEN automatic answers turned off
        assertThat(admin("auto-reply", Map.of("enabled", false))).contains("Automatic answers: off (set here)");
        // WHEN a diagnostic is posted
        // THEN there is no answer
        assertThat(autoAnswers(Fixtures.SEED_24, poster())).isZero();
        // and after turning it on again there is
        admin("auto-reply", Map.of("enabled", true));
        assertThat(autoAnswers(Fixtures.SEED_24 + " ", poster())).isPositive();
    }

    @Test
    void answerChannelsDecideWhereTheBotAnswers() {
        // GIVEN the server limits automatic answers to another channel
        assertThat(admin("channel-add", Map.of("channel", 555L))).contains("<#555>");
        // THEN a diagnostic in the test channel is not answered
        assertThat(autoAnswers(Fixtures.SEED_24, poster())).isZero();
        // WHEN the test channel's category is added
        admin("channel-add", Map.of("channel", JdaTester.CATEGORY_ID));
        // THEN it is answered
        assertThat(autoAnswers(Fixtures.SEED_24 + " ", poster())).isPositive();
        // and removing both channels means every channel again
        admin("channel-remove", Map.of("channel", 555L));
        String last = admin("channel-remove", Map.of("channel", JdaTester.CATEGORY_ID));
        assertThat(last).contains("every channel again");
        assertThat(tester.guildSettings.forGuild(JdaTester.GUILD_ID).channelIds())
                .isEmpty();
    }

    @Test
    void anExcludedRoleGetsNoAutomaticAnswer() {
        // GIVEN the helper role is excluded
        admin("role-exclude", Map.of("role", JdaTester.HELPER_ROLE));
        // THEN a helper's paste is not answered, anyone else's is
        assertThat(autoAnswers(Fixtures.SEED_24, poster(JdaTester.HELPER_ROLE))).isZero();
        assertThat(autoAnswers(Fixtures.SEED_24 + " ", poster())).isPositive();
        // WHEN the role is included again
        admin("role-include", Map.of("role", JdaTester.HELPER_ROLE));
        // THEN helpers are answered too
        assertThat(autoAnswers(Fixtures.SEED_24 + "  ", poster(JdaTester.HELPER_ROLE)))
                .isPositive();
    }

    @Test
    void redactionHidesHostsInThisServersAnswers() {
        // GIVEN without redaction the host is shown
        assertThat(tester.sent).isEmpty();
        autoAnswers(Fixtures.SERVER_1008, poster());
        assertThat(tester.sent).anyMatch(s -> s.text().contains("sip.contoso.com"));
        // WHEN the server turns redaction on
        admin("redact", Map.of("enabled", true));
        int before = tester.sent.size();
        autoAnswers("The same again, from another call:\n" + Fixtures.SERVER_1008, poster());
        // THEN the new answer (a full one, not a link to the first) hides it
        assertThat(tester.sent.subList(before, tester.sent.size()))
                .anyMatch(s -> s.text().contains("[host]"))
                .noneMatch(s -> s.text().contains("sip.contoso.com"));
    }

    @Test
    void privateDefaultMakesCommandAnswersEphemeral() {
        // GIVEN private answers by default in this server
        admin("private-default", Map.of("enabled", true));
        int before = tester.sent.size();
        // WHEN someone decodes without saying
        tester.router.onSlashCommandInteraction(tester.slash("flag", Map.of("value", "0x320")));
        // THEN the answer is private
        assertThat(tester.sent.get(before).ephemeral).isTrue();
        // and saying private:false still wins
        int next = tester.sent.size();
        tester.router.onSlashCommandInteraction(tester.slash("flag", Map.of("value", "0x320", "private", false)));
        assertThat(tester.sent.get(next).ephemeral).isFalse();
    }

    @Test
    void dedupWindowIsValidatedAndFollowed() {
        // GIVEN bad values
        assertThat(admin("dedup-window", Map.of("window", "soon"))).contains("not a duration");
        assertThat(admin("dedup-window", Map.of("window", "30d"))).contains("at most 7d");
        assertThat(tester.store.guildOverrides().find(JdaTester.GUILD_ID).dedupWindow())
                .isEmpty();
        // WHEN dedup is turned off
        assertThat(admin("dedup-window", Map.of("window", "0"))).contains("within: off (set here)");
        // THEN the same paste twice gets two full answers (by two people, so no cooldown applies)
        int first = autoAnswers(Fixtures.SEED_24, poster());
        User other = tester.user(43);
        assertThat(autoAnswers(Fixtures.SEED_24, tester.member(other))).isEqualTo(first);
        assertThat(tester.threadNames).hasSize(2);
        assertThat(tester.sent).noneMatch(s -> s.data.getContent().startsWith("Same paste as before"));
        // WHEN it is one minute
        admin("dedup-window", Map.of("window", "1m"));
        assertThat(tester.guildSettings.forGuild(JdaTester.GUILD_ID).dedupWindow())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void resetGoesBackToTheEnvironment() {
        // GIVEN several overrides
        admin("redact", Map.of("enabled", true));
        admin("auto-reply", Map.of("enabled", false));
        // WHEN reset
        String shown = admin("reset", Map.of());
        // THEN nothing is overridden and the bot answers again
        assertThat(shown).contains("Back to the bot's defaults").doesNotContain("(set here)");
        assertThat(tester.store.guildOverrides().find(JdaTester.GUILD_ID)).isEqualTo(GuildOverrides.none());
        assertThat(autoAnswers(Fixtures.SEED_24, poster())).isPositive();
    }

    @Test
    void statsShowWhichRulesHelpMostVotedFirst() {
        // GIVEN no votes
        assertThat(admin("stats", Map.of())).contains("No feedback yet");
        // and then votes through the buttons: rule-b twice (one fixed), rule-a once (fixed)
        tester.router.onButtonInteraction(tester.button("iw:fb:y:rule-b", 900, tester.user(1), null));
        tester.router.onButtonInteraction(tester.button("iw:fb:n:rule-b", 900, tester.user(2), null));
        tester.router.onButtonInteraction(tester.button("iw:fb:y:rule-a", 901, tester.user(1), null));
        // WHEN an admin asks for the stats
        String stats = admin("stats", Map.of());
        // THEN rule-b comes first with its ratio, then rule-a
        assertThat(stats).contains("3 votes");
        assertThat(stats.indexOf("rule-b")).isLessThan(stats.indexOf("rule-a"));
        assertThat(stats).contains("`rule-b`: 2 votes, 50% fixed it (1 fixed, 1 didn't help)");
        assertThat(stats).contains("`rule-a`: 1 vote, 100% fixed it");
    }
}
