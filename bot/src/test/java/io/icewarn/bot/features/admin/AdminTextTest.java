package io.icewarn.bot.features.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.store.FeedbackRepository.RuleVotes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AdminTextTest {
    @Test
    void statsStayWithinTheLimitAndSayHowManyWereLeftOut() {
        // GIVEN 25 rules with long IDs
        List<RuleVotes> rules = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rules.add(new RuleVotes("rule-with-a-rather-long-identifier-number-" + i + "-".repeat(40), 25 - i, i));
        }
        // WHEN rendered within 1900 characters
        String text = AdminText.stats(rules, 625, AdminCommand.MAX_CHARS);
        // THEN it fits and says how many are left out
        assertThat(text.length()).isLessThanOrEqualTo(AdminCommand.MAX_CHARS);
        assertThat(text).containsPattern("… and \\d+ more rules\\.");
    }

    @Test
    void ruleIdsCannotBreakOutOfTheirCodeSpan() {
        // GIVEN a rule ID holding backticks and a line break
        String text = AdminText.stats(List.of(new RuleVotes("a`b\n@everyone", 1, 0)), 1, 1900);
        // THEN it stays on one line inside one code span
        assertThat(text.lines().filter(l -> l.startsWith("•"))).hasSize(1);
        assertThat(text).doesNotContain("a`b");
    }

    @Test
    void durationsUseTheLargestWholeUnit() {
        assertThat(AdminText.duration(Duration.ZERO)).isEqualTo("off");
        assertThat(AdminText.duration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(AdminText.duration(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(AdminText.duration(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(AdminText.duration(Duration.ofDays(7))).isEqualTo("7d");
    }

    @Test
    void windowsAreParsedWithinTheirBounds() {
        assertThat(AdminCommand.parseWindow("off")).contains(Duration.ZERO);
        assertThat(AdminCommand.parseWindow(" 15m ")).contains(Duration.ofMinutes(15));
        assertThat(AdminCommand.parseWindow("8d")).isEmpty();
        assertThat(AdminCommand.parseWindow("-5m")).isEmpty();
        assertThat(AdminCommand.parseWindow("soon")).isEmpty();
    }
}
