package io.icewarn.bot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.Decoder;
import io.icewarn.decoder.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Teams Direct Routing diagnostics in the reply model, decoded by the real decoder. */
final class TeamsReplyTest {
    private static Decoder decoder;
    private static ReplyBuilder builder;

    @BeforeAll
    static void setUp() {
        decoder = Decoder.standard();
        builder = new ReplyBuilder(decoder::source, false);
    }

    @Test
    void aReportPairBecomesASectionNamedByItsCodes() {
        // GIVEN the pair from the admin center decoded
        String text = "Final SIP code: 403, Final Microsoft subcode: 510559";
        DecodeResult r = decoder.decode(text);
        // WHEN a reply is built
        Reply reply = builder.decoded(text, r);
        // THEN the headline says how the call ended in words, the title and label name the namespace and both
        // codes, the context says where it was pasted from and who ended the call
        assertThat(reply.headline())
                .isEqualTo("Direct Routing call failed: Get Outbound routing - No viable path (SIP 403 Forbidden)");
        ReplySection s = reply.sections().get(0);
        assertThat(s.severity()).isEqualTo(Severity.FAILURE);
        assertThat(s.title())
                .isEqualTo("Teams Direct Routing 510559 · SIP 403 — Get Outbound routing - No viable path (Forbidden)");
        assertThat(s.label()).isEqualTo("Teams Direct Routing 510559 · SIP 403");
        assertThat(s.context())
                .isEqualTo("Teams admin center / PSTN usage report · final response from a Microsoft service");
        assertThat(s.fields())
                .extracting(ReplySection.FieldLine::name, ReplySection.FieldLine::words)
                .contains(org.assertj.core.groups.Tuple.tuple("Final SIP code", "Forbidden"));
        assertThat(s.steps()).isNotEmpty();
        assertThat(s.steps().get(0).sources())
                .allSatisfy(l -> assertThat(l.url()).startsWith("https://"))
                .anySatisfy(l -> assertThat(l.url()).startsWith("https://learn.microsoft.com/"));
        assertThat(s.quote()).contains(text);
    }

    @Test
    void aQ850ReasonIsTitledByItsCauseAndStatus() {
        String text = "SIP/2.0 486 Busy Here\nReason: Q.850;cause=63;text=\"4656976f-d6a4-49de-9f8b-39b448e440f8;User"
                + " is busy and currently active on another call.\"";
        Reply reply = builder.decoded(text, decoder.decode(text));
        ReplySection s = reply.sections().get(0);
        assertThat(s.severity()).isEqualTo(Severity.WARNING);
        assertThat(s.title())
                .isEqualTo("Q.850 cause 63 · SIP 486 — User is busy and currently active on another call.");
        assertThat(s.context()).isEqualTo("SIP Reason header");
    }

    @Test
    void anUndocumentedCodeExplainedSaysItComesFromTheStructure() {
        Reply reply = builder.code(decoder.explainCode("teams", 560488));
        assertThat(reply.sections().get(0).notes())
                .anySatisfy(n -> assertThat(n).contains("from its structure"));
        assertThat(reply.sections().get(0).fields())
                .anySatisfy(f -> assertThat(f.words()).contains("final response from the SBC (SIP 488)"));
    }
}
