package io.icewarn.bot.render.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplyBuilder;
import io.icewarn.bot.reply.ReplySection;
import io.icewarn.decoder.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

final class DiscordRendererFuzzTest {
    private static final int RUNS = 10_000;
    private static final long SEED = 0x1CE_3A2EL;

    private final DiscordRenderer renderer = new DiscordRenderer();

    private static Optional<SourceRef> source(String key) {
        return key.hashCode() % 2 == 0
                ? Optional.of(new SourceRef(key, "Title of " + key, "https://example.org/" + key))
                : Optional.empty();
    }

    @Test
    void tenThousandHostileDecodesRenderWithinEveryDiscordLimit() {
        // GIVEN a seeded generator of hostile decode results, with and without redaction
        RandomDecodes generator = new RandomDecodes(SEED);
        List<String> violations = new ArrayList<>();
        int messages = 0;
        for (int run = 0; run < RUNS; run++) {
            RandomDecodes.Sample sample = generator.next();
            ReplyBuilder builder = new ReplyBuilder(DiscordRendererFuzzTest::source, run % 3 == 0);
            // WHEN each is worded and rendered
            Reply reply = builder.decoded(sample.text(), sample.result());
            List<MessageCreateData> rendered = renderer.render(reply);
            messages += rendered.size();
            // THEN the independent validator finds nothing, mentions cannot ping, and no checklist item
            // that fits a field was cut
            for (String v : DiscordLimitValidator.violations(rendered)) {
                violations.add("run " + run + ": " + v);
            }
            violations.addAll(prefixed(run, DiscordLimitValidator.threadNameViolations(renderer.threadName(reply))));
            violations.addAll(prefixed(run, mentionsIn(rendered)));
            violations.addAll(prefixed(run, cutChecklistItems(reply, rendered)));
            if (violations.size() > 20) {
                break;
            }
        }
        assertThat(violations).isEmpty();
        assertThat(messages).isGreaterThanOrEqualTo(RUNS);
    }

    private static List<String> prefixed(int run, List<String> found) {
        List<String> out = new ArrayList<>();
        found.forEach(v -> out.add("run " + run + ": " + v));
        return out;
    }

    static List<String> mentionsIn(List<MessageCreateData> messages) {
        List<String> out = new ArrayList<>();
        for (MessageCreateData m : messages) {
            List<String> texts = new ArrayList<>();
            texts.add(m.getContent());
            for (MessageEmbed e : m.getEmbeds()) {
                texts.add(e.getTitle());
                texts.add(e.getDescription());
                e.getFields().forEach(f -> {
                    texts.add(f.getName());
                    texts.add(f.getValue());
                });
            }
            for (String t : texts) {
                if (t != null && t.matches("(?s).*(@everyone|@here|<@[!&]?\\d|<#\\d|</\\w).*")) {
                    out.add("mention syntax in: " + t.substring(0, Math.min(80, t.length())));
                }
            }
        }
        return out;
    }

    private static List<String> cutChecklistItems(Reply reply, List<MessageCreateData> messages) {
        List<String> values = new ArrayList<>();
        messages.forEach(m -> m.getEmbeds().forEach(e -> e.getFields().forEach(f -> values.add(f.getValue()))));
        List<String> out = new ArrayList<>();
        for (ReplySection s : reply.sections()) {
            for (ReplySection.ChecklistLine c : s.checklist()) {
                String escaped = Markdown.escape(c.text());
                if (escaped.length() < 700 && values.stream().noneMatch(v -> v.contains(escaped))) {
                    out.add("checklist item " + c.number() + " was cut");
                }
            }
        }
        return out;
    }
}
