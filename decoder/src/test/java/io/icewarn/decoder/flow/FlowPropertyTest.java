package io.icewarn.decoder.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.icewarn.decoder.Decoder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Seeded mutations of the trace corpus: any cut or damage never throws and keeps the caps; changes that keep
 * each message intact (line ends, chat quotes, trailing blanks, chat around it, another header case) give the
 * same dialogs.
 */
final class FlowPropertyTest {
    private static final Decoder DECODER = Decoder.standard();
    private static final List<String> TRACES = FlowTraces.names();
    private static final String[] NOISE = {
        "\u0000",
        "\r",
        "\n",
        "\n\n",
        "SIP/2.0 ",
        "INVITE sip:",
        "Call-ID: ",
        "$$begin_record",
        "$$end_record",
        "04/16/2013|03:17:30.168 1F68:C14 INFO  :: ",
        "Sending Packet - ",
        "End of Data Received",
        ";tag=",
        "<",
        ">",
        "\"",
        "\uD83D\uDE00",
        "\uD800",
        "```",
        "> ",
        "\t",
        ":",
        ","
    };

    @RepeatedTest(300)
    void flow_damagedTrace_neverThrows(RepetitionInfo info) {
        Random rnd = new Random(17_000L + info.getCurrentRepetition());
        String text = FlowTraces.read(TRACES.get(rnd.nextInt(TRACES.size())));
        StringBuilder b = new StringBuilder(text.substring(0, rnd.nextInt(text.length() + 1)));
        int edits = rnd.nextInt(40);
        for (int k = 0; k < edits && b.length() > 0; k++) {
            int at = rnd.nextInt(b.length());
            switch (rnd.nextInt(3)) {
                case 0 -> b.insert(at, NOISE[rnd.nextInt(NOISE.length)]);
                case 1 -> b.delete(at, Math.min(b.length(), at + 1 + rnd.nextInt(30)));
                default -> b.setCharAt(at, (char) rnd.nextInt(0x3000));
            }
        }
        assertThatCode(() -> {
                    CallFlow flow = DECODER.flow(b);
                    assertThat(flow.dialogs()).hasSizeLessThanOrEqualTo(FlowReader.MAX_DIALOGS);
                    assertThat(flow.problems()).hasSizeLessThanOrEqualTo(FlowReader.MAX_PROBLEMS);
                })
                .as("seed %d", 17_000L + info.getCurrentRepetition())
                .doesNotThrowAnyException();
    }

    @RepeatedTest(100)
    void flow_intactChanges_giveTheSameDialogs(RepetitionInfo info) {
        Random rnd = new Random(27_000L + info.getCurrentRepetition());
        String name = TRACES.get(rnd.nextInt(TRACES.size()));
        String text = FlowTraces.read(name);
        String expected = FlowReaderTest.summary(DECODER.flow(text));
        String t = text;
        if (rnd.nextBoolean()) {
            t = t.replace("\r\n", "\n").replace("\n", "\r\n");
        }
        if (rnd.nextBoolean()) {
            t = t.replaceAll("(?<!\r)(?=\r?\n)", "  ");
        }
        if (rnd.nextBoolean()) {
            t = "here is the log, any idea?\n\n" + t + "\n\nthanks!\n";
        }
        if (rnd.nextBoolean()) {
            t = t.replace("Call-ID:", "CALL-ID:").replace("CSeq:", "cseq:");
        }
        if (rnd.nextBoolean()) {
            t = t.replaceAll("(?m)^", "> ");
        }
        assertThat(FlowReaderTest.summary(DECODER.flow(t)))
                .as("%s, seed %d", name, 27_000L + info.getCurrentRepetition())
                .isEqualTo(expected);
    }
}
