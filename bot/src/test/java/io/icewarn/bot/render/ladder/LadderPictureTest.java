package io.icewarn.bot.render.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.ladder.Ladder;
import io.icewarn.bot.ladder.LadderBuilder;
import io.icewarn.decoder.flow.CallFlow;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class LadderPictureTest {
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b");
    private static final Pattern HOST = Pattern.compile("[a-z0-9-]+\\.(contoso|fabrikam|example)\\.(com|net)");

    private static Ladder pictured(String name, boolean redact) {
        CallFlow flow = FlowCorpusTest.flow(name);
        LadderBuilder builder = new LadderBuilder(redact);
        return builder.forPicture(builder.ladder(builder.pictured(flow).orElseThrow()));
    }

    @Test
    void png_isProducedAndNonTrivial() throws Exception {
        // GIVEN the federated call of the corpus
        Ladder ladder = pictured("02", false);
        // WHEN it is drawn
        byte[] png = new LadderPicture().png(ladder);
        // THEN a real picture comes out: a PNG of some kilobytes, wide enough for its columns and not huge
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(png.length).isGreaterThan(8_000);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isBetween(400, 1400);
        assertThat(image.getHeight()).isBetween(250, 1400);
    }

    @ParameterizedTest
    @MethodSource("io.icewarn.bot.render.ladder.FlowCorpusTest#caseNames")
    void source_withRedaction_holdsNoAddressOrHostName(String name) {
        // GIVEN a corpus trace and redaction on
        Ladder ladder = pictured(name, true);
        // WHEN the picture's PlantUML source is written
        String source = new LadderPicture().source(ladder).replace("~", "");
        // THEN no IP address or host name of the trace is in it, and the masks are
        assertThat(IPV4.matcher(source).find()).as(source).isFalse();
        assertThat(HOST.matcher(source).find()).as(source).isFalse();
        assertThat(source).containsAnyOf("[ip]", "[host]");
    }

    @Test
    void source_withoutRedaction_namesTheAddresses() {
        String source = new LadderPicture().source(pictured("02", false)).replace("~", "");
        assertThat(source).contains("10.20.30.41:51342", "sip:bob@fabrikam.com");
    }

    @Test
    void source_escapesMarkupPreprocessorAndLinks() {
        // GIVEN a reason phrase written to be read as PlantUML
        Ladder ladder = new Ladder(
                "t",
                List.of(
                        new Ladder.Column("A", "caller", "<img:http://127.0.0.1/x.png>"),
                        new Ladder.Column("B", "callee", "b")),
                List.of(new Ladder.Row(
                        "",
                        1,
                        0,
                        "488 **x** %date() \\n [[http://x]] /' & ~ {{",
                        true,
                        List.of("ms-diagnostics 1: <color:red>"))),
                List.of(),
                true);
        // WHEN the source is written
        String source = new LadderPicture().source(ladder);
        // THEN nothing of it reaches PlantUML unescaped
        assertThat(source)
                .doesNotContainPattern("(?<!~)<img")
                .doesNotContainPattern("(?<!~)<color:red>")
                .doesNotContain("**x**", "%date", "\\n [[", "[[http", "/'", "{{")
                .contains("~<img", "~*~*x~*~*", "\uFF05date()", "~[~[http:~/~/x~]~]", "~<color:red>");
    }

    @Test
    void forPicture_capsMessagesAndColumns() {
        // GIVEN a dialog of 80 messages between 9 parties
        List<Ladder.Column> columns = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            columns.add(new Ladder.Column(String.valueOf((char) ('A' + i)), "peer", "p" + i));
        }
        List<Ladder.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            rows.add(new Ladder.Row("", i % 9, (i + 1) % 9, "INFO", i == 60, List.of()));
        }
        Ladder big = new Ladder("t", columns, rows, List.of(), true);
        // WHEN it is cut for a picture
        Ladder cut = new LadderBuilder(false).forPicture(big);
        // THEN the picture has the caps, keeps the failure, and says what it left out
        assertThat(cut.rows()).hasSize(LadderBuilder.MAX_PICTURE_MESSAGES).anyMatch(Ladder.Row::failure);
        assertThat(cut.columns()).hasSize(LadderBuilder.MAX_PICTURE_COLUMNS);
        assertThat(cut.notes()).hasSize(2);
    }

    @Test
    void png_ofAHostileLadder_isDrawnQuickly() throws Exception {
        // GIVEN the largest picture the caps allow, with the longest texts
        String longText = "x".repeat(LadderBuilder.MAX_TEXT_CHARS);
        List<Ladder.Column> columns = new java.util.ArrayList<>();
        for (int i = 0; i < LadderBuilder.MAX_PICTURE_COLUMNS; i++) {
            columns.add(new Ladder.Column(String.valueOf((char) ('A' + i)), "peer", longText));
        }
        List<Ladder.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < LadderBuilder.MAX_PICTURE_MESSAGES; i++) {
            rows.add(
                    new Ladder.Row("12:00:00.000", 0, columns.size() - 1, longText, true, List.of(longText, longText)));
        }
        // WHEN it is drawn THEN it is drawn (the time is measured by LadderBench, not here)
        assertThat(new LadderPicture().png(new Ladder(longText, columns, rows, List.of(), true)).length)
                .isGreaterThan(8_000);
    }
}
