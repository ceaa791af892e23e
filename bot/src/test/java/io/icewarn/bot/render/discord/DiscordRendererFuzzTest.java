package io.icewarn.bot.render.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.features.buttons.AnswerSource;
import io.icewarn.bot.features.buttons.ButtonIds;
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

    /** Any mention syntax Discord would turn into a ping (searched, not matched whole: no backtracking). */
    private static final java.util.regex.Pattern MENTION =
            java.util.regex.Pattern.compile("@everyone|@here|<@[!&]?\\d|<#\\d|</\\w");

    private final DiscordRenderer renderer = new DiscordRenderer();

    private static Optional<SourceRef> source(String key) {
        return key.hashCode() % 2 == 0
                ? Optional.of(new SourceRef(key, "Title of " + key, "https://example.org/" + key, "Label of " + key))
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
            // WHEN each is worded and rendered in every view: the full reply, the short answer (in place and in
            // a thread, with its components), the full checklist, the raw fields and one diagnostic of several
            Reply reply = builder.decoded(sample.text(), sample.result());
            Reply answer = builder.answer(reply);
            List<MessageCreateData> rendered = renderer.render(reply);
            messages += rendered.size();
            List<List<MessageCreateData>> views = new ArrayList<>();
            views.add(rendered);
            Reply a = run % 2 == 0 ? answer : builder.withoutQuotes(answer); // in place, or in a thread
            List<MessageCreateData> shown = ButtonIds.withComponents(
                    renderer.render(a), a, AnswerSource.message(123L, 456L), run % 3 == 0 ? 0 : 789L);
            if (shown.size() > DiscordRenderer.MAX_ANSWER_MESSAGES) {
                violations.add("run " + run + ": the answer takes " + shown.size() + " messages");
            }
            views.add(shown);
            if (run % 5 == 0) { // the views on demand, on a fifth of the runs to keep the test quick
                views.add(renderer.render(builder.checklist(reply)));
                views.add(renderer.render(builder.rawFields(reply)));
            }
            if (run % 5 == 1 && !reply.sections().isEmpty()) {
                builder.one(reply, reply.sections().get(0).index())
                        .ifPresent(one -> views.add(renderer.render(builder.answer(one))));
            }
            // THEN the independent validator finds nothing, mentions cannot ping, and no checklist item
            // that fits a field was cut
            for (List<MessageCreateData> view : views) {
                for (String v : DiscordLimitValidator.violations(view)) {
                    violations.add("run " + run + ": " + v);
                }
                violations.addAll(prefixed(run, mentionsIn(view)));
            }
            violations.addAll(prefixed(run, DiscordLimitValidator.threadNameViolations(renderer.threadName(reply))));
            violations.addAll(prefixed(run, DiscordLimitValidator.threadNameViolations(renderer.threadName(answer))));
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
                texts.add(e.getAuthor() == null ? null : e.getAuthor().getName());
                texts.add(e.getFooter() == null ? null : e.getFooter().getText());
                texts.add(e.getDescription());
                e.getFields().forEach(f -> {
                    texts.add(f.getName());
                    texts.add(f.getValue());
                });
            }
            for (String t : texts) {
                if (t != null && MENTION.matcher(t).find()) {
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
            for (ReplySection.ChecklistLine c : s.steps()) {
                String escaped = Markdown.escape(c.text());
                if (escaped.length() < 700 && values.stream().noneMatch(v -> v.contains(escaped))) {
                    out.add("checklist item " + c.number() + " was cut");
                }
            }
        }
        return out;
    }
}
