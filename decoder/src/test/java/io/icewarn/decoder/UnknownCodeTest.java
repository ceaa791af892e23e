package io.icewarn.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An ID no table lists is answered from what the paste says (its reason, SIP status, source server and
 * range), and IDs the tables list are explained from them.
 */
final class UnknownCodeTest {
    private static final Decoder DECODER = Decoder.standard();

    private static DecodedDiagnostic decodeOne(String text) {
        List<DecodedDiagnostic> all = DECODER.decode(text).diagnostics();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static List<String> ruleIds(DecodedDiagnostic d) {
        return d.checklist().stream().map(ChecklistItem::ruleId).collect(Collectors.toList());
    }

    private static String allText(DecodedDiagnostic d) {
        return d.verdict() + "\n"
                + d.checklist().stream().map(ChecklistItem::text).collect(Collectors.joining("\n"));
    }

    @Test
    void decode_unknownIdWithReasonSourceAndStatus_usesThemAllAndNeverSendsTheReaderToTheRange() {
        DecodedDiagnostic d = decodeOne("SIP/2.0 400 Bad Request\r\n"
                + "ms-diagnostics: 1018;reason=\"Parsing failure\";source=\"sip.contoso.com\"\r\n");

        assertThat(d.code().orElseThrow().known()).isFalse();
        assertThat(d.verdict())
                .contains("1018")
                .contains("\"Parsing failure\"")
                .contains("sip.contoso.com")
                .contains("SIP 400 response")
                .contains("SIP stack")
                .contains("1000\u20131999")
                .contains("parsing failure");
        assertThat(ruleIds(d))
                .containsSubsequence("reason-parsing-failure", "unknown-code-reason", "unknown-code-component")
                .doesNotContain("read-server-trace", "unknown-code-no-reason", "unknown-code-no-range");
        assertThat(allText(d).toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("look up the range")
                .doesNotContain("{");
        assertThat(d.checklist())
                .filteredOn(i -> i.ruleId().equals("unknown-code-reason"))
                .singleElement()
                .satisfies(i -> assertThat(i.text()).contains("\"Parsing failure\""));
        assertThat(d.checklist())
                .filteredOn(i -> i.ruleId().equals("unknown-code-component"))
                .singleElement()
                .satisfies(i -> assertThat(i.text()).contains("sip.contoso.com").contains("1000\u20131999"));
    }

    @Test
    void decode_unknownIdThe93_2TableLists_saysTheClientShowedAGenericError() {
        DecodedDiagnostic d = decodeOne("ms-diagnostics: 1018;reason=\"Parsing failure\";source=\"sip.contoso.com\"");

        assertThat(d.code().orElseThrow().notHandledByClient()).isTrue();
        assertThat(d.code().orElseThrow().sources()).contains("S31i");
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("9.3.2").contains("generic"));
        assertThat(decodeOne("ms-diagnostics: 1003;reason=\"User does not exist.\";source=\"fe.contoso.com\"")
                        .code()
                        .orElseThrow()
                        .notHandledByClient())
                .isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Parsing failure, reason-parsing-failure",
        "Malformed Contact header, reason-parsing-failure",
        "Request Timed-out waiting for the peer, reason-timeout",
        "Connection timeout, reason-timeout",
        "TLS negotiation failed with next hop, reason-certificate-or-tls",
        "Remote certificate is not trusted, reason-certificate-or-tls",
        "Target user not found, reason-not-found",
        "Conference does not exist, reason-not-found",
        "Forbidden by routing policy, reason-forbidden",
        "Caller is not authorized for this call, reason-forbidden"
    })
    void decode_unknownIdWithAReasonPhrase_addsThatPhrasesStepFirst(String reason, String rule) {
        DecodedDiagnostic d = decodeOne("ms-diagnostics: 1999;reason=\"" + reason + "\";source=\"fe.contoso.com\"");

        List<String> ids = ruleIds(d);
        assertThat(ids).contains(rule);
        assertThat(ids.stream().filter(id -> id.startsWith("reason-"))).containsExactly(rule);
        assertThat(ids.get(0)).isEqualTo(rule);
        assertThat(d.verdict()).contains("The reason points to");
    }

    @Test
    void decode_unknownIdWithAnUnrelatedReason_getsNoPhraseStep() {
        DecodedDiagnostic d =
                decodeOne("ms-diagnostics: 1999;reason=\"Something odd happened\";source=\"fe.contoso.com\"");

        assertThat(ruleIds(d)).noneMatch(id -> id.startsWith("reason-")).contains("unknown-code-reason");
        assertThat(d.verdict()).doesNotContain("points to");
    }

