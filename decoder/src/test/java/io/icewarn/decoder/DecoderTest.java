package io.icewarn.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.LookAlike;
import io.icewarn.decoder.model.Problem;
import io.icewarn.decoder.model.Side;
import io.icewarn.decoder.scan.DiagnosticScanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DecoderTest {
    private static final Decoder DECODER = Decoder.standard();

    static final String SEED_BLOG = "Looking at the reports showed this error\n\n"
            + "ms-client-diagnostics: 24; reason=\u201cCall failed to establish due to a media connectivity failure"
            + " when both endpoints are remote\u201d;CallerMediaDebug=\u201dapplication-sharing:ICEWarn=0x320,,,RemoteSite=,"
            + "PortRange=50040:50049,LocalMRTCPPort=57498,LocalLocation=1,RemoteLocation=1,FederationType=0\u2033\n"
            + "This usually is down to port configuration settings on your network\n";

    static final String AUDIO_23 = "ms-client-diagnostics: 23; reason=\"Call failed to establish due to a media"
            + " connectivity failure when one endpoint is internal and the other is remote\";CalleeMediaDebug=\"audio:"
            + "ICEWarn=0x80012b,LocalSite=10.0.0.15:50010,LocalMR=203.0.113.20:56421,RemoteSite=198.51.100.7:50022,"
            + "RemoteMR=203.0.113.20:57102,PortRange=50000:50019,LocalMRTCPPort=56421,RemoteMRTCPPort=57102,"
            + "LocalLocation=2,RemoteLocation=1,FederationType=0\"";

    @Test
    void decode_seedBlogPaste_isAFailureWithItsFlagsAndChecklist() {
        DecodeResult r = DECODER.decode(SEED_BLOG);

        assertThat(r.diagnostics()).hasSize(1);
        DecodedDiagnostic d = r.diagnostics().get(0);
        ClientDiagnostic c = (ClientDiagnostic) d.diagnostic();
        assertThat(c.code()).hasValue(24);
        assertThat(c.side()).hasValue(Side.CALLER);
        assertThat(c.media()).hasValue("application-sharing");
        assertThat(d.severity()).isEqualTo(Severity.FAILURE);
        assertThat(d.iceWarn().orElseThrow().flags())
                .extracting(FlagMeaning::bit)
                .containsExactly(0x20L, 0x100L, 0x200L);
        assertThat(d.iceWarn().orElseThrow().flags().get(1).expected()).isTrue();
        assertThat(d.iceWarn().orElseThrow().flags().get(2).expected()).isTrue();
        assertThat(d.code().orElseThrow().known()).isTrue();
        assertThat(d.verdict()).isNotBlank();
        assertThat(d.checklist()).isNotEmpty();
        assertThat(d.checklist()).allSatisfy(i -> {
            assertThat(i.sources()).isNotEmpty();
            assertThat(i.text()).doesNotContain("{").doesNotContain("}");
        });
        assertThat(d.checklist()).extracting(ChecklistItem::ruleId).doesNotHaveDuplicates();
    }

    @Test
    void decode_portRangeNarrowerThanMediaNeeds_isFlagged() {
        // 10 ports is fine for application sharing (3) but too few for audio (20)
        String audio = SEED_BLOG.replace("application-sharing:", "audio:");
        List<String> texts = DECODER.decode(audio).diagnostics().get(0).checklist().stream()
                .map(ChecklistItem::text)
                .collect(Collectors.toList());
        assertThat(String.join("\n", texts)).contains("50040:50049");
        List<String> sharing = DECODER.decode(SEED_BLOG).diagnostics().get(0).checklist().stream()
                .map(ChecklistItem::ruleId)
                .collect(Collectors.toList());
        List<String> audioRules = DECODER.decode(audio).diagnostics().get(0).checklist().stream()
                .map(ChecklistItem::ruleId)
                .collect(Collectors.toList());
        assertThat(audioRules).isNotEqualTo(sharing);
    }

    @Test
    void decode_sameRelayBothSides_mentionsHairpin() {
        DecodedDiagnostic d = DECODER.decode(AUDIO_23).diagnostics().get(0);
        assertThat(d.severity()).isEqualTo(Severity.FAILURE);
        assertThat(d.iceWarn().orElseThrow().flags())
                .extracting(FlagMeaning::bit)
                .containsExactly(0x1L, 0x2L, 0x8L, 0x20L, 0x100L, 0x800000L);
        assertThat(d.checklist()).isNotEmpty();
        assertThat(d.fields()).anySatisfy(f -> {
            assertThat(f.key()).isEqualTo("LocalLocation");
            assertThat(f.valueMeaning()).isPresent();
        });
        assertThat(d.notes())
                .anySatisfy(n -> assertThat(n)
                        .startsWith("Location values are inferred")
                        .contains("2 = internal")
                        .contains("1 = remote"));
    }

    @Test
    void decode_serverHeaders_inOrder() {
        DecodeResult r = DECODER.decode("SIP/2.0 504 Server time-out\n"
                + "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\";source=\"sip.contoso.com\"\n"
                + "ms-diagnostics-public: 4141;reason=\"User disabled\"\n");
        assertThat(r.diagnostics()).hasSize(2);
        assertThat(r.diagnostics().get(0).diagnostic().header()).isEqualTo("ms-diagnostics");
        assertThat(r.diagnostics().get(0).code().orElseThrow().known()).isTrue();
        assertThat(r.diagnostics().get(1).diagnostic().header()).isEqualTo("ms-diagnostics-public");
        assertThat(r.diagnostics().get(0).diagnostic().span().start())
                .isLessThan(r.diagnostics().get(1).diagnostic().span().start());
    }

    @Test
    void decode_provisionalResponse_isInfo() {
        DecodeResult r = DECODER.decode(
                "SIP/2.0 101 Progress Report\nms-diagnostics: 25008;reason=\"Attempting to route to Primary Pool\"");
        assertThat(r.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void decode_normalHangUpWithWarnings_isInfo() {
        DecodeResult r = DECODER.decode(
                "ms-client-diagnostics: 51004; reason=\"Action initiated by user\";"
                        + "CalleeMediaDebug=\"audio:ICEWarn=0x40003a0,LocalSite=192.168.100.1:50034,LocalLocation=2,RemoteLocation=2\"");
        assertThat(r.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void decode_lookAlike_isNeverALyncDiagnostic() {
        DecodeResult r = DECODER.decode("HTTP/1.1 401\nX-MS-Diagnostics: 2000004;reason=\"The tenant for tenant guid"
                + " does not exist.\";error_category=\"invalid_tenant\"");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.diagnostic()).isInstanceOf(LookAlike.class);
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.checklist()).isEmpty();
            assertThat(d.verdict()).contains("Not a Lync");
        });
    }

    @Test
    void decode_unknownCode_isReportedAsUnknown() {
        DecodedDiagnostic d = DECODER.decode("ms-diagnostics: 1999;reason=\"Something new\"")
                .diagnostics()
                .get(0);
        assertThat(d.code().orElseThrow().known()).isFalse();
        assertThat(d.code().orElseThrow().area()).isPresent();
        assertThat(d.checklist()).isNotEmpty();
    }

    @Test
    void decode_unknownFieldsAndBits_areKept() {
        DecodedDiagnostic d = DECODER.decode("ms-client-diagnostics: 24; reason=\"x\";CallerMediaDebug=\"audio:"
                        + "ICEWarn=0x80000800,Frobnicate=7,LocalLocation=1,RemoteLocation=1\"")
                .diagnostics()
                .get(0);
        assertThat(d.iceWarn().orElseThrow().unknownBits()).contains(0x80000000L, 0x800L);
        assertThat(d.fields()).anySatisfy(f -> {
            assertThat(f.key()).isEqualTo("Frobnicate");
            assertThat(f.known()).isFalse();
        });
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("0x80000000"));
    }

    @Test
    void decode_noDiagnostic_isEmpty() {
        assertThat(DECODER.decode("Has anyone seen desktop sharing fail with external users?")
                        .isEmpty())
                .isTrue();
        assertThat(DECODER.decode("").isEmpty()).isTrue();
        assertThat(DECODER.decode(null).isEmpty()).isTrue();
    }

    @Test
    void decode_randomText_neverThrows() {
        Random random = new Random(7);
        String alphabet = "ms-client-diagnostics:;=\",\u201c\u201d\u2033 0x320ICEWarnCallerMediaDebug\n\\&quot;<>";
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(400);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            DecodeResult r = DECODER.decode(sb);
            assertThat(r).isNotNull();
        }
    }

    @Test
    void explainIceWarn_decomposesEveryBit() {
        IceWarnExplanation e = DECODER.explainIceWarn("0x12b").orElseThrow();
        assertThat(e.flags()).extracting(FlagMeaning::bit).containsExactly(0x1L, 0x2L, 0x8L, 0x20L, 0x100L);
        assertThat(DECODER.explainIceWarn("0x1").orElseThrow().flags()).hasSize(1);
        assertThat(DECODER.explainIceWarn("0x80000").orElseThrow().flags()).hasSize(1);
        assertThat(DECODER.explainIceWarn("nope")).isEmpty();
    }

    @Test
    void explainIceWarn_decimal_saysSo() {
        IceWarnExplanation e = DECODER.explainIceWarn("800").orElseThrow();
        assertThat(e.value().value()).isEqualTo(0x320L);
        assertThat(e.note())
                .hasValueSatisfying(n -> assertThat(n).contains("decimal").contains("0x800"));
    }

    @Test
    void explainIceWarn_zero_isNoFailure() {
        IceWarnExplanation e = DECODER.explainIceWarn("0x0").orElseThrow();
        assertThat(e.flags()).isEmpty();
        assertThat(e.note()).isPresent();
    }

    @Test
    void explainCode_withoutHeader_prefersClient() {
        assertThat(DECODER.explainCode(null, 24).header()).isEqualTo("ms-client-diagnostics");
        assertThat(DECODER.explainCode(null, 1008).header()).isEqualTo("ms-diagnostics");
        assertThat(DECODER.explainCode("MS-DIAGNOSTICS", 1008).known()).isTrue();
        assertThat(DECODER.explainCode("ms-diagnostics-public", 4141).known()).isTrue();
        assertThat(DECODER.explainCode(null, 999_999).known()).isFalse();
    }

    @Test
    void knownCodes_andSources_areAvailable() {
        assertThat(DECODER.knownCodes()).hasSizeGreaterThan(50);
        assertThat(DECODER.source("S40")).isPresent();
        assertThat(DECODER.source("S999")).isEmpty();
    }

    @Test
    void decode_streamFileAndText_agreeOnTheDiagnosticCapAndItsProblem(@TempDir Path dir) throws IOException {
        // a log of more than MAX_DIAGNOSTICS diagnostics, past the size at which the command line streams
        String line = "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\";source=\"sip.contoso.com\"\n";
        String text = ("chat line without a diagnostic, " + "x".repeat(1100) + "\n" + line)
                .repeat(DiagnosticScanner.MAX_DIAGNOSTICS + 7);
        DecodeResult inMemory = DECODER.decode(text);
        assertThat(inMemory.diagnostics()).hasSize(DiagnosticScanner.MAX_DIAGNOSTICS);
        assertThat(inMemory.problems())
                .extracting(Problem::message)
                .containsExactly("More than 1000 diagnostics; the rest of the text was not read.");

        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<DecodedDiagnostic> streamed = new ArrayList<>();
        List<Problem> streamProblems = DECODER.decode(new ByteArrayInputStream(bytes), streamed::add);
        Path file = Files.write(dir.resolve("log.txt"), bytes);
        List<DecodedDiagnostic> mapped = new ArrayList<>();
        List<Problem> fileProblems;
        try (FileChannel channel = FileChannel.open(file)) {
            fileProblems = DECODER.decode(channel, 0, mapped::add);
        }

        assertThat(streamProblems).isEqualTo(inMemory.problems());
        assertThat(fileProblems).isEqualTo(inMemory.problems());
        assertThat(streamed).extracting(d -> d.diagnostic().span()).isEqualTo(spans(inMemory));
        assertThat(mapped).extracting(d -> d.diagnostic().span()).isEqualTo(spans(inMemory));
    }

    private static List<io.icewarn.decoder.model.Span> spans(DecodeResult r) {
        return r.diagnostics().stream().map(d -> d.diagnostic().span()).toList();
    }
}
