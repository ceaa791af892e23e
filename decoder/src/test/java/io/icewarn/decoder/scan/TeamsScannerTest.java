package io.icewarn.decoder.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.TeamsCorpus;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.ServerDiagnostic;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.TeamsDiagnostic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Teams Direct Routing shapes as the scanner reads them: labels, exports, call records, Q.850 reasons. */
final class TeamsScannerTest {

    private static List<Diagnostic> scan(String text) {
        return DiagnosticScanner.scan(text).diagnostics();
    }

    private static TeamsDiagnostic onlyTeams(String text) {
        List<Diagnostic> found = scan(text);
        assertThat(found).as(text).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(TeamsDiagnostic.class);
        return (TeamsDiagnostic) found.get(0);
    }

    private static List<String> keys(Diagnostic d) {
        return d.fields().entries().stream().map(Field::key).toList();
    }

    @Test
    void scan_issueExample_readsBothCodes() {
        TeamsDiagnostic d = onlyTeams("Final SIP code: 403, Final Microsoft subcode: 510559");
        assertThat(d.shape()).isEqualTo(Shape.TEAMS_REPORT);
        assertThat(d.sipCode()).isEqualTo(OptionalInt.of(403));
        assertThat(d.microsoftCode()).isEqualTo(OptionalInt.of(510559));
        assertThat(d.header()).isEqualTo(TeamsDiagnostic.HEADER);
        assertThat(d.code()).isEqualTo(OptionalInt.of(510559));
        assertThat(d.span()).isEqualTo(new io.icewarn.decoder.model.Span(0, 52));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Final Microsoft subcode 540200 Final SIP code 487 Final SIP phrase Call completed elsewhere",
                "final sip code = 487; final microsoft subcode = 540200; final sip phrase = \"Call completed elsewhere\"",
                "Final SIP Code “487”, Final Microsoft subcode “540200”, and Final SIP Code Phrase “Call completed elsewhere”.",
                "FINAL_SIP_CODE: 487 | FINAL_MICROSOFT_SUBCODE: 540200 | FINAL_SIP_PHRASE: Call completed elsewhere",
                "- Final SIP code: **487**\n- Final Microsoft subcode: **540200**\n- Final SIP phrase: Call completed elsewhere",
                "Final SIP code\n487\nFinal Microsoft subcode\n540200\nFinal SIP phrase\nCall completed elsewhere",
                "Final SIP code - 487, Final Microsoft subcode - 540200, Final SIP phrase - Call completed elsewhere"
            })
    void scan_reportWording_readsCodesAndPhraseInAnyOrderAndStyle(String text) {
        TeamsDiagnostic d = onlyTeams(text);
        assertThat(d.sipCode()).as(text).isEqualTo(OptionalInt.of(487));
        assertThat(d.microsoftCode()).as(text).isEqualTo(OptionalInt.of(540200));
        assertThat(d.phrase()).as(text).contains("Call completed elsewhere");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Final SIP\ncode: 403, Final Microsoft\n  subcode: 510559",
                "> Final SIP code: 403,\n> Final Microsoft subcode:\n> 510559",
                "Final SIP code: 403, Final Microsoft sub\r\ncode: 510559",
                "Final_SIP_code=403\r\nFinal_Microsoft_subcode=510559"
            })
    void scan_labelsWrappedBetweenWords_readAlike(String text) {
        TeamsDiagnostic d = onlyTeams(text);
        assertThat(d.sipCode()).as(text).isEqualTo(OptionalInt.of(403));
        assertThat(d.microsoftCode()).as(text).isEqualTo(OptionalInt.of(510559));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CallEndSubReason = 560484",
                "where CallEndSubReason == 560484",
                "Call End Sub Reason: 560484",
                "PSTN Call End Sub Reason   : 560484",
                "\"callEndSubReason\": 560484,",
                "ParticipantEndSubCode: 560484"
            })
    void scan_callRecordLabels_readTheMicrosoftCode(String text) {
        TeamsDiagnostic d = onlyTeams(text);
        assertThat(d.shape()).isEqualTo(Shape.TEAMS_CALL_RECORD);
        assertThat(d.microsoftCode()).isEqualTo(OptionalInt.of(560484));
        assertThat(d.sipCode()).isEmpty();
    }

    @Test
    void scan_callEndReasonAndSubReason_areOneDiagnostic() {
        TeamsDiagnostic d = onlyTeams("CallEndReason = 484 and CallEndSubReason = 560484 in the QER");
        assertThat(d.sipCode()).isEqualTo(OptionalInt.of(484));
        assertThat(d.microsoftCode()).isEqualTo(OptionalInt.of(560484));
        assertThat(keys(d)).containsExactly("CallEndReason", "CallEndSubReason");
    }

    @Test
    void scan_graphJson_skipsOtherMembersAndKeepsOnlyKnownColumns() {
        String text = "{\n  \"finalSipCode\": 0,\n  \"userPrincipalName\": \"alice@contoso.com\",\n"
                + "  \"callEndSubReason\": 540000,\n  \"callerNumber\": \"+1425555****\",\n"
                + "  \"finalSipCodePhrase\": \"BYE\",\n  \"trunkFullyQualifiedDomainName\": \"sbc.contoso.com\"\n}";
        TeamsDiagnostic d = onlyTeams(text);
        assertThat(d.sipCode()).isEqualTo(OptionalInt.of(0));
        assertThat(d.microsoftCode()).isEqualTo(OptionalInt.of(540000));
        assertThat(d.phrase()).contains("BYE");
        assertThat(keys(d))
                .containsExactly(
                        "finalSipCode", "callEndSubReason", "finalSipCodePhrase", "trunkFullyQualifiedDomainName")
                .doesNotContain("userPrincipalName", "callerNumber");
    }

    @Test
    void scan_secondGroup_startsWhereALabelRepeats() {
        List<Diagnostic> found = scan(
                "Final SIP code 403 Final Microsoft subcode 560403\nFinal SIP code 408 Final Microsoft subcode 500001");
        assertThat(found).hasSize(2);
        assertThat(((TeamsDiagnostic) found.get(1)).microsoftCode()).isEqualTo(OptionalInt.of(500001));
    }

    @Test
    void scan_export_readsEveryRowUnderTheHeaderAsOneDiagnostic() {
        String header =
                "UPN,Display name,Final SIP code,Final Microsoft subcode,Final SIP Phrase,Correlation ID,Note\n";
        String row1 =
                "a@contoso.com,A,403,560403,\"Forbidden; Call rejected\",11111111-2222-3333-4444-555555555555,x\n";
        String row2 = "b@contoso.com,\"B, Jr\",408,500001,Gateway (SBC) failover timer expired,,y\n";
        String text = "export:\n" + header + row1 + row2 + "\nnot a row,1,2\n";
        List<Diagnostic> found = scan(text);
        assertThat(found).hasSize(2).allSatisfy(d -> assertThat(d.shape()).isEqualTo(Shape.TEAMS_CSV_ROW));
        TeamsDiagnostic first = (TeamsDiagnostic) found.get(0);
        assertThat(text.substring(first.span().start(), first.span().end())).isEqualTo(row1.strip());
        assertThat(first.phrase()).contains("Forbidden; Call rejected");
        assertThat(first.correlationId()).contains("11111111-2222-3333-4444-555555555555");
        assertThat(keys(first))
                .containsExactly("Final SIP code", "Final Microsoft subcode", "Final SIP Phrase", "Correlation ID");
        TeamsDiagnostic second = (TeamsDiagnostic) found.get(1);
        assertThat(second.microsoftCode()).isEqualTo(OptionalInt.of(500001));
        assertThat(second.correlationId()).isEmpty();
    }

    @Test
    void scan_exportWithTabs_readsLikeACsv() {
        String text = "Call type\tFinal SIP code\tFinal Microsoft subcode\r\ndr_out\t504\t569008\r\n";
        TeamsDiagnostic d = onlyTeams(text);
        assertThat(d.shape()).isEqualTo(Shape.TEAMS_CSV_ROW);
        assertThat(d.microsoftCode()).isEqualTo(OptionalInt.of(569008));
    }

    @Test
    void scan_exportLongerThanTheCap_readsTheCapAndSaysSo() {
        StringBuilder sb = new StringBuilder("Final SIP code,Final Microsoft subcode\n");
        for (int i = 0; i < TeamsReader.MAX_ROWS + 5; i++) {
            sb.append("403,560403\n");
        }
        ScanResult r = DiagnosticScanner.scan(sb.toString());
        assertThat(r.diagnostics()).hasSize(TeamsReader.MAX_ROWS);
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("first 1000 rows"));
    }

    @Test
    void scan_sentenceListingTheColumns_isNotAnExport() {
        assertThat(scan("Final SIP code, Final Microsoft subcode and Final SIP phrase tell why a call failed.\n1,2,3"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Reason: Q.850;cause=34;text=\"no circuit\"",
                "REASON: Q.850 ;cause=34 ;text=\"no circuit\"",
                "Reason:\nQ.850;cause=34",
                "reason: q.850; cause = 34",
                "Reason: Q.850;text=\"no circuit\";cause=34"
            })
    void scan_q850Reason_readsTheCause(String text) {
        TeamsDiagnostic d = onlyTeams(text);
        assertThat(d.shape()).isEqualTo(Shape.Q850_REASON);
        assertThat(d.header()).isEqualTo(TeamsDiagnostic.Q850_HEADER);
        assertThat(d.q850Cause()).isEqualTo(OptionalInt.of(34));
        assertThat(d.code()).isEqualTo(OptionalInt.of(34));
    }

    @Test
    void scan_q850WithTeamsText_splitsTheCorrelationIdFromTheReason() {
        TeamsDiagnostic d = onlyTeams("SIP/2.0 403 Forbidden\nReason: Q.850;cause=63;text=\"9810e5a9-667c-4513-8d3a-"
                + "5d83503e1c71;Current call site state prevents fork to this entity.\"");
        assertThat(d.sipCode()).isEqualTo(OptionalInt.of(403));
        assertThat(d.correlationId()).contains("9810e5a9-667c-4513-8d3a-5d83503e1c71");
        assertThat(d.phrase()).contains("Current call site state prevents fork to this entity.");
    }

    @Test
    void scan_q850InARequest_hasNoStatus() {
        TeamsDiagnostic d = onlyTeams("SIP/2.0 200 OK\nCSeq: 1 INVITE\n\nBYE sip:bob@contoso.com SIP/2.0\n"
                + "Reason: Q.850;cause=16;text=\"Normal call clearing\"");
        assertThat(d.sipCode()).isEmpty();
    }

    @Test
    void scan_q850WithoutCause_isAProblemNotADiagnostic() {
        ScanResult r = DiagnosticScanner.scan("Reason: Q.850;text=\"no cause here\"");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Q.850"));
    }

    @Test
    void scan_sameNumberInBothNamespaces_readsEachInItsOwn() {
        List<Diagnostic> found = scan("ms-diagnostics: 10037;reason=\"x\";source=\"med01.contoso.com\"\n"
                + "Final SIP code 480, Final Microsoft subcode 10037");
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).isInstanceOf(ServerDiagnostic.class);
        assertThat(found.get(0).header()).isEqualTo("ms-diagnostics");
        assertThat(found.get(1)).isInstanceOf(TeamsDiagnostic.class);
        assertThat(found.get(1).header()).isEqualTo(TeamsDiagnostic.HEADER);
        assertThat(found.get(1).code()).isEqualTo(OptionalInt.of(10037));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "the final SIP code was not shown",
                "Final SIP code: 403.5",
                "Final SIP code: 1234567890123",
                "Final SIP codes: 403",
                "finally 403",
                "CallEndReasonCode: 403",
                "Q.850 causes are listed in RFC 3398",
                "recall End; nothing",
                "Final Microsoft subcode: none"
            })
    void scan_lookAlikes_areNotDiagnostics(String text) {
        assertThat(scan(text)).as(text).isEmpty();
    }

    static Stream<String> corpusFiles() {
        List<String> files = TeamsCorpus.files();
        assertThat(files).hasSize(TeamsCorpus.FILE_COUNT);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void scan_teamsCorpusFile_isAlikeWithoutPrefilterStreamedAndInChunks(String file) throws IOException {
        String text = TeamsCorpus.read(file);
        ScanResult expected = DiagnosticScanner.scan(text, false);
        assertThat(DiagnosticScanner.scan(text).diagnostics()).isEqualTo(expected.diagnostics());
        for (int chunk : new int[] {1, 7, 64, 4096}) {
            List<Diagnostic> streamed = new ArrayList<>();
            StreamScanner.scan(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), streamed::add, chunk, 8192);
            assertThat(streamed).as("chunk %d", chunk).isEqualTo(expected.diagnostics());
        }
    }

    @Test
    void scan_hostileRepeats_finishInLinearTime() {
        String[] units = {
            "Final SIP code ", "Final SIP code 403,", "CallEnd", "Call End ", "Q.850;cause=", "Final,SIP,code\n"
        };
        for (String unit : units) {
            String text = unit.repeat(2_000_000 / unit.length());
            long start = System.nanoTime();
            ScanResult r = DiagnosticScanner.scan(text);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r).isNotNull();
            assertThat(ms).as(unit + " took " + ms + " ms").isLessThan(20_000);
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, 200);
    }

    /** Teams pastes mixed with noise and cut anywhere scan without an exception, alike with and without the prefilter. */
    @ParameterizedTest
    @MethodSource("seeds")
    void scan_cutAndMixedTeamsPastes_neverThrowAndMatchTheReference(int seed) {
        Random rnd = new Random(seed);
        List<String> files = TeamsCorpus.files();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 3; k++) {
            String t = TeamsCorpus.read(files.get(rnd.nextInt(files.size())));
            int from = rnd.nextInt(t.length());
            int to = from + rnd.nextInt(t.length() - from + 1);
            sb.append(rnd.nextBoolean() ? t : t.substring(from, to)).append(rnd.nextBoolean() ? "\n" : " ");
        }
        String text = sb.toString();
        ScanResult expected = DiagnosticScanner.scan(text, false);
        ScanResult fast = DiagnosticScanner.scan(text);
        assertThat(fast.diagnostics()).as(text).isEqualTo(expected.diagnostics());
        assertThat(fast.problems()).as(text).isEqualTo(expected.problems());
        assertThat(Optional.ofNullable(fast.problems()).orElseThrow())
                .noneSatisfy(p -> assertThat(p.message()).contains("Internal scanner error"));
    }
}
