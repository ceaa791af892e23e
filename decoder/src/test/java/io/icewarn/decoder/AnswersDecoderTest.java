package io.icewarn.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.FlagMeaning.Expectation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the short answers stand on: the one-line summary, bits judged in context, steps on one topic
 * merged, notes kept apart from steps, and no step about a bit that is not set.
 */
final class AnswersDecoderTest {
    private static final Decoder DECODER = Decoder.standard();

    private static DecodedDiagnostic first(String text) {
        return DECODER.decode(text).diagnostics().get(0);
    }

    private static FlagMeaning flag(DecodedDiagnostic d, long bit) {
        return d.iceWarn().orElseThrow().flags().stream()
                .filter(f -> f.bit() == bit)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void summary_seed_saysWhatFailedWhereAndWhy() {
        assertThat(first(DecoderTest.SEED_BLOG).summary())
                .isEqualTo("Application sharing failed: both parties outside the network;"
                        + " no TCP path through the A/V Edge");
    }

    @Test
    void summary_audioWithTurnUnreachable_namesTheStrongestCause() {
        assertThat(first(DecoderTest.AUDIO_23).summary())
                .isEqualTo("Audio failed: one party inside the network, one outside;"
                        + " the A/V Edge (TURN server) could not be reached");
    }

    @Test
    void summary_serverDiagnostic_isItsReasonAndWhereItWasRaised() {
        String text = "SIP/2.0 504 Server time-out\n"
                + "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\";source=\"sip.contoso.com\"";
        assertThat(first(text).summary()).isEqualTo("Unable to resolve DNS SRV record (at sip.contoso.com)");
    }

    @Test
    void inContext_tcpBitsOnAFailedSharingCall_areProblems() {
        DecodedDiagnostic d = first(DecoderTest.SEED_BLOG);
        assertThat(flag(d, 0x200).expectation()).isEqualTo(Expectation.EXPECTED);
        assertThat(flag(d, 0x200).inContext()).isEqualTo(Expectation.PROBLEM);
        assertThat(flag(d, 0x100).inContext()).isEqualTo(Expectation.PROBLEM);
        assertThat(flag(d, 0x200).contextNote()).contains("TCP only");
        assertThat(flag(d, 0x20).inContext()).isEqualTo(Expectation.MAY_OCCUR);
    }

    @Test
    void inContext_tcpBitsOnAFailedAudioCall_stayExpected() {
        DecodedDiagnostic d = first(DecoderTest.SEED_BLOG.replace("application-sharing:", "audio:"));
        assertThat(flag(d, 0x200).inContext()).isEqualTo(Expectation.EXPECTED);
        assertThat(flag(d, 0x200).contextNote()).isEmpty();
        assertThat(d.remarks()).extracting(ChecklistItem::ruleId).contains("tcp-checks-expected");
    }

    @Test
    void inContext_everyBitOnACallThatWorked_isInformationalAndTheDiagnosticIsInfo() {
        String normalHangUp = "ms-client-diagnostics: 51004; reason=\"Action initiated by user\";CallerMediaDebug="
                + "\"audio:ICEWarn=0x40003a0,LocalLocation=2,RemoteLocation=2,FederationType=0\"";
        DecodedDiagnostic d = first(normalHangUp);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.iceWarn().orElseThrow().flags())
                .allSatisfy(f -> assertThat(f.inContext()).isEqualTo(Expectation.INFORMATIONAL));
        assertThat(flag(d, 0x4000000).expectation()).isEqualTo(Expectation.PROBLEM);
        assertThat(d.checklist()).isEmpty();
        assertThat(d.remarks()).isNotEmpty();
    }

    @Test
    void inContext_aBareValueExplainedOnItsOwn_isJudgedAsTheResourceKitDoes() {
        IceWarnExplanation e = DECODER.explainIceWarn("0x320").orElseThrow();
        assertThat(e.flags()).allSatisfy(f -> assertThat(f.inContext()).isEqualTo(f.expectation()));
    }

    @Test
    void checklist_stepsOnOneTopic_areOneStepWithAllTheirSources() {
        DecodedDiagnostic d = first(DecoderTest.SEED_BLOG);
        ChecklistItem ports = d.checklist().stream()
                .filter(i -> i.ruleId().equals("both-remote-edge-ports"))
                .findFirst()
                .orElseThrow();
        assertThat(ports.merged())
                .extracting(ChecklistItem::ruleId)
                .containsExactly("sharing-needs-tcp", "edge-port-range-outbound");
        assertThat(ports.sources()).contains("S40", "S4", "S48");
        assertThat(d.checklist())
                .extracting(ChecklistItem::ruleId)
                .doesNotContain("sharing-needs-tcp", "edge-port-range-outbound", "edge-nat-public-address");
        long naming50000 = d.checklist().stream()
                .filter(i -> i.text().contains("50000-59999"))
                .count();
        assertThat(naming50000).as("steps repeating the 50000-59999 range").isLessThanOrEqualTo(2);
    }

    @Test
    void checklist_notes_areRemarksNotSteps() {
        DecodedDiagnostic d = first(DecoderTest.SEED_BLOG);
        List<String> steps = d.checklist().stream().map(ChecklistItem::ruleId).collect(Collectors.toList());
        assertThat(steps).doesNotContain("direct-path-note", "tcp-checks-expected");
        assertThat(d.remarks()).extracting(ChecklistItem::ruleId).containsExactly("direct-path-note");
    }

    @Test
    void checklist_aBitThatIsNotSet_isNeverNamed() {
        DecodedDiagnostic d = first(DecoderTest.SEED_BLOG);
        assertThat(d.iceWarn().orElseThrow().value().value() & 0x40).isZero();
        for (ChecklistItem i : d.checklist()) {
            assertThat(i.text()).doesNotContain("0x40");
        }
        assertThat(d.remarks()).allSatisfy(i -> assertThat(i.text()).doesNotContain("0x40"));
        assertThat(d.remarks().get(0).text()).startsWith("0x20:");
    }

    @Test
    void fields_evidence_isMarkedFromTheKnowledgeBase() {
        DecodedDiagnostic d = first(DecoderTest.SEED_BLOG);
        assertThat(d.fields().stream().filter(FieldExplanation::evidence).map(FieldExplanation::key))
                .containsExactly("PortRange", "LocalLocation", "RemoteLocation");
    }

    @Test
    void explainCode_family_isInWords() {
        assertThat(DECODER.explainCode(null, 24).situation()).hasValue("both parties outside the network");
    }

    @Test
    void callId_diagnosticsInSipMessages_carryTheirCallId_chatTextDoesNot() {
        String log = "SIP/2.0 504 Server time-out\n"
                + "Call-ID: abc123@host\n"
                + "CSeq: 1 INVITE\n"
                + "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\";source=\"sip.contoso.com\"\n"
                + "\n"
                + "and later in chat: ms-client-diagnostics: 52017;reason=\"Encryption levels dont match\"\n";
        List<DecodedDiagnostic> ds = DECODER.decode(log).diagnostics();
        assertThat(ds).hasSize(2);
        assertThat(ds.get(0).callId()).hasValue("abc123@host");
        assertThat(ds.get(1).callId()).isEmpty();
    }
}
