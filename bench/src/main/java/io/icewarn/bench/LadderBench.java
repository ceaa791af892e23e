package io.icewarn.bench;

import io.icewarn.bot.ladder.Ladder;
import io.icewarn.bot.ladder.LadderBuilder;
import io.icewarn.bot.render.ladder.LadderPicture;
import io.icewarn.decoder.Decoder;
import io.icewarn.decoder.flow.CallFlow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The call-flow picture: reading a trace into dialogs, and drawing the PNG of a corpus trace and of the worst
 * ladder the picture's caps allow (every column, every message, every text at its longest, every message a
 * failure with two diagnostics): what a hostile log can make the bot draw.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LadderBench {
    private final Decoder decoder = Decoder.standard();
    private final LadderPicture picture = new LadderPicture();
    private String federated;
    private Ladder corpus;
    private Ladder worst;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = LadderBench.class.getResourceAsStream("flow/02-federated-edge.uccapilog")) {
            federated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LadderBuilder builder = new LadderBuilder(false);
        CallFlow flow = decoder.flow(federated);
        corpus = builder.forPicture(builder.ladder(builder.pictured(flow).orElseThrow()));
        String longest = "x".repeat(LadderBuilder.MAX_TEXT_CHARS);
        List<Ladder.Column> columns = new ArrayList<>();
        for (int i = 0; i < LadderBuilder.MAX_PICTURE_COLUMNS; i++) {
            columns.add(new Ladder.Column(String.valueOf((char) ('A' + i)), "peer", longest));
        }
        List<Ladder.Row> rows = new ArrayList<>();
        for (int i = 0; i < LadderBuilder.MAX_PICTURE_MESSAGES; i++) {
            rows.add(new Ladder.Row("12:00:00.000", i % columns.size(), (i + 3) % columns.size(), longest, true,
                    List.of(longest, longest)));
        }
        worst = new Ladder(longest, columns, rows, List.of(), true);
    }

    @Benchmark
    public CallFlow readFederatedTrace() {
        return decoder.flow(federated);
    }

    @Benchmark
    public byte[] pngFederatedTrace() throws IOException {
        return picture.png(corpus);
    }

    @Benchmark
    public byte[] pngWorstCase() throws IOException {
        return picture.png(worst);
    }
}