    @Test
    void decode_unknownIdWithoutReasonButA404_isReadFromTheStatus() {
        DecodedDiagnostic d = decodeOne("SIP/2.0 404 Not Found\nms-diagnostics: 1999;source=\"fe.contoso.com\"\n");

        assertThat(ruleIds(d)).contains("reason-not-found", "unknown-code-no-reason", "unknown-code-component");
        assertThat(ruleIds(d)).doesNotContain("unknown-code-reason");
        assertThat(d.verdict()).contains("SIP 404 response").contains("The SIP status points to");
    }

    @Test
    void decode_unknownPublicIdWithoutSource_startsFromTheServerThatAnswered() {
        DecodedDiagnostic d = decodeOne("ms-diagnostics-public: 4999;reason=\"Unexpected state\"");

        assertThat(ruleIds(d)).contains("unknown-code-component-no-source").doesNotContain("unknown-code-component");
        assertThat(d.verdict()).doesNotContain("Raised by");
    }

    @Test
    void decode_unknownIdOutsideEveryRange_saysNoRangeIsKnown() {
        DecodedDiagnostic d = decodeOne("ms-diagnostics: 95000;reason=\"Odd\";source=\"fe.contoso.com\"");

        assertThat(ruleIds(d)).contains("unknown-code-no-range").doesNotContain("unknown-code-component");
        assertThat(d.verdict()).contains("No public source gives a range");
    }

    @Test
    void decode_unknownClientId_pointsAtTheClientLog() {
        DecodedDiagnostic d = decodeOne("ms-client-diagnostics: 52999; reason=\"Call rejected for a reason\"");

        assertThat(ruleIds(d)).contains("unknown-client-code-range");
        assertThat(d.checklist())
                .filteredOn(i -> i.ruleId().equals("unknown-client-code-range"))
                .singleElement()
                .satisfies(i -> assertThat(i.text()).contains(".uccapilog"));
    }

    @Test
    void decode_knownIdWithAParsingReason_getsNoPhraseStep() {
        DecodedDiagnostic d = decodeOne(
                "ms-diagnostics: 5004;reason=\"Failed parsing the incoming request.\";source=\"fe.contoso.com\"");

        assertThat(d.code().orElseThrow().known()).isTrue();
        assertThat(ruleIds(d)).noneMatch(id -> id.startsWith("reason-") || id.startsWith("unknown-"));
    }

    @Test
    void explainCode_2004_givesTheSpecReasonFromSection8() {
        CodeExplanation c = DECODER.explainCode(null, 2004);

        assertThat(c.known()).isTrue();
        assertThat(c.header()).isEqualTo("ms-diagnostics");
        assertThat(c.reason()).hasValue("Subscriber is not authorized to subscribe.");
        assertThat(c.releases()).containsExactly("earlier");
        assertThat(c.carriedIn()).hasValue("response");
        assertThat(c.sources()).containsExactly("S31k");
        assertThat(c.confidence()).isEqualTo(Confidence.SPEC);
        assertThat(c.meaning()).isEqualTo("Presence: Subscriber is not authorized to subscribe.");
    }

    @Test
    void explainCode_idBothReleasesWordDifferently_givesTheCurrentWordingAndTheOther() {
        CodeExplanation c = DECODER.explainCode("ms-diagnostics", 1006);

        assertThat(c.reason()).hasValue("Error routing on client connection.");
        assertThat(c.releases()).containsExactly("current");
        assertThat(c.otherWordings()).singleElement().satisfies(w -> {
            assertThat(w.reason()).isEqualTo("Error routing on protocol client connection.");
            assertThat(w.releases()).containsExactly("earlier");
        });
    }

    @Test
    void decode_reasonWordedAsAnEarlierRelease_picksThatWording() {
        DecodedDiagnostic d = decodeOne("ms-diagnostics: 5001;reason=\"Request timed out\";source=\"fe.contoso.com\"");

        CodeExplanation c = d.code().orElseThrow();
        assertThat(c.reason()).hasValue("Request timed out.");
        assertThat(c.releases()).containsExactly("earlier");
        assertThat(c.otherWordings())
                .extracting(CodeExplanation.Wording::reason)
                .containsExactly("Request Timed-out.");
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("section 8"));
    }

    @Test
    void knownCodes_idWithTwoWordings_isListedOncePerHeader() {
        assertThat(DECODER.knownCodes().stream().filter(c -> c.code() == 1006)).hasSize(1);
        assertThat(DECODER.knownCodes().stream().filter(c -> c.code() == 7008))
                .extracting(CodeExplanation::header)
                .containsExactlyInAnyOrder("ms-diagnostics", "ms-diagnostics-public");
    }
}
