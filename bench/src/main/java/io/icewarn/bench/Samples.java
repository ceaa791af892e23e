package io.icewarn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** The inputs the benchmarks decode: the six sample pastes and synthetic client logs. */
public final class Samples {
    /** The six sample pastes of the decoder's corpus, by their two-digit prefix. */
    public static final String[] PASTES = {
        "01-seed-blog-0x320.txt",
        "02-kb-23-0x4000320.txt",
        "03-mediachanblob-22.txt",
        "04-server-ms-diagnostics.txt",
        "05-discord-codeblock-audio.txt",
        "06-no-diagnostic.txt"
    };

    /** Two Teams Direct Routing pastes of the decoder's Teams corpus, by their prefix {@code t} and number. */
    public static final String[] TEAMS_PASTES = {"03-admin-center-detail-lines.txt", "11-403-forbidden-lbr-q850.txt"};

    private Samples() {}

    /**
     * Returns the sample paste whose file name starts with {@code prefix} ({@code 01} … {@code 06}), or
     * with a {@code t} first, the Teams paste whose name starts with the rest ({@code t03}, {@code t11}).
     */
    public static String paste(String prefix) {
        boolean teams = prefix.startsWith("t");
        String number = teams ? prefix.substring(1) : prefix;
        for (String name : teams ? TEAMS_PASTES : PASTES) {
            if (name.startsWith(number)) {
                String folder = teams ? "teams-corpus/" : "corpus/";
                try (InputStream in = Samples.class.getResourceAsStream(folder + name)) {
                    if (in == null) {
                        throw new IllegalStateException("missing sample " + name);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalArgumentException("no sample " + prefix);
    }

    /**
     * Returns a synthetic Lync / Skype for Business client log of about {@code bytes} bytes (ASCII):
     * timestamped trace lines, SIP messages with SDP, .uccapilog-style lines and XML, and
     * {@code diagnostics} client and server diagnostics spread evenly. Same seed, same log.
     */
    public static String log(int bytes, int diagnostics) {
        Random rnd = new Random(42);
        StringBuilder sb = new StringBuilder(bytes + 4096);
        int every = diagnostics > 0 ? Math.max(1, bytes / (diagnostics + 1)) : Integer.MAX_VALUE;
        int nextDiagnostic = every;
        int seq = 0;
        int emitted = 0;
        while (sb.length() < bytes) {
            if (sb.length() >= nextDiagnostic && emitted < diagnostics) {
                sb.append(emitted % 2 == 0 ? CLIENT_DIAGNOSTIC : SERVER_DIAGNOSTIC);
                emitted++;
                nextDiagnostic += every;
                continue;
            }
            seq++;
            String ts = String.format("03/12/2024|10:%02d:%02d.%03d", seq / 60000 % 60, seq / 1000 % 60, seq % 1000);
            switch (rnd.nextInt(6)) {
                case 0:
                    sb.append(ts)
                            .append(" 1F3C:2A10 INFO  :: Sending Packet - 10.0.0.5:50123 (From Local Address: ")
                            .append("10.0.0.9:")
                            .append(49152 + rnd.nextInt(16000))
                            .append(") 1402 bytes:\n");
                    sipMessage(sb, rnd, seq);
                    break;
                case 1:
                    sb.append("TL_VERBOSE(TF_COMPONENT) [0]1F3C.2A10::")
                            .append(ts)
                            .append(".0000ab")
                            .append(Integer.toHexString(seq & 0xff))
                            .append(" (MediaManager,CMediaFlowImpl::OnStateChanged:1234) flow state changed to ")
                            .append(rnd.nextInt(8))
                            .append(", hr=0x00000000\n");
                    break;
                case 2:
                    sb.append(ts)
                            .append(" 1F3C:2A10 INFO  :: <conversation id=\"")
                            .append(Long.toHexString(rnd.nextLong()))
                            .append("\"><participant uri=\"sip:alice@contoso.com\" role=\"organizer\"/>")
                            .append("<mediaState audio=\"connected\" port=\"")
                            .append(50000 + rnd.nextInt(40))
                            .append("\"/></conversation>\n");
                    break;
                case 3:
                    sb.append("TL_INFO(TF_PROTOCOL) [0]1F3C.2A10::")
                            .append(ts)
                            .append(" (SIPAdminLog,CSIPAsyncSocket::ProcessRecv:456) Data Received - 52.112.")
                            .append(rnd.nextInt(256))
                            .append(".")
                            .append(rnd.nextInt(256))
                            .append(":443 -> 10.0.0.9:")
                            .append(49152 + rnd.nextInt(16000))
                            .append(", ms-conversation-id=AdN")
                            .append(Long.toHexString(rnd.nextLong()))
                            .append("\n");
                    break;
                case 4:
                    sb.append(ts)
                            .append(" 1F3C:2A10 INFO  :: UCCAPI ConversationManager: call ")
                            .append(Long.toHexString(rnd.nextLong()))
                            .append(" state=Connected duration=")
                            .append(rnd.nextInt(3600))
                            .append("s reason=none\n");
                    break;
                default:
                    sb.append(ts)
                            .append(" 1F3C:2A10 INFO  :: a=candidate:1 1 UDP 2130706431 10.0.0.9 ")
                            .append(50000 + rnd.nextInt(40))
                            .append(" typ host\n");
                    break;
            }
        }
        return sb.toString();
    }

    private static void sipMessage(StringBuilder sb, Random rnd, int seq) {
        boolean response = rnd.nextBoolean();
        sb.append(response ? "SIP/2.0 200 OK\n" : "INVITE sip:bob@contoso.com SIP/2.0\n")
                .append("Via: SIP/2.0/TLS 10.0.0.9:")
                .append(49152 + rnd.nextInt(16000))
                .append(";branch=z9hG4bK")
                .append(Integer.toHexString(seq))
                .append(";ms-received-port=")
                .append(49152 + rnd.nextInt(16000))
                .append(";ms-received-cid=")
                .append(Integer.toHexString(rnd.nextInt()))
                .append("\n")
                .append("From: <sip:alice@contoso.com>;tag=")
                .append(Integer.toHexString(rnd.nextInt()))
                .append(";epid=")
                .append(Long.toHexString(rnd.nextLong()))
                .append("\n")
                .append("To: <sip:bob@contoso.com>\n")
                .append("Call-ID: ")
                .append(Long.toHexString(rnd.nextLong()))
                .append("\n")
                .append("CSeq: 1 INVITE\n")
                .append("Contact: <sip:alice@contoso.com;opaque=user:epid:")
                .append(Integer.toHexString(rnd.nextInt()))
                .append(";gruu>\n")
                .append("User-Agent: UCCAPI/16.0.5435.1000 OC/16.0.5435.1000 (Skype for Business)\n")
                .append("ms-endpoint-location-data: NetworkScope;ms-media-location-type=Intranet\n")
                .append("Ms-Conversation-ID: AdN")
                .append(Long.toHexString(rnd.nextLong()))
                .append("\n")
                .append("Content-Type: application/sdp\n")
                .append("Content-Length: 1402\n\n")
                .append("v=0\no=- 0 0 IN IP4 10.0.0.9\ns=session\nc=IN IP4 10.0.0.9\nt=0 0\n")
                .append("m=audio 50010 RTP/SAVP 104 9 111 0 8 101\n")
                .append("a=x-ms-rtcp-omit:default\n")
                .append("a=candidate:1 1 UDP 2130706431 10.0.0.9 50010 typ host\n")
                .append("a=rtpmap:104 SILK/16000\n\n");
    }

    private static final String CLIENT_DIAGNOSTIC = "03/12/2024|10:15:32.123 1F3C:2A10 INFO  :: Sending Packet:\n"
            + "BYE sip:bob@contoso.com;gruu SIP/2.0\n"
            + "ms-client-diagnostics: 52094; reason=\"Call failed to establish due to a media connectivity"
            + " failure when one endpoint is internal and the other is remote\";"
            + "CallerMediaDebug=\"audio:ICEWarn=0x4000320,LocalSite=10.0.0.9:50010,RemoteSite=,"
            + "PortRange=50000:50039,LocalMRTCPPort=50010,LocalLocation=2,RemoteLocation=1,FederationType=0\"\n\n";

    private static final String SERVER_DIAGNOSTIC = "03/12/2024|10:15:33.456 1F3C:2A10 INFO  :: Data Received:\n"
            + "SIP/2.0 504 Server time-out\n"
            + "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\";"
            + "source=\"sip.contoso.com\"\n\n";
}
