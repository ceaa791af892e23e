package io.icewarn.decoder.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.Decoder;
import io.icewarn.decoder.model.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class FlowReaderTest {
    private static final Decoder DECODER = Decoder.standard();

    static List<String> traces() {
        return FlowTraces.names();
    }

    @Test
    void corpus_hasEveryTrace() {
        assertThat(traces()).hasSize(FlowTraces.FILES);
    }

    @Test
    void flow_clientLog_readsDirectionAddressesTimesAndParties() {
        CallFlow flow = DECODER.flow(FlowTraces.read("01-client-register-invite.uccapilog"));
        assertThat(flow.dialogs()).extracting(Dialog::method).containsExactly("REGISTER", "INVITE");
        Dialog invite = flow.dialogs().get(1);
        assertThat(invite.parties())
                .containsExactly(
                        new Party(Party.Kind.LOCAL, "192.168.103.35:20323"),
                        new Party(Party.Kind.PEER, "192.0.2.10:5061"),
                        new Party(Party.Kind.HOP, "fe01.contoso.com:5061"),
                        new Party(Party.Kind.USER, "sip:carol@contoso.com"));
        SipMessage first = invite.messages().get(0);
        assertThat(first.direction()).isEqualTo(Direction.SENT);
        assertThat(first.time())
                .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("2013-04-16T03:18:02.410"));
        assertThat(first.from()).isEqualTo(invite.parties().get(0));
        SipMessage bye = invite.messages().get(5);
        assertThat(bye.method()).isEqualTo("BYE");
        assertThat(bye.failure()).isTrue();
        assertThat(bye.diagnostics()).extracting(d -> d.diagnostic().code()).containsExactly(OptionalInt.of(24));
        assertThat(flow.dialogs().get(0).messages().get(1).failure())
                .as("401 is a normal challenge")
                .isFalse();
    }

    @Test
    void flow_serverTrace_putsTheServerBetweenItsPeers() {
        Dialog d = DECODER.flow(FlowTraces.read("03-edge-server-trace.txt"))
                .dialogs()
                .get(0);
        assertThat(d.parties())
                .extracting(Party::kind)
                .containsExactly(Party.Kind.USER, Party.Kind.PEER, Party.Kind.LOCAL, Party.Kind.PEER, Party.Kind.USER);
        assertThat(d.messages()).hasSize(7); // the TL_WARN record is no message
        assertThat(d.messages().get(0).direction()).isEqualTo(Direction.RECEIVED);
    }

    @Test
    void flowReader_twoPastesThatOverlap_makeOneDialogWithoutTheRepeat() {
        FlowReader reader = DECODER.flowReader();
        reader.read(FlowTraces.read("04-split-b.txt"));
        reader.read(FlowTraces.read("04-split-a.txt"));
        CallFlow flow = reader.result();
        assertThat(flow.dialogs()).hasSize(1);
        assertThat(flow.dialogs().get(0).messages())
                .extracting(m ->
                        m.isRequest() ? m.method() : String.valueOf(m.status().getAsInt()))
                .containsExactly("INVITE", "100", "180", "200", "ACK", "BYE", "200");
    }

    @Test
    void flow_crlfAndWrappedHeaders_joinsThem() {
        Dialog d =
                DECODER.flow(FlowTraces.read("05-crlf-wrapped.txt")).dialogs().get(0);
        assertThat(d.callId()).isEqualTo("1b3d5f7a9c0e2a4c6e8a0c2e4a6c8e0a");
        assertThat(d.messages()).hasSize(4);
        assertThat(d.messages().get(0).fromTag()).hasValue("a7b8c9d0e1");
        assertThat(d.messages().get(2).diagnostics())
                .extracting(x -> x.diagnostic().code())
                .containsExactly(OptionalInt.of(7008));
    }

    @Test
    void flow_fragments_becomeProblemsNotExceptions() {
        CallFlow flow = DECODER.flow(FlowTraces.read("09-partial-no-call-id.txt"));
        assertThat(flow.problems()).hasSize(3);
        assertThat(flow.dialogs()).extracting(Dialog::callId).containsExactly("", "88ee99ff00aa11bb");
    }

    @ParameterizedTest
    @MethodSource("traces")
    void flow_attachesTheDiagnosticsDecodeFinds_toTheMessageThatHoldsThem(String name) {
        String text = FlowTraces.read(name);
        CallFlow flow = DECODER.flow(text);
        List<Span> decoded = DECODER.decode(text).diagnostics().stream()
                .map(d -> d.diagnostic().span())
                .toList();
        for (Dialog d : flow.dialogs()) {
            for (SipMessage m : d.messages()) {
                for (DecodedDiagnostic x : m.diagnostics()) {
                    Span s = x.diagnostic().span();
                    assertThat(s.start()).isGreaterThanOrEqualTo(m.span().start());
                    assertThat(s.end()).isLessThanOrEqualTo(m.span().end());
                    assertThat(decoded).contains(s);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("traces")
    void flowReader_stream_readsWhatTheTextGives(String name) throws IOException {
        String text = FlowTraces.read(name);
        FlowReader reader = DECODER.flowReader();
        try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            reader.read(in);
        }
        assertThat(summary(reader.result())).isEqualTo(summary(DECODER.flow(text)));
    }

    @Test
    void flowReader_manyDialogs_keepsTheCapAndTheFailures() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 3 * FlowReader.MAX_DIALOGS; i++) {
            log.append("OPTIONS sip:x@contoso.com SIP/2.0\nCall-ID: c")
                    .append(i)
                    .append("\nCSeq: 1 OPTIONS\n\n");
            if (i == 10) {
                log.append("SIP/2.0 503 Service Unavailable\nCall-ID: c10\nCSeq: 1 OPTIONS\n\n");
            }
        }
        CallFlow flow = DECODER.flow(log);
        assertThat(flow.dialogs()).hasSize(FlowReader.MAX_DIALOGS);
        assertThat(flow.omittedDialogs()).isEqualTo(2 * FlowReader.MAX_DIALOGS);
        assertThat(flow.dialogs())
                .anyMatch(d -> d.callId().equals("c10") && d.firstFailure().isPresent());
    }

    @Test
    void flowReader_longDialog_keepsItsStartAndEnd() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 3 * FlowReader.MAX_MESSAGES_PER_DIALOG; i++) {
            log.append("INFO sip:x@contoso.com SIP/2.0\nCall-ID: one\nCSeq: ")
                    .append(i + 1)
                    .append(" INFO\n\n");
        }
        Dialog d = DECODER.flow(log).dialogs().get(0);
        assertThat(d.messages()).hasSize(FlowReader.MAX_MESSAGES_PER_DIALOG);
        assertThat(d.omittedMessages()).isEqualTo(2 * FlowReader.MAX_MESSAGES_PER_DIALOG);
        assertThat(d.messages().get(0).cseq()).hasValue(1);
        assertThat(d.messages().get(d.messages().size() - 1).cseq()).hasValue(3 * FlowReader.MAX_MESSAGES_PER_DIALOG);
    }

    /** The dialogs as one comparable text: Call-ID, parties, and each message's arrow, start line and diagnostics. */
    static String summary(CallFlow flow) {
        return flow.dialogs().stream()
                .map(d -> d.callId() + " " + d.parties() + "\n"
                        + d.messages().stream()
                                .map(m -> "  " + d.parties().indexOf(m.from()) + ">"
                                        + d.parties().indexOf(m.to()) + " "
                                        + m.method() + " " + m.status() + " " + m.cseq() + " " + m.time() + " "
                                        + m.diagnostics().stream()
                                                .map(x -> x.diagnostic().header()
                                                        + x.diagnostic().code())
                                                .toList())
                                .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }
}
