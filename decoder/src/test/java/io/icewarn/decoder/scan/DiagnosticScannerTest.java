package io.icewarn.decoder.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.LookAlike;
import io.icewarn.decoder.model.QoeReport;
import io.icewarn.decoder.model.ServerDiagnostic;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.Side;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DiagnosticScannerTest {

    private static final String REASON_24 =
            "Call failed to establish due to a media connectivity failure when both endpoints are remote";
    private static final String MD_24 = "application-sharing:ICEWarn=0x320,,,RemoteSite=,PortRange=50040:50049,"
            + "LocalMRTCPPort=57498,LocalLocation=1,RemoteLocation=1,FederationType=0";
    private static final String CLIENT_24 =
            "ms-client-diagnostics: 24; reason=\"" + REASON_24 + "\";CallerMediaDebug=\"" + MD_24 + "\"";

    // ---- helpers

    private static List<Diagnostic> scan(String text) {
        return DiagnosticScanner.scan(text).diagnostics();
    }

    private static ClientDiagnostic onlyClient(String text) {
        List<Diagnostic> found = scan(text);
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(ClientDiagnostic.class);
        return (ClientDiagnostic) found.get(0);
    }

    private static ServerDiagnostic onlyServer(String text) {
        List<Diagnostic> found = scan(text);
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(ServerDiagnostic.class);
        return (ServerDiagnostic) found.get(0);
    }

    private static String spanText(String text, Diagnostic d) {
        return text.substring(d.span().start(), d.span().end());
    }

    private static List<String> keys(Diagnostic d) {
        return d.fields().entries().stream().map(Field::key).toList();
    }

    private static void assertSeed24(ClientDiagnostic d) {
        assertThat(d.shape()).isEqualTo(Shape.CLIENT_MEDIA_DEBUG);
        assertThat(d.code()).isEqualTo(OptionalInt.of(24));
        assertThat(d.reason()).contains(REASON_24);
        assertThat(d.side()).contains(Side.CALLER);
        assertThat(d.media()).contains("application-sharing");
        assertThat(d.fields().entries())
                .containsExactly(
                        new Field("ICEWarn", "0x320"),
                        new Field("RemoteSite", ""),
                        new Field("PortRange", "50040:50049"),
                        new Field("LocalMRTCPPort", "57498"),
                        new Field("LocalLocation", "1"),
                        new Field("RemoteLocation", "1"),
                        new Field("FederationType", "0"));
        assertThat(d.info().iceWarn().map(IceWarn::value)).contains(0x320L);
    }

    // ---- shapes

    @Test
    void scan_clientMediaDebug_readsEveryPart() {
        String text = "look: " + CLIENT_24 + " thanks";
        ClientDiagnostic d = onlyClient(text);
        assertSeed24(d);
        assertThat(d.header()).isEqualTo("ms-client-diagnostics");
        assertThat(spanText(text, d)).isEqualTo(CLIENT_24);
        assertThat(d.sipStatus()).isEmpty();
    }

    @Test
    void scan_calleeMediaDebug_setsCalleeSide() {
        ClientDiagnostic d =
                onlyClient("ms-client-diagnostics: 23; reason=\"x\";CalleeMediaDebug=\"audio:ICEWarn=0x80012b\"");
        assertThat(d.side()).contains(Side.CALLEE);
        assertThat(d.media()).contains("audio");
        assertThat(d.info().iceWarn().map(IceWarn::value)).contains(0x80012bL);
    }

    @Test
    void scan_paramsAfterMediaDebug_areAppendedToFields() {
        ClientDiagnostic d = onlyClient(
                "ms-client-diagnostics: 24; reason=\"x\";CallerMediaDebug=\"audio:ICEWarn=0x1,LocalLocation=1\";Foo=\"bar\";Baz=2");
        assertThat(keys(d)).containsExactly("ICEWarn", "LocalLocation", "Foo", "Baz");
        assertThat(d.fields().get("Baz")).contains("2");
    }

    @Test
    void scan_mediaChanBlob_readsUserTypeMediaTypeThenBlob() {
        String text = "ms-client-diagnostics: 22; reason=\"Call failed to establish due to a media connectivity failure"
                + " when both endpoints are internal\";UserType=\"Callee\";MediaType=\"audio\";MediaChanBlob=\"NetworkErr=no"
                + " error,ErrTime=0,TransptRecvErr=0x0,BlobVer=1\"";
        ClientDiagnostic d = onlyClient(text);
        assertThat(d.shape()).isEqualTo(Shape.CLIENT_MEDIA_CHAN_BLOB);
        assertThat(d.side()).contains(Side.CALLEE);
        assertThat(d.media()).contains("audio");
        assertThat(d.fields().entries())
                .containsExactly(
                        new Field("UserType", "Callee"),
                        new Field("MediaType", "audio"),
                        new Field("NetworkErr", "no error"),
                        new Field("ErrTime", "0"),
                        new Field("TransptRecvErr", "0x0"),
                        new Field("BlobVer", "1"));
        assertThat(spanText(text, d)).isEqualTo(text);
    }

    @Test
    void scan_clientWithoutMediaData_isPlainAndKeepsOtherParams() {
        ClientDiagnostic d =
                onlyClient("ms-client-diagnostics: 52017; reason=\"Encryption levels dont match\";extra=\"1\"");
        assertThat(d.shape()).isEqualTo(Shape.CLIENT_PLAIN);
        assertThat(d.code()).isEqualTo(OptionalInt.of(52017));
        assertThat(d.reason()).contains("Encryption levels dont match");
        assertThat(d.fields().entries()).containsExactly(new Field("extra", "1"));
        assertThat(d.side()).isEmpty();
        assertThat(d.media()).isEmpty();
    }

    @Test
    void scan_clientWithIdOnly_isPlainWithoutReason() {
        ClientDiagnostic d = onlyClient("Ms-client-diagnostics: 52035\n");
        assertThat(d.shape()).isEqualTo(Shape.CLIENT_PLAIN);
        assertThat(d.reason()).isEmpty();
        assertThat(d.fields().isEmpty()).isTrue();
    }

    @Test
    void scan_monitoringReport_readsEveryParamButReason() {
        String text =
                "Diagnostic header: 25; reason=\"A federated call failed\"; UserType=\"Callee\"; MediaType=\"audio\";"
                        + " ICEWarn=\"0x40003a0\"; LocalSite=\"10.57.210.11:20003\"; MrDnsU=\"edge.example.com\"; MrResU=\"0\"";
        ClientDiagnostic d = onlyClient(text);
        assertThat(d.shape()).isEqualTo(Shape.MONITORING_REPORT);
        assertThat(d.code()).isEqualTo(OptionalInt.of(25));
        assertThat(d.reason()).contains("A federated call failed");
        assertThat(d.side()).contains(Side.CALLEE);
        assertThat(d.media()).contains("audio");
        assertThat(keys(d)).containsExactly("UserType", "MediaType", "ICEWarn", "LocalSite", "MrDnsU", "MrResU");
        assertThat(d.info().iceWarn().map(IceWarn::value)).contains(0x40003a0L);
        assertThat(spanText(text, d)).startsWith("25; reason=").endsWith("MrResU=\"0\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I got 24; reason unknown",
                "error 25; reason=\"timeout\" and nothing else",
                "version 1.24; reason=none",
                "code 24;reason=Foo;bar=baz"
            })
    void scan_chatThatLooksLikeReportForm_findsNothing(String text) {
        assertThat(scan(text)).isEmpty();
    }

    @Test
    void scan_bareMediaDebug_hasNoCodeNoReason() {
        String text = "from the log: CalleeMediaDebug=\"audio:ICEWarn=0x80000,LocalLocation=2,RemoteLocation=0\" end";
        ClientDiagnostic d = onlyClient(text);
        assertThat(d.shape()).isEqualTo(Shape.BARE_MEDIA_DEBUG);
        assertThat(d.code()).isEmpty();
        assertThat(d.reason()).isEmpty();
        assertThat(d.side()).contains(Side.CALLEE);
        assertThat(d.media()).contains("audio");
        assertThat(spanText(text, d))
                .isEqualTo("CalleeMediaDebug=\"audio:ICEWarn=0x80000,LocalLocation=2,RemoteLocation=0\"");
    }

    @Test
    void scan_serverHeaders_readFieldsInOrderWithStatus() {
        String text = "SIP/2.0 504 Server time-out\r\n"
                + "ms-diagnostics: 1034;reason=\"Previous hop federated peer did not report diagnostic information\";"
                + "Domain=\"fabrikam.example\";PeerServer=\"sip.fabrikam.example\";source=\"sip.contoso.example\"\r\n"
                + "ms-diagnostics-public: 4141;reason=\"User disabled\"\r\n";
        List<Diagnostic> found = scan(text);
        assertThat(found).hasSize(2);
        ServerDiagnostic first = (ServerDiagnostic) found.get(0);
        assertThat(first.shape()).isEqualTo(Shape.SERVER);
        assertThat(first.header()).isEqualTo("ms-diagnostics");
        assertThat(first.errorId()).isEqualTo(1034);
        assertThat(first.reason()).contains("Previous hop federated peer did not report diagnostic information");
        assertThat(keys(first)).containsExactly("Domain", "PeerServer", "source");
        assertThat(first.source()).contains("sip.contoso.example");
        assertThat(first.sipStatus()).isEqualTo(OptionalInt.of(504));
        assertThat(spanText(text, first)).startsWith("ms-diagnostics: 1034").endsWith("\"sip.contoso.example\"");
        ServerDiagnostic second = (ServerDiagnostic) found.get(1);
        assertThat(second.shape()).isEqualTo(Shape.SERVER_PUBLIC);
        assertThat(second.header()).isEqualTo("ms-diagnostics-public");
        assertThat(second.errorId()).isEqualTo(4141);
        assertThat(second.fields().isEmpty()).isTrue();
        assertThat(second.sipStatus()).isEqualTo(OptionalInt.of(504));
        assertThat(spanText(text, second)).isEqualTo("ms-diagnostics-public: 4141;reason=\"User disabled\"");
    }

    @Test
    void scan_serverWithComponent_keepsIt() {
        ServerDiagnostic d = onlyServer(
                "ms-diagnostics: 10003;source=\"med.contoso.example\";reason=\"Proxy returned a SIP failure code\";component=\"MediationServer\"");
        assertThat(keys(d)).containsExactly("source", "component");
        assertThat(d.reason()).contains("Proxy returned a SIP failure code");
    }

    @Test
    void scan_sdpAttributeWithSubId_readsBothIds() {
        String text = "v=0\r\na=x-ms-SDP-diagnostics:7008.2;reason=\"Error parsing SDP\"\r\nm=audio 0 RTP/AVP 0\r\n";
        ServerDiagnostic d = onlyServer(text);
        assertThat(d.shape()).isEqualTo(Shape.SDP);
        assertThat(d.header()).isEqualTo("x-ms-SDP-diagnostics");
        assertThat(d.errorId()).isEqualTo(7008);
        assertThat(d.subErrorId()).isEqualTo(OptionalInt.of(2));
        assertThat(d.reason()).contains("Error parsing SDP");
        assertThat(spanText(text, d)).isEqualTo("x-ms-SDP-diagnostics:7008.2;reason=\"Error parsing SDP\"");
    }

    @Test
    void scan_sdpAttributeWithoutSubId_hasEmptySubId() {
        ServerDiagnostic d = onlyServer("a=x-ms-sdp-diagnostics:7008;reason=\"Error parsing SDP\"");
        assertThat(d.errorId()).isEqualTo(7008);
        assertThat(d.subErrorId()).isEmpty();
    }

    static Stream<Arguments> qoeElements() {
        return Stream.of(
                Arguments.of(
                        "<Ice>RELAY</Ice><IceWarningFlags>8388907</IceWarningFlags>", 8388907L, IceWarn.Radix.DECIMAL),
                Arguments.of(
                        "<Ice>RELAY</Ice>\n  <IceWarningFlags>0x80012b</IceWarningFlags>", 8388907L, IceWarn.Radix.HEX),
                Arguments.of(
                        "<v2:Ice>RELAY</v2:Ice><v2:IceWarningFlags>80012b</v2:IceWarningFlags>",
                        8388907L,
                        IceWarn.Radix.HEX_UNPREFIXED));
    }

    @ParameterizedTest
    @MethodSource("qoeElements")
    void scan_qoeElements_readDecimalOrHex(String xml, long value, IceWarn.Radix radix) {
        List<Diagnostic> found = scan("report: " + xml + " end");
        assertThat(found).hasSize(1);
        QoeReport q = (QoeReport) found.get(0);
        assertThat(q.header()).isEqualTo("QoE");
        assertThat(q.ice()).contains("RELAY");
        assertThat(q.iceWarningFlags().map(IceWarn::value)).contains(value);
        assertThat(q.iceWarningFlags().map(IceWarn::radix)).contains(radix);
        assertThat(q.fields().entries()).extracting(Field::key).containsExactly("Ice", "IceWarningFlags");
    }

    @Test
    void scan_qoeConnectivityBlock_keepsChildElementsAsFields() {
        String text = "<MediaLine><Description><Connectivity><Ice>DIRECT</Ice><IceWarningFlags>0</IceWarningFlags>"
                + "<RelayAddress><IP>203.0.113.9</IP><Port>3478</Port></RelayAddress></Connectivity></Description></MediaLine>";
        List<Diagnostic> found = scan(text);
        assertThat(found).hasSize(1);
        QoeReport q = (QoeReport) found.get(0);
        assertThat(q.fields().entries())
                .containsExactly(
                        new Field("Ice", "DIRECT"),
                        new Field("IceWarningFlags", "0"),
                        new Field("IP", "203.0.113.9"),
                        new Field("Port", "3478"));
        assertThat(spanText(text, q)).startsWith("<Connectivity>").endsWith("</Connectivity>");
    }

    @Test
    void scan_qoeSeveralMediaLines_giveOneReportEach() {
        String text =
                "<MediaLine><Connectivity><Ice>FAILED</Ice><IceWarningFlags>0x12b</IceWarningFlags></Connectivity></MediaLine>"
                        + "<MediaLine><Ice>DIRECT</Ice><IceWarningFlags>0x320</IceWarningFlags></MediaLine>"
                        + "<MediaLine><Ice>RELAY</Ice></MediaLine><MediaLine><IceWarningFlags>1</IceWarningFlags></MediaLine>";
        List<Diagnostic> found = scan(text);
        assertThat(found).hasSize(4).allMatch(d -> d instanceof QoeReport);
        assertThat(found)
                .extracting(d -> ((QoeReport) d).ice())
                .containsExactly(Optional.of("FAILED"), Optional.of("DIRECT"), Optional.of("RELAY"), Optional.empty());
    }

    @Test
    void scan_qoeElementsFarApart_areSeparateReports() {
        String text =
                "<Ice>RELAY</Ice>" + " ".repeat(ScanState.QOE_GROUP_GAP + 1) + "<IceWarningFlags>0x1</IceWarningFlags>";
        assertThat(scan(text)).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x-ms-diagnostics: 2000004;reason=\"The tenant for tenant guid 'x' does not exist.\";error_category=\"invalid_tenant\"",
                "X-MS-Diagnostics: 2000004;reason=\"The tenant for tenant guid 'x' does not exist.\";error_category=\"invalid_tenant\"",
                "X-Ms-Diagnostics:2000004; reason=\"The tenant for tenant guid 'x' does not exist.\"; error_category=\"invalid_tenant\""
            })
    void scan_xMsDiagnostics_isLookAlikeNeverServer(String text) {
        List<Diagnostic> found = scan("HTTP/1.1 401 Unauthorized\n" + text + "\n");
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(LookAlike.class).isNotInstanceOf(ServerDiagnostic.class);
        LookAlike l = (LookAlike) found.get(0);
        assertThat(l.header()).isEqualTo("x-ms-diagnostics");
        assertThat(l.shape()).isEqualTo(Shape.LOOK_ALIKE);
        assertThat(l.code()).isEqualTo(OptionalInt.of(2000004));
        assertThat(l.reason()).contains("The tenant for tenant guid 'x' does not exist.");
        assertThat(l.fields().entries()).containsExactly(new Field("error_category", "invalid_tenant"));
        assertThat(text.substring(0, 16)).isEqualToIgnoringCase("x-ms-diagnostics");
    }

    @Test
    void scan_headerNamesThatContainEachOther_areToldApart() {
        String text = "x-ms-diagnostics: 28020;reason=\"No valid security token.\"\n"
                + "ms-diagnostics-public: 4141;reason=\"User disabled\"\n"
                + "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\"\n"
                + "a=x-ms-SDP-diagnostics:7008;reason=\"Error parsing SDP\"\n";
        assertThat(scan(text))
                .extracting(Diagnostic::shape)
                .containsExactly(Shape.LOOK_ALIKE, Shape.SERVER_PUBLIC, Shape.SERVER, Shape.SDP);
    }

    // ---- SIP status

    @Test
    void scan_progressReport_setsStatus101() {
        ServerDiagnostic d = onlyServer(
                "SIP/2.0 101 Progress Report\nCSeq: 1 INVITE\nms-diagnostics: 25008;reason=\"Attempting to route to Primary Pool\"");
        assertThat(d.sipStatus()).isEqualTo(OptionalInt.of(101));
    }

    @Test
    void scan_byeThen200Ok_statusOnlyOnTheResponse() {
        String text = "BYE sip:bob@example.com SIP/2.0\r\nCSeq: 2 BYE\r\n"
                + "ms-client-diagnostics: 51004; reason=\"Action initiated by user\";CallerMediaDebug=\"audio:ICEWarn=0x0\"\r\n\r\n"
                + "SIP/2.0 200 OK\r\nCSeq: 2 BYE\r\n"
                + "ms-client-diagnostics: 51007; reason=\"Callee media connectivity diagnosis info\";CalleeMediaDebug=\"audio:ICEWarn=0x80000\"\r\n";
        List<Diagnostic> found = scan(text);
        assertThat(found).hasSize(2);
        assertThat(found.get(0).code()).isEqualTo(OptionalInt.of(51004));
        assertThat(found.get(0).sipStatus()).isEmpty();
        assertThat(found.get(1).code()).isEqualTo(OptionalInt.of(51007));
        assertThat(found.get(1).sipStatus()).isEqualTo(OptionalInt.of(200));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\n\nINVITE sip:bob@example.com SIP/2.0\n",
                "\r\n\r\n> INVITE sips:bob@example.com;transport=tls SIP/2.0  \r\n"
            })
    void scan_requestLineAfterStatus_forgetsStatus(String requestLine) {
        String text = "SIP/2.0 488 Not Acceptable Here" + requestLine
                + "ms-client-diagnostics: 52017;reason=\"Encryption levels dont match\"";
        assertThat(onlyClient(text).sipStatus()).isEmpty();
    }

    @Test
    void scan_requestLineIsKnownByItsSipVersion_soAMentionOfAMethodKeepsTheStatus() {
        String text = "SIP/2.0 504 Server time-out\nretrying as INVITE sip:bob@example.com later\n"
                + "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\"";
        assertThat(onlyServer(text).sipStatus()).isEqualTo(OptionalInt.of(504));
    }

    @Test
    void scan_manySipMessagesBeforeADiagnostic_theLastStatusOrRequestDecides() {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 150; k++) {
            text.append(
                    k % 2 == 0 ? "INVITE sip:bob@example.com SIP/2.0\n" : "SIP/2.0 " + (180 + k % 3) + " Ringing\n");
            text.append("Via: SIP/2.0/TLS 10.0.0.1:5061\nCSeq: 1 INVITE\n\n");
        }
        text.setLength(text.length() - 1); // the diagnostic is a header of the last message
        String afterStatus = text + "ms-diagnostics: 1008;reason=\"x\"";
        assertThat(onlyServer(afterStatus).sipStatus()).isEqualTo(OptionalInt.of(180 + 149 % 3));
        String afterRequest = text + "\nBYE sip:bob@example.com SIP/2.0\nms-diagnostics: 1008;reason=\"x\"";
        assertThat(onlyServer(afterRequest).sipStatus()).isEmpty();
    }

    @Test
    void scan_diagnosticsAfterTheMessageOfAStatusLine_haveNoStatus() {
        // issue 15: in a log of several pastes the 504 of the first was attached to every later diagnostic
        String text = "SIP/2.0 504 Server time-out\n"
                + "CSeq: 1 INVITE\n"
                + "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\";source=\"sip.contoso.com\"\n"
                + "see also ms-diagnostics: 1034;reason=\"peer\"\n"
                + "\n"
                + "and from the chat client: ms-client-diagnostics: 23; reason=\"x\"\n"
                + "\n"
                + "25; reason=\"y\"; UserType=\"Callee\"; MediaType=\"audio\"; ICEWarn=\"0x320\"\n"
                + "ms-client-diagnostics: 51004; reason=\"Action initiated by user\"";
        assertThat(DiagnosticScanner.scan(text).diagnostics())
                .extracting(Diagnostic::sipStatus)
                .containsExactly(
                        OptionalInt.of(504),
                        OptionalInt.empty(),
                        OptionalInt.empty(),
                        OptionalInt.empty(),
                        OptionalInt.empty());
    }

    @Test
    void scan_diagnosticInTheSdpBodyOfAResponse_hasItsStatus() {
        String text = "SIP/2.0 488 Not Acceptable Here\nCSeq: 1 INVITE\nContent-Type: application/sdp\n\n"
                + "v=0\no=- 0 0 IN IP4 192.0.2.1\na=x-ms-SDP-diagnostics:7008.2;reason=\"Error parsing SDP\"\n\n"
                + "ms-diagnostics: 1008;reason=\"x\"";
        assertThat(DiagnosticScanner.scan(text).diagnostics())
                .extracting(Diagnostic::sipStatus)
                .containsExactly(OptionalInt.of(488), OptionalInt.empty());
    }

    @Test
    void scan_sipVersionsThatDecideNothing_keepTheStatusBeforeThem() {
        String text =
                "SIP/2.0 503 Service Unavailable\n" + "Via: SIP/2.0/TLS 10.0.0.1:5061\nnot a SIP/2.0 line\n".repeat(100)
                        + "ms-diagnostics: 1008;reason=\"x\"";
        assertThat(onlyServer(text).sipStatus()).isEqualTo(OptionalInt.of(503));
    }

    @Test
    void scan_viaHeaderVersion_isNotAStatus() {
        String text = "Via: SIP/2.0/TLS 10.0.0.1:5061\nms-diagnostics: 1008;reason=\"x\"";
        assertThat(onlyServer(text).sipStatus()).isEmpty();
    }

    // ---- paste gotchas

    @ParameterizedTest
    @ValueSource(strings = {"MS-CLIENT-DIAGNOSTICS", "Ms-Client-Diagnostics", "ms-client-diagnostics"})
    void scan_headerInAnyCase_isFound(String header) {
        String text = header + ": 24; reason=\"" + REASON_24 + "\";CallerMediaDebug=\"" + MD_24 + "\"";
        ClientDiagnostic d = onlyClient(text);
        assertSeed24(d);
        assertThat(spanText(text, d)).startsWith(header);
    }

    @Test
    void scan_spacesAroundSeparators_areIgnored() {
        ClientDiagnostic d = onlyClient(
                "ms-client-diagnostics : 24 ; reason = \"" + REASON_24 + "\" ; CallerMediaDebug = \"" + MD_24 + "\"");
        assertSeed24(d);
    }

    static Stream<Arguments> quoteStyles() {
        return Stream.of(
                Arguments.of("\u201C", "\u201D"),
                Arguments.of("\u201D", "\u2033"),
                Arguments.of("\u201E", "\u201C"),
                Arguments.of("\u00AB", "\u00BB"),
                Arguments.of("\u2033", "\u2033"),
                Arguments.of("\u2018", "\u2019"),
                Arguments.of("'", "'"),
                Arguments.of("\\\"", "\\\""),
                Arguments.of("\\\\\\\"", "\\\\\\\""),
                Arguments.of("&quot;", "&quot;"),
                Arguments.of("&#34;", "&#34;"));
    }

    @ParameterizedTest
    @MethodSource("quoteStyles")
    void scan_quoteStyles_areAllUnderstood(String open, String close) {
        String text = "ms-client-diagnostics: 24; reason=" + open + REASON_24 + close + ";CallerMediaDebug=" + open
                + MD_24 + close + " trailing chat";
        ClientDiagnostic d = onlyClient(text);
        assertSeed24(d);
        assertThat(spanText(text, d)).startsWith("ms-client-diagnostics").endsWith(close);
        assertThat(DiagnosticScanner.scan(text).problems()).isEmpty();
    }

    @Test
    void scan_unquotedValues_endAtSemicolon() {
        ServerDiagnostic d =
                onlyServer("ms-diagnostics: 1008;reason=Unable to resolve DNS SRV record;source=sip.contoso.com\nnext");
        assertThat(d.reason()).contains("Unable to resolve DNS SRV record");
        assertThat(d.source()).contains("sip.contoso.com");
    }

    @Test
    void scan_wrappedMediaDebug_removesTheBreak() {
        String text = "ms-client-diagnostics: 24; reason=\"Call failed to establish due to a media\n"
                + "    connectivity failure when both endpoints are remote\";CallerMediaDebug=\"application-sharing:ICEWarn=0x3\n"
                + "    20,,,RemoteSite=,PortRange=50040:50049,\n    LocalMRTCPPort=57498,LocalLocation=1,Remote\nLocation=1,FederationType=0\"";
        ClientDiagnostic d = onlyClient(text);
        assertSeed24(d);
    }

    @Test
    void scan_wrappedReason_becomesOneSpace() {
        ClientDiagnostic d =
                onlyClient("ms-client-diagnostics: 24; reason=\"Call failed to establish due to a media \r\n"
                        + "\t\tconnectivity failure when both endpoints are remote\";CallerMediaDebug=\"" + MD_24
                        + "\"");
        assertThat(d.reason()).contains(REASON_24);
    }

    @Test
    void scan_chatQuotePrefixes_areRemovedFromContinuationLines() {
        String text = "> ms-client-diagnostics: 24; reason=\"Call failed to establish due to a media\n"
                + "> connectivity failure when both endpoints are remote\";CallerMediaDebug=\"application-sharing:ICEWarn=0x320,,,RemoteSite=,\n"
                + ">  PortRange=50040:50049,LocalMRTCPPort=57498,LocalLocation=1,RemoteLocation=1,FederationType=0\"";
        ClientDiagnostic d = onlyClient(text);
        assertSeed24(d);
        assertThat(spanText(text, d)).startsWith("ms-client-diagnostics");
    }

    @Test
    void scan_wrapBeforeLowercaseLetterAndEquals_isStillAWrap() {
        // found by ScannerPropertyTest seed 27: "RemoteSit" + break + "e=…" once looked like an SDP line
        ClientDiagnostic d =
                onlyClient("ms-client-diagnostics: 23; reason=\"x\";CalleeMediaDebug=\"audio:ICEWarn=0x1,RemoteSit\n"
                        + "e=198.51.100.7:50022,LocalLocation=2,RemoteLocation=1\"");
        assertThat(d.fields().get("RemoteSite")).contains("198.51.100.7:50022");
        assertThat(d.info().remoteLocation()).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void scan_unclosedMediaDebugFollowedBySdp_endsBeforeTheSdpLine() {
        String text = "ms-client-diagnostics: 23; reason=\"x\";CalleeMediaDebug=\"audio:ICEWarn=0x80012b\n"
                + "a=candidate:1 1 UDP 2130706431 192.0.2.1 50010 typ host\n";
        ClientDiagnostic d = onlyClient(text);
        assertThat(d.info().iceWarn().map(IceWarn::value)).contains(0x80012bL);
        assertThat(spanText(text, d)).endsWith("0x80012b");
    }

    @Test
    void scan_spacesAfterCommas_areNotPartOfKeysOrValues() {
        ClientDiagnostic d = onlyClient(
                "ms-client-diagnostics: 23; reason=\"x\";CallerMediaDebug=\"application-sharing:"
                        + "ICEWarn=0x4000320,LocalSite=207.46.5.9:20702, LocalMR=207.46.5.63:54829, RemoteLocation=2\"");
        assertThat(d.fields().entries())
                .containsExactly(
                        new Field("ICEWarn", "0x4000320"),
                        new Field("LocalSite", "207.46.5.9:20702"),
                        new Field("LocalMR", "207.46.5.63:54829"),
                        new Field("RemoteLocation", "2"));
        assertThat(d.info()
                        .localMr()
                        .flatMap(
                                e -> e.port().isPresent() ? Optional.of(e.port().getAsInt()) : Optional.empty()))
                .contains(54829);
    }

    @Test
    void scan_doubleColonPort_isKeptAndParsed() {
        ClientDiagnostic d = onlyClient(
                "ms-client-diagnostics: 51004; reason=\"Action initiated by user\";CallerMediaDebug=\"audio:ICEWarn=0x40003a0,LocalMR=192.168.100.1::58503\"");
        assertThat(d.fields().get("LocalMR")).contains("192.168.100.1::58503");
        assertThat(d.info().localMr().map(e -> e.host())).contains("192.168.100.1");
        assertThat(d.info().localMr().map(e -> e.port())).contains(OptionalInt.of(58503));
    }

    @Test
    void scan_markdownFencesAndInlineCode_areNotPartOfValues() {
        String fenced = "see\n```\n" + CLIENT_24 + "\n```\nthanks";
        assertSeed24(onlyClient(fenced));
        String inline = "see `" + CLIENT_24 + "` thanks";
        ClientDiagnostic d = onlyClient(inline);
        assertSeed24(d);
        assertThat(spanText(inline, d)).doesNotContain("`");
        String unquoted = "`ms-diagnostics: 1008;reason=Unable to resolve DNS SRV record` ok?";
        assertThat(onlyServer(unquoted).reason()).contains("Unable to resolve DNS SRV record");
    }

    @Test
    void scan_severalDiagnostics_areReturnedInOrder() {
        String text = "first " + CLIENT_24 + "\nthen ms-diagnostics: 1008;reason=\"x\"\nand "
                + "CalleeMediaDebug=\"audio:ICEWarn=0x1\" and <Ice>RELAY</Ice>";
        List<Diagnostic> found = scan(text);
        assertThat(found)
                .extracting(Diagnostic::shape)
                .containsExactly(Shape.CLIENT_MEDIA_DEBUG, Shape.SERVER, Shape.BARE_MEDIA_DEBUG, Shape.QOE_REPORT);
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).span().start())
                    .isGreaterThanOrEqualTo(found.get(i - 1).span().end());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Has anyone seen desktop sharing fail with external users?",
                "the ms-diagnostics header not provided by previous hop",
                "ICEWarn=0x320 is all I have",
                "CallerMediaDebugging is on",
                "x-ms-diagnostics: none"
            })
    void scan_textWithoutDiagnostic_findsNothing(String text) {
        ScanResult r = DiagnosticScanner.scan(text);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void scan_null_returnsEmpty() {
        assertThat(DiagnosticScanner.scan(null).diagnostics()).isEmpty();
    }

    @Test
    void scan_reasonContainingHeaderName_isNotCut() {
        ServerDiagnostic d =
                onlyServer("ms-diagnostics: 1011;reason=\"ms-diagnostics header not provided by previous hop.\"");
        assertThat(d.reason()).contains("ms-diagnostics header not provided by previous hop.");
    }

    @Test
    void scan_innerSpacesInValues_areKept() {
        ClientDiagnostic d = onlyClient(
                "ms-client-diagnostics: 22; reason=\"x\";MediaChanBlob=\" NetworkErr = no  error ,ErrTime=0\"");
        assertThat(d.fields().get("NetworkErr")).contains("no  error");
    }

    // ---- problems and truncation

    @Test
    void scan_unclosedQuote_reportsProblemAndKeepsWhatWasRead() {
        String text = "ms-client-diagnostics: 24; reason=\"" + REASON_24
                + "\";CallerMediaDebug=\"application-sharing:ICEWarn=0x320,LocalLocation=1";
        ScanResult r = DiagnosticScanner.scan(text);
        assertThat(r.diagnostics()).hasSize(1);
        ClientDiagnostic d = (ClientDiagnostic) r.diagnostics().get(0);
        assertThat(d.info().iceWarn().map(IceWarn::value)).contains(0x320L);
        assertThat(d.info().localLocation()).isEqualTo(OptionalInt.of(1));
        assertThat(d.span().end()).isEqualTo(text.length());
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).offset()).isEqualTo(text.indexOf("=\"application") + 1);
        assertThat(r.problems().get(0).message()).contains("not closed");
    }

    @Test
    void scan_unclosedQuote_stopsAtNextHeader() {
        String text =
                "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\nms-diagnostics-public: 4141;reason=\"User disabled\"";
        List<Diagnostic> found = scan(text);
        assertThat(found).extracting(Diagnostic::shape).containsExactly(Shape.SERVER, Shape.SERVER_PUBLIC);
        assertThat(found.get(0).reason()).contains("Unable to resolve DNS SRV record");
        assertThat(found.get(1).reason()).contains("User disabled");
    }

    @Test
    void scan_unclosedReasonBeforeMediaDebug_stillReadsMediaDebug() {
        ClientDiagnostic d =
                onlyClient("ms-client-diagnostics: 24; reason=\"Call failed;CallerMediaDebug=\"" + MD_24 + "\"");
        assertThat(d.shape()).isEqualTo(Shape.CLIENT_MEDIA_DEBUG);
        assertThat(d.info().iceWarn().map(IceWarn::value)).contains(0x320L);
    }

    @Test
    void scan_unclosedQuote_stopsAtBlankLine() {
        String text = "ms-diagnostics: 1008;reason=\"Unable to resolve\n\nunrelated chat;foo=bar";
        ServerDiagnostic d = onlyServer(text);
        assertThat(d.reason()).contains("Unable to resolve");
        assertThat(d.fields().isEmpty()).isTrue();
    }

    @Test
    void scan_mediaDebugWithoutMediaPrefix_reportsProblemAndReadsEntries() {
        ScanResult r = DiagnosticScanner.scan("CallerMediaDebug=\"ICEWarn=0x320,LocalSite=10.0.0.1:5000\"");
        ClientDiagnostic d = (ClientDiagnostic) r.diagnostics().get(0);
        assertThat(d.media()).isEmpty();
        assertThat(d.info().iceWarn().map(IceWarn::value)).contains(0x320L);
        assertThat(d.fields().get("LocalSite")).contains("10.0.0.1:5000");
        assertThat(r.problems()).extracting(p -> p.message()).anyMatch(m -> m.contains("media:"));
    }

    @Test
    void scan_manyProblems_areCapped() {
        String text = "CallerMediaDebug=\"x\"\n".repeat(DiagnosticScanner.MAX_PROBLEMS * 3);
        ScanResult r = DiagnosticScanner.scan(text);
        assertThat(r.diagnostics()).hasSize(DiagnosticScanner.MAX_PROBLEMS * 3);
        assertThat(r.problems()).hasSize(DiagnosticScanner.MAX_PROBLEMS);
    }

    @Test
    void scan_truncatedInsideMediaDebug_keepsEntriesBeforeTheCut() {
        String text = CLIENT_24.substring(0, CLIENT_24.indexOf("LocalLocation"));
        ClientDiagnostic d = onlyClient(text);
        assertThat(d.shape()).isEqualTo(Shape.CLIENT_MEDIA_DEBUG);
        assertThat(keys(d)).containsExactly("ICEWarn", "RemoteSite", "PortRange", "LocalMRTCPPort");
    }

    @Test
    void scan_truncatedInsideReason_keepsCodeAndReasonPrefix() {
        ClientDiagnostic d = onlyClient("ms-client-diagnostics: 24; reason=\"Call failed to est");
        assertThat(d.code()).isEqualTo(OptionalInt.of(24));
        assertThat(d.reason()).contains("Call failed to est");
        assertThat(d.shape()).isEqualTo(Shape.CLIENT_PLAIN);
    }

    @Test
    void scan_tooManyDiagnostics_stopsWithProblem() {
        String text = "ms-diagnostics: 1;reason=x\n".repeat(DiagnosticScanner.MAX_DIAGNOSTICS + 5);
        ScanResult r = DiagnosticScanner.scan(text);
        assertThat(r.diagnostics()).hasSize(DiagnosticScanner.MAX_DIAGNOSTICS);
        assertThat(r.problems()).extracting(p -> p.message()).anyMatch(m -> m.contains("More than"));
    }
}
