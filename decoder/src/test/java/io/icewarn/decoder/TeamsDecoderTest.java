package io.icewarn.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.model.TeamsDiagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Teams Direct Routing through the facade: explaining codes in their namespaces, and what a decode says. */
final class TeamsDecoderTest {
    private static Decoder decoder;

    @BeforeAll
    static void decoder() {
        decoder = Decoder.standard();
    }

    @Test
    void explainCode_teams560Code_saysTheSbcSentTheFinalResponse() {
        CodeExplanation e = decoder.explainCode("teams", 560403);
        assertThat(e.header()).isEqualTo(TeamsDiagnostic.HEADER);
        assertThat(e.known()).isTrue();
        assertThat(e.reason()).contains("Forbidden; Call rejected");
        assertThat(e.area())
                .hasValueSatisfying(a -> assertThat(a).contains("SBC").contains("403"));
        assertThat(e.sources()).contains("T5", "T1");
    }

    @Test
    void explainCode_undocumentedCodeOfTheStructure_isReadByTheStructure() {
        CodeExplanation e = decoder.explainCode("teams-direct-routing", 560488);
        assertThat(e.known()).isFalse();
        assertThat(e.reason()).contains("Not Acceptable Here");
        assertThat(e.meaning()).contains("560488").contains("488 Not Acceptable Here");
        assertThat(e.area()).hasValueSatisfying(a -> assertThat(a).contains("SBC"));
        assertThat(e.family()).contains("outcome-service");
        assertThat(e.confidence()).isEqualTo(Confidence.SPEC);

        CodeExplanation microsoft = decoder.explainCode("teams", 573999);
        assertThat(microsoft.known()).isFalse();
        assertThat(microsoft.area()).hasValueSatisfying(a -> assertThat(a).contains("Microsoft module (module 7"));
    }

    @Test
    void explainCode_codeWithoutTheStructure_saysNothingIsKnown() {
        CodeExplanation e = decoder.explainCode("teams", 12345);
        assertThat(e.known()).isFalse();
        assertThat(e.area()).isEmpty();
        assertThat(e.meaning()).contains("does not have the documented six-digit structure");
        assertThat(e.confidence()).isEqualTo(Confidence.INFERRED);
    }

    @Test
    void explainCode_codeWithSeveralRows_listsTheOtherForms() {
        CodeExplanation e = decoder.explainCode("teams", 531000);
        assertThat(e.meaning()).contains("Also documented as").contains("SIP 488");
    }

    @Test
    void explainCode_withoutHeader_keepsLyncFirstAndFallsBackToTeams() {
        assertThat(decoder.explainCode(null, 10037).header()).isEqualTo("ms-diagnostics");
        assertThat(decoder.explainCode("teams", 10037).reason()).contains("No callee endpoints were found");
        CodeExplanation teams = decoder.explainCode(null, 560403);
        assertThat(teams.header()).isEqualTo(TeamsDiagnostic.HEADER);
        assertThat(teams.known()).isTrue();
        assertThat(decoder.explainCode(null, 24).header()).isEqualTo("ms-client-diagnostics");
    }

    @Test
    void explainCode_q850AndSip_areTheirOwnNamespaces() {
        CodeExplanation cause = decoder.explainCode("q850", 34);
        assertThat(cause.header()).isEqualTo("Q.850");
        assertThat(cause.reason()).contains("No circuit/channel available");
        assertThat(cause.meaning()).contains("503");
        assertThat(cause.sources()).contains("T27");
        assertThat(decoder.explainCode("Q.850", 200).known()).isFalse();

        CodeExplanation sip = decoder.explainCode("SIP", 488);
        assertThat(sip.reason()).contains("Not Acceptable Here");
        assertThat(sip.area()).contains("request failure (4xx)");
        assertThat(decoder.explainCode("sip", 499).known()).isFalse();
    }

    @Test
    void decode_issueExample_explainsTheRouteAndNoLyncRule() {
        DecodeResult r = decoder.decode("Final SIP code: 403, Final Microsoft subcode: 510559");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.FAILURE);
            assertThat(d.verdict()).contains("voice route");
            assertThat(d.checklist()).isNotEmpty();
            assertThat(d.checklist().get(0).ruleId()).isEqualTo("teams-voice-route");
            assertThat(d.checklist()).allSatisfy(c -> assertThat(c.ruleId()).startsWith("teams-"));
            assertThat(d.teams()).hasValueSatisfying(t -> {
                assertThat(t.documented()).isTrue();
                assertThat(t.sipPhrase()).contains("Forbidden");
                assertThat(t.structure())
                        .hasValueSatisfying(s -> assertThat(s.origin()).isEqualTo("microsoft"));
            });
        });
    }

    @Test
    void decode_q850CauseThatIsALyncRuleCode_firesNoLyncRule() {
        // rules.json has a rule for the Lync IDs 4 and 13010; a Q.850 cause 4 must not trigger it
        DecodeResult r = decoder.decode("Reason: Q.850;cause=4;text=\"special information tone\"");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.diagnostic().code()).hasValue(4);
            assertThat(d.checklist()).noneSatisfy(c -> assertThat(c.ruleId()).isEqualTo("insufficient-bandwidth"));
            assertThat(d.checklist()).isNotEmpty();
        });
    }

    @Test
    void decode_sbcCodeWithoutSipCode_fillsTheSipCodeFromTheStructure() {
        DecodeResult r = decoder.decode("CallEndSubReason = 560484");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.checklist()).anySatisfy(c -> assertThat(c.text()).contains("final SIP 484"));
            assertThat(d.teams().get().sipCode()).hasValue(484);
        });
    }

    @Test
    void decode_teamsCodeInTheMediationServerRange_saysItIsNotTheLyncId() {
        DecodeResult r = decoder.decode("Final SIP code 480, Final Microsoft subcode 10037");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code().get().header()).isEqualTo(TeamsDiagnostic.HEADER);
            assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("not the ms-diagnostics ID 10037"));
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void decode_sipCodeOnly_asksForTheSubcode() {
        DecodeResult r = decoder.decode("Final SIP code: 487");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEmpty();
            assertThat(d.verdict()).contains("no Microsoft response code was pasted");
            assertThat(d.checklist()).anySatisfy(c -> assertThat(c.ruleId()).isEqualTo("teams-paste-subcode"));
            assertThat(d.severity()).isEqualTo(Severity.INFO);
        });
    }

    @Test
    void decode_codeDocumentedWithAnotherSip_saysSo() {
        DecodeResult r = decoder.decode("Final SIP code 503, Final Microsoft subcode 569002");
        assertThat(r.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.notes())
                        .anySatisfy(n -> assertThat(n).contains("documented with SIP 504, not with the SIP 503")));
    }
}
