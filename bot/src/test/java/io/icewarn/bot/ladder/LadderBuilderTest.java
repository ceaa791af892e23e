package io.icewarn.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.Decoder;
import io.icewarn.decoder.flow.CallFlow;
import io.icewarn.decoder.flow.Dialog;
import org.junit.jupiter.api.Test;

final class LadderBuilderTest {
    private static final Decoder DECODER = Decoder.standard();

    private static String message(String startLine, String callId, String cseq) {
        return startLine + "\nVia: SIP/2.0/TLS 10.0.0.1:5061\nFrom: <sip:alice@contoso.com>;tag=a1\n"
                + "To: <sip:bob@contoso.com>;tag=b2\nCall-ID: " + callId + "\nCSeq: " + cseq
                + "\nContent-Length: 0\n\n";
    }

    @Test
    void pictured_failedSingleMessageAndALongerDialog_isTheLongerDialog() {
        CallFlow flow = DECODER.flow(message("SIP/2.0 480 Temporarily Unavailable", "lonely", "1 INVITE")
                + message("INVITE sip:bob@contoso.com SIP/2.0", "pair", "1 INVITE")
                + message("SIP/2.0 200 OK", "pair", "1 INVITE"));
        assertThat(flow.dialogs()).hasSize(2);
        assertThat(new LadderBuilder(false).pictured(flow)).map(Dialog::callId).hasValue("pair");
    }

    @Test
    void pictured_onlySingleMessages_isTheFailedOne() {
        CallFlow flow = DECODER.flow(message("INVITE sip:bob@contoso.com SIP/2.0", "first", "1 INVITE")
                + message("SIP/2.0 480 Temporarily Unavailable", "second", "1 INVITE"));
        assertThat(new LadderBuilder(false).pictured(flow)).map(Dialog::callId).hasValue("second");
    }

    @Test
    void pictured_twoLongerDialogs_isTheFailedOne() {
        CallFlow flow = DECODER.flow(message("INVITE sip:bob@contoso.com SIP/2.0", "ok", "1 INVITE")
                + message("SIP/2.0 200 OK", "ok", "1 INVITE")
                + message("INVITE sip:bob@contoso.com SIP/2.0", "bad", "1 INVITE")
                + message("SIP/2.0 480 Temporarily Unavailable", "bad", "1 INVITE"));
        assertThat(new LadderBuilder(false).pictured(flow)).map(Dialog::callId).hasValue("bad");
    }
}
