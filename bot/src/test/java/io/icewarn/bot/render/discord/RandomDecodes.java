package io.icewarn.bot.render.discord;

import io.icewarn.decoder.ChecklistItem;
import io.icewarn.decoder.CodeExplanation;
import io.icewarn.decoder.Confidence;
import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.FieldExplanation;
import io.icewarn.decoder.FlagMeaning;
import io.icewarn.decoder.IceWarnExplanation;
import io.icewarn.decoder.Severity;
import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.Fields;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.MediaInfo;
import io.icewarn.decoder.model.Problem;
import io.icewarn.decoder.model.ServerDiagnostic;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.Side;
import io.icewarn.decoder.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/** A seeded generator of hostile decode results: long text, many parts, emoji at cut points, mentions. */
final class RandomDecodes {
    private static final String[] WORDS = {
        "ICE", "failed", "relay", "0x320", "Edge", "😀", "🇩🇪", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "@everyone", "@here",
                "<@123456789012345678>",
        "<@!42>", "<@&42>", "<#42>", "```", "**bold**", "_x_", "|spoiler|", "\u202Eevil", "zero\u200Bwidth", "a", "the",
        "https://example.org/x", "10.0.0.1:50000", "host.example.com", "é", "中文", "\t", "\n", "\n\n"
    };
    private static final Severity[] SEVERITIES = Severity.values();
    private static final FlagMeaning.Expectation[] EXPECTATIONS = FlagMeaning.Expectation.values();
    private static final Confidence[] CONFIDENCES = Confidence.values();

    private final Random random;

    RandomDecodes(long seed) {
        this.random = new Random(seed);
    }

    /** The text a result was decoded from, and the result. */
    record Sample(String text, DecodeResult result) {}

    Sample next() {
        String text = text(random.nextInt(8) == 0 ? 20_000 : 1_500);
        int n = random.nextInt(40) == 0 ? 1 + random.nextInt(40) : 1 + random.nextInt(3);
        List<DecodedDiagnostic> ds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ds.add(diagnostic(text));
        }
        List<Problem> problems = new ArrayList<>();
        for (int i = random.nextInt(3) == 0 ? random.nextInt(25) : 0; i > 0; i--) {
            problems.add(new Problem(random.nextInt(text.length() + 1), text(200)));
        }
        return new Sample(text, new DecodeResult(random.nextInt(50) == 0 ? List.of() : ds, problems));
    }

    private DecodedDiagnostic diagnostic(String text) {
        int a = random.nextInt(text.length() + 1);
        int b = a + random.nextInt(text.length() - a + 1);
        Span span = new Span(a, b);
        Diagnostic d;
        List<Field> raw = new ArrayList<>();
        for (int i = random.nextInt(12) == 0 ? random.nextInt(60) : random.nextInt(8); i > 0; i--) {
            raw.add(new Field(
                    "K" + word() + i, random.nextInt(5) == 0 ? "" : text(random.nextInt(4) == 0 ? 3000 : 60)));
        }
        Fields fields = Fields.of(raw);
        Optional<String> reason =
                random.nextInt(6) == 0 ? Optional.empty() : Optional.of(text(random.nextInt(4) == 0 ? 5000 : 120));
        if (random.nextBoolean()) {
            d = new ClientDiagnostic(
                    span,
                    Shape.CLIENT_MEDIA_DEBUG,
                    OptionalInt.of(random.nextInt(60000)),
                    reason,
                    Optional.of(random.nextBoolean() ? Side.CALLER : Side.CALLEE),
                    Optional.of(text(30)),
                    fields,
                    MediaInfo.of(fields),
                    random.nextBoolean() ? OptionalInt.of(488) : OptionalInt.empty());
        } else {
            d = new ServerDiagnostic(
                    span,
                    Shape.SERVER,
                    random.nextInt(100000),
                    OptionalInt.empty(),
                    reason,
                    fields,
                    OptionalInt.empty());
        }
        List<FlagMeaning> flags = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        long value = random.nextLong() & 0xFFFF_FFFFL;
        for (long bit : IceWarn.parse(IceWarn.hex(value)).orElseThrow().setBits()) {
            if (random.nextInt(4) == 0) {
                unknown.add(bit);
            } else {
                flags.add(new FlagMeaning(
                        bit,
                        text(random.nextInt(8) == 0 ? 1500 : 40),
                        EXPECTATIONS[random.nextInt(EXPECTATIONS.length)],
                        text(random.nextInt(8) == 0 ? 1500 : 80),
                        List.of("S" + random.nextInt(60)),
                        CONFIDENCES[random.nextInt(CONFIDENCES.length)]));
            }
        }
        Optional<IceWarnExplanation> ice = random.nextInt(3) == 0
                ? Optional.empty()
                : Optional.of(new IceWarnExplanation(
                        IceWarn.parse(IceWarn.hex(value)).orElseThrow(),
                        flags,
                        unknown,
                        random.nextBoolean() ? Optional.of(text(100)) : Optional.empty()));
        List<FieldExplanation> explained = new ArrayList<>();
        for (Field f : raw) {
            explained.add(new FieldExplanation(
                    f.key(),
                    f.value(),
                    random.nextBoolean(),
                    text(50),
                    random.nextBoolean() ? Optional.of(text(random.nextInt(8) == 0 ? 1500 : 40)) : Optional.empty(),
                    List.of(),
                    CONFIDENCES[random.nextInt(CONFIDENCES.length)]));
        }
        List<ChecklistItem> checklist = new ArrayList<>();
        for (int i = random.nextInt(12) == 0 ? random.nextInt(40) : random.nextInt(6); i > 0; i--) {
            List<String> sources = new ArrayList<>();
            for (int s = random.nextInt(4); s > 0; s--) {
                sources.add("S" + random.nextInt(60));
            }
            checklist.add(new ChecklistItem(
                    "rule-" + i,
                    text(random.nextInt(6) == 0 ? 2500 : 200),
                    sources,
                    CONFIDENCES[random.nextInt(CONFIDENCES.length)]));
        }
        List<String> notes = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            notes.add(text(300));
        }
        Optional<CodeExplanation> code = random.nextBoolean()
                ? Optional.of(new CodeExplanation(
                        d.header(),
                        1,
                        true,
                        Optional.of(text(100)),
                        text(100),
                        Optional.empty(),
                        Optional.empty(),
                        Severity.FAILURE,
                        List.of(),
                        Confidence.SPEC))
                : Optional.empty();
        return new DecodedDiagnostic(
                d,
                SEVERITIES[random.nextInt(SEVERITIES.length)],
                text(random.nextInt(10) == 0 ? 9000 : 300),
                code,
                ice,
                explained,
                checklist,
                notes);
    }

    /** Returns random text of up to {@code max} characters. */
    private String text(int max) {
        int target = random.nextInt(max + 1);
        StringBuilder b = new StringBuilder();
        while (b.length() < target) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                // one very long word: no space to cut at
                int len = random.nextInt(3000);
                for (int i = 0; i < len; i++) {
                    b.append(random.nextInt(7) == 0 ? "😀" : "w");
                }
            } else {
                b.append(word());
            }
            b.append(random.nextInt(6) == 0 ? "" : " ");
        }
        return b.toString();
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
