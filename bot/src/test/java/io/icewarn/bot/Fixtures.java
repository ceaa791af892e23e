package io.icewarn.bot;

import io.icewarn.decoder.ChecklistItem;
import io.icewarn.decoder.CodeExplanation;
import io.icewarn.decoder.Confidence;
import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.FieldExplanation;
import io.icewarn.decoder.FlagMeaning;
import io.icewarn.decoder.FlagMeaning.Expectation;
import io.icewarn.decoder.IceWarnExplanation;
import io.icewarn.decoder.Severity;
import io.icewarn.decoder.SourceRef;
import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.Fields;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.MediaInfo;
import io.icewarn.decoder.model.Problem;
import io.icewarn.decoder.model.ServerDiagnostic;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.Side;
import io.icewarn.decoder.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Decode results built by hand, shaped like the decoder's output for the shared sample pastes. */
public final class Fixtures {
    /** Sample 01: the seed blog paste (ms-client-diagnostics 24, ICEWarn 0x320). */
    public static final String SEED_24 = "Looking at the reports showed this error\n\n"
            + "ms-client-diagnostics: 24; reason=\"Call failed to establish due to a media connectivity failure"
            + " when both endpoints are remote\";CallerMediaDebug=\"application-sharing:ICEWarn=0x320,,,RemoteSite=,"
            + "PortRange=50040:50049,LocalMRTCPPort=57498,LocalLocation=1,RemoteLocation=1,FederationType=0\"\n"
            + "This usually is down to port configuration settings on your network";

    /** Sample 04: two server diagnostics. */
    public static final String SERVER_1008 = "SIP/2.0 504 Server time-out\n"
            + "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\";source=\"sip.contoso.com\"\n"
            + "ms-diagnostics-public: 4141;reason=\"User disabled\"";

    private Fixtures() {}

    /** Returns a source lookup that knows S4 and S40 only. */
    public static Optional<SourceRef> source(String key) {
        switch (key) {
            case "S4":
                return Optional.of(new SourceRef("S4", "Paresh J: desktop sharing fails", "https://example.org/s4"));
            case "S40":
                return Optional.of(
                        new SourceRef("S40", "Lync Server 2010 Resource Kit, ch. 9", "https://example.org/s40"));
            default:
                return Optional.empty();
        }
    }

