package io.icewarn.bot.render.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.ladder.Ladder;
import io.icewarn.bot.ladder.LadderBuilder;
import io.icewarn.decoder.flow.CallFlow;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus trace's picture fits Discord's preview: at most {@link LadderPicture#MAX_WIDTH} pixels wide, so
 * the chat shows it without shrinking the text below legibility. Writes the sizes to
 * {@code bot/target/picture-sizes.md} (width, height, bytes per trace, without and with redaction).
 */
final class LadderPictureSizeTest {
    private static final Map<String, String> ROWS = new TreeMap<>();

    @ParameterizedTest
    @MethodSource("io.icewarn.bot.render.ladder.FlowCorpusTest#caseNames")
    void png_ofEveryCorpusTrace_fitsThePreviewWidth(String name) throws IOException {
        // GIVEN a corpus trace's pictured dialog, without and with redaction
        CallFlow flow = FlowCorpusTest.flow(name);
        StringBuilder row = new StringBuilder("| " + name + " |");
        for (boolean redact : new boolean[] {false, true}) {
            LadderBuilder builder = new LadderBuilder(redact);
            Ladder ladder =
                    builder.forPicture(builder.ladder(builder.pictured(flow).orElseThrow()));
            // WHEN it is drawn
            byte[] png = new LadderPicture().png(ladder);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            // THEN it is no wider than a chat preview shows legibly
            assertThat(image.getWidth()).as("width of %s", name).isLessThanOrEqualTo(LadderPicture.MAX_WIDTH);
            row.append(' ')
                    .append(ladder.columns().size())
                    .append(" × ")
                    .append(ladder.rows().size())
                    .append(" | ")
                    .append(image.getWidth())
                    .append(" × ")
                    .append(image.getHeight())
                    .append(" | ")
                    .append(png.length)
                    .append(" |");
        }
        synchronized (ROWS) {
            ROWS.put(name, row.toString());
        }
    }

    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder b = new StringBuilder(
                "| trace | columns × messages | width × height, px | bytes | redacted: columns × messages | px | bytes |\n"
                        + "|---|---|---|---|---|---|---|\n");
        ROWS.values().forEach(r -> b.append(r).append('\n'));
        Files.writeString(Path.of("target", "picture-sizes.md"), b.toString(), StandardCharsets.UTF_8);
    }
}
