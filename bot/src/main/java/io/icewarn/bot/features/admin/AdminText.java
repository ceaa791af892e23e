package io.icewarn.bot.features.admin;

import io.icewarn.bot.safety.Sanitizer;
import io.icewarn.bot.store.FeedbackRepository.RuleVotes;
import io.icewarn.bot.store.GuildOverrides;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The wording of {@code /icewarn-admin}'s answers: plain text within Discord's 2000 characters. Stateless. */
final class AdminText {
    private static final String CHANGED = " (set here)";

    private AdminText() {}

    /** Returns the settings in force, each marked when this server changed it. */
    static String show(GuildSettings s, GuildOverrides o) {
        return "icewarn settings for this server (values not marked are the bot's defaults):\n"
                + "• Automatic answers: " + onOff(s.autoReply()) + mark(o.autoReply()) + "\n"
                + "• Answer channels: "
                + (s.channelIds().isEmpty() ? "every channel" : mentions(s.channelIds(), "<#", ">"))
                + mark(o.channelIds()) + "\n"
                + "• Roles never answered automatically: "
                + (s.excludedRoleIds().isEmpty() ? "none" : mentions(s.excludedRoleIds(), "<@&", ">"))
                + mark(o.excludedRoleIds()) + "\n"
                + "• Redaction of addresses and host names: " + onOff(s.redact()) + mark(o.redact()) + "\n"
                + "• Command answers private by default: " + onOff(s.privateReplies()) + mark(o.privateReplies()) + "\n"
                + "• Same paste answered once within: " + duration(s.dedupWindow()) + mark(o.dedupWindow());
    }

    /** Returns the feedback tally: one line per rule, most voted first, cut to {@code maxChars}. */
    static String stats(List<RuleVotes> rules, long totalVotes, int maxChars) {
        if (rules.isEmpty()) {
            return "No feedback yet: nobody has clicked \"Fixed it\" or \"Didn't help\" under an answer in this server.";
        }
        StringBuilder b = new StringBuilder("Feedback in this server: ")
                .append(totalVotes)
                .append(totalVotes == 1 ? " vote" : " votes")
                .append(
                        ". Checklist rules, most voted first (rules that rarely fix things are the ones to improve):\n");
        int shown = 0;
        for (RuleVotes r : rules) {
            String rule = r.ruleId().isEmpty()
                    ? "(answers without a checklist)"
                    : Sanitizer.cleanLine(r.ruleId()).replace("`", "'");
            String line = "• `" + rule + "`: " + r.total() + (r.total() == 1 ? " vote, " : " votes, ")
                    + Math.round(r.helpfulRatio() * 100) + "% fixed it (" + r.helped() + " fixed, " + r.notHelped()
                    + " didn't help)\n";
            if (b.length() + line.length() > maxChars - 40) {
                break;
            }
            b.append(line);
            shown++;
        }
        if (shown < rules.size()) {
            b.append("… and ").append(rules.size() - shown).append(" more rules.");
        }
        return b.toString().strip();
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static String mark(Optional<?> override) {
        return override.isPresent() ? CHANGED : "";
    }

    private static String mentions(Set<Long> ids, String open, String close) {
        return ids.stream().sorted().map(id -> open + id + close).collect(Collectors.joining(", "));
    }

    /** Returns {@code d} as 30s, 10m, 2h or 1d (the largest whole unit), "off" for zero. */
    static String duration(Duration d) {
        if (d.isZero()) {
            return "off";
        }
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s == 0 ? d.toMillis() + "ms" : s + "s";
    }
}