    /** Returns the decode of {@link #SEED_24}. */
    public static DecodeResult seed24() {
        int start = SEED_24.indexOf("ms-client-diagnostics");
        int end = SEED_24.indexOf("FederationType=0\"") + "FederationType=0\"".length();
        List<Field> raw = List.of(
                new Field("ICEWarn", "0x320"),
                new Field("RemoteSite", ""),
                new Field("PortRange", "50040:50049"),
                new Field("LocalMRTCPPort", "57498"),
                new Field("LocalLocation", "1"),
                new Field("RemoteLocation", "1"),
                new Field("FederationType", "0"));
        Fields fields = Fields.of(raw);
        ClientDiagnostic d = new ClientDiagnostic(
                new Span(start, end),
                Shape.CLIENT_MEDIA_DEBUG,
                OptionalInt.of(24),
                Optional.of(
                        "Call failed to establish due to a media connectivity failure when both endpoints are remote"),
                Optional.of(Side.CALLER),
                Optional.of("application-sharing"),
                fields,
                MediaInfo.of(fields),
                OptionalInt.empty());
        IceWarnExplanation ice = new IceWarnExplanation(
                IceWarn.parse("0x320").orElseThrow(),
                List.of(
                        new FlagMeaning(
                                0x20,
                                "Local connectivity failed",
                                Expectation.MAY_OCCUR,
                                "Common behind NAT.",
                                List.of("S40"),
                                Confidence.RESOURCE_KIT),
                        new FlagMeaning(
                                0x100,
                                "TCP NAT connectivity failed",
                                Expectation.EXPECTED,
                                "",
                                List.of("S40"),
                                Confidence.RESOURCE_KIT),
                        new FlagMeaning(
                                0x200,
                                "TCP TURN server connectivity failed",
                                Expectation.EXPECTED,
                                "",
                                List.of("S40"),
                                Confidence.RESOURCE_KIT)),
                List.of(),
                Optional.empty());
        List<FieldExplanation> explained = new ArrayList<>();
        for (Field f : raw) {
            Optional<String> words =
                    f.key().endsWith("Location") ? Optional.of("remote (outside, via Edge)") : Optional.empty();
            Confidence c = f.key().endsWith("Location") ? Confidence.INFERRED : Confidence.OBSERVED;
            explained.add(
                    new FieldExplanation(f.key(), f.value(), true, "meaning of " + f.key(), words, List.of("S40"), c));
        }
        CodeExplanation code = new CodeExplanation(
                "ms-client-diagnostics",
                24,
                true,
                Optional.of(
                        "Call failed to establish due to a media connectivity failure when both endpoints are remote"),
                "Both parties are outside the network.",
                Optional.of("media"),
                Optional.of("both-remote"),
                Severity.FAILURE,
                List.of("S4"),
                Confidence.OBSERVED);
        DecodedDiagnostic dd = new DecodedDiagnostic(
                d,
                Severity.FAILURE,
                "Both endpoints are remote and media could not be relayed through the A/V Edge.",
                Optional.of(code),
                Optional.of(ice),
                explained,
                List.of(
                        new ChecklistItem(
                                "edge-tcp-443",
                                "Check that TCP 443 reaches the A/V Edge from the Internet.",
                                List.of("S4", "S40"),
                                Confidence.OBSERVED),
                        new ChecklistItem(
                                "edge-hairpin",
                                "Check that the Edge can reach its own public address.",
                                List.of("S99"),
                                Confidence.INFERRED)),
                List.of("Addresses were scrubbed from the paste."));
        return new DecodeResult(List.of(dd), List.of());
    }

    /** Returns the decode of {@link #SERVER_1008}: a failure and an informational public diagnostic. */
    public static DecodeResult server1008() {
        int s1 = SERVER_1008.indexOf("ms-diagnostics: 1008");
        int e1 = SERVER_1008.indexOf('\n', s1);
        int s2 = SERVER_1008.indexOf("ms-diagnostics-public");
        ServerDiagnostic info = new ServerDiagnostic(
                new Span(s2, SERVER_1008.length()),
                Shape.SERVER_PUBLIC,
                4141,
                OptionalInt.empty(),
                Optional.of("User disabled"),
                Fields.empty(),
                OptionalInt.of(504));
        ServerDiagnostic fail = new ServerDiagnostic(
                new Span(s1, e1),
                Shape.SERVER,
                1008,
                OptionalInt.empty(),
                Optional.of("Unable to resolve DNS SRV record"),
                Fields.of(List.of(new Field("source", "sip.contoso.com"))),
                OptionalInt.of(504));
        DecodedDiagnostic a = new DecodedDiagnostic(
                info,
                Severity.WARNING,
                "The user is disabled for Lync.",
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of());
        DecodedDiagnostic b = new DecodedDiagnostic(
                fail,
                Severity.FAILURE,
                "DNS SRV lookup failed on sip.contoso.com (10.1.2.3).",
                Optional.empty(),
                Optional.empty(),
                List.of(new FieldExplanation(
                        "source",
                        "sip.contoso.com",
                        true,
                        "server FQDN",
                        Optional.empty(),
                        List.of(),
                        Confidence.SPEC)),
                List.of(new ChecklistItem(
                        "dns-srv", "Check the _sipfederationtls._tcp SRV record.", List.of("S4"), Confidence.SPEC)),
                List.of());
        // listed in order of appearance, as the decoder does: the failure comes first in the text
        return new DecodeResult(List.of(b, a), List.of(new Problem(3, "SIP status line without a diagnostic")));
    }

    /** Returns an empty decode. */
    public static DecodeResult nothing() {
        return new DecodeResult(List.of(), List.of());
    }
}
