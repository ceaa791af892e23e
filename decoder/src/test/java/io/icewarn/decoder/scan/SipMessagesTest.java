package io.icewarn.decoder.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

final class SipMessagesTest {
    private static final String BYE = "BYE sip:bob@example.com;gruu SIP/2.0\n"
            + "Via: SIP/2.0/TLS 192.0.2.1:50012;branch=z9\n"
            + "Call-ID: 5d1a\n"
            + "CSeq: 2 BYE\n"
            + "ms-client-diagnostics: 51004; reason=\"Action initiated by user\"\n"
            + "Content-Length: 0\n";

    @Test
    void callId_headerAfterTheStartLine_isFound() {
        assertThat(SipMessages.callId(BYE, BYE.indexOf("ms-client"))).hasValue("5d1a");
    }

    @Test
    void callId_headerAfterTheDiagnostic_isFound() {
        String text = "SIP/2.0 488 Not Acceptable Here\nms-client-diagnostics: 52017;reason=\"x\"\ni: compact-id\n";
        assertThat(SipMessages.callId(text, text.indexOf("ms-client"))).hasValue("compact-id");
    }

    @Test
    void callId_sdpAttributeInTheBody_belongsToItsMessage() {
        String text = "SIP/2.0 488 Not Acceptable Here\r\nCall-ID: body-1\r\nContent-Type: application/sdp\r\n\r\n"
                + "v=0\r\na=x-ms-SDP-diagnostics:7008.2;reason=\"Error parsing SDP\"\r\n";
        assertThat(SipMessages.callId(text, text.indexOf("a=x-ms"))).hasValue("body-1");
        assertThat(SipMessages.callId(text, text.indexOf("x-ms-SDP"))).hasValue("body-1");
    }

    @Test
    void callId_chatAfterAMessage_isNotInIt() {
        String text = BYE + "\nsomeone wrote: ms-client-diagnostics: 23; reason=\"x\"\n";
        assertThat(SipMessages.callId(text, text.indexOf("ms-client-diagnostics: 23")))
                .isEmpty();
        String noBlank = BYE + "then in chat ms-client-diagnostics: 23\n";
        assertThat(SipMessages.callId(noBlank, noBlank.indexOf("ms-client-diagnostics: 23")))
                .isEmpty();
    }

    @Test
    void callId_aHeaderInTheBodyOfAnotherMessage_isNotItsMessage() {
        String text = BYE + "\nms-diagnostics: 1008;reason=\"x\"\n";
        assertThat(SipMessages.callId(text, text.indexOf("ms-diagnostics"))).isEmpty();
    }

    @Test
    void callId_noStartLine_isEmpty() {
        String text = "Call-ID: 1\nms-diagnostics: 1008;reason=\"x\"\n";
        assertThat(SipMessages.callId(text, text.indexOf("ms-diagnostics"))).isEmpty();
    }

    @Test
    void callId_aLongLineWithoutBreaks_isLookedAtOnlyInABoundedWindow() {
        String text = "x".repeat(SipMessages.MAX_CHARS * 3) + " ms-diagnostics: 1008";
        assertThat(SipMessages.callId(text, text.indexOf("ms-diagnostics"))).isEmpty();
    }

    /** Any text, any offset: never throws; a message's own diagnostic keeps its Call-ID when noise follows. */
    @RepeatedTest(200)
    void callId_randomTextAndOffsets_neverThrow(org.junit.jupiter.api.RepetitionInfo info) {
        Random rnd = new Random(info.getCurrentRepetition());
        String alphabet = "ab :\n\r\t=SIP/2.0 Call-ID1";
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(400);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        String noise = b.toString();
        for (int k = 0; k < 10; k++) {
            SipMessages.callId(noise, rnd.nextInt(noise.length() + 2) - 1);
        }
        String text = BYE + noise;
        assertThat(SipMessages.callId(text, text.indexOf("ms-client"))).hasValue("5d1a");
    }
}
