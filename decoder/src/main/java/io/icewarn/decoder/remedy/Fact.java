package io.icewarn.decoder.remedy;

import io.icewarn.decoder.model.Endpoint;
import io.icewarn.decoder.model.LookAlike;
import io.icewarn.decoder.model.MediaInfo;
import io.icewarn.decoder.model.PortRange;
import io.icewarn.decoder.model.QoeReport;
import io.icewarn.decoder.model.ServerDiagnostic;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.TeamsDiagnostic;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Observations derived from a diagnostic's data, which rules in {@code rules.json} refer to by name.
 * To add one: add a constant with its data-file name and predicate, then use the name in a rule.
 */
public enum Fact {
    BOTH_REMOTE("both-remote", s -> locations(s, 1, 1)),
    ONE_INTERNAL_ONE_REMOTE("one-internal-one-remote", s -> locations(s, 1, 2) || locations(s, 2, 1)),
    BOTH_INTERNAL("both-internal", s -> locations(s, 2, 2)),
    LOCATION_UNKNOWN(
            "location-unknown",
            s -> is(s.info().localLocation(), 0) || is(s.info().remoteLocation(), 0)),
    PORT_RANGE_TOO_NARROW(
            "port-range-too-narrow",
            s -> s.info().portRange().isPresent()
                    && s.media().isPresent()
                    && s.info().portRange().get().size() < s.media().get().minPorts()),
    PORT_RANGE_RESTRICTED(
            "port-range-restricted",
            s -> s.info().portRange().map(PortRange::size).orElse(Integer.MAX_VALUE) < Limits.UNRESTRICTED_PORTS),
    PRIVATE_HOST_PUBLIC_RELAY(
            "private-host-public-relay",
            s -> s.info().localSite().filter(Endpoint::isPrivateIpv4).isPresent()
                    && s.info().localMr().filter(Endpoint::isPublicIpv4).isPresent()),
    RELAY_EQUALS_HOST(
            "relay-equals-host",
            s -> sameHost(s.info().localMr(), s.info().localSite())
                    || sameHost(s.info().remoteMr(), s.info().remoteSite())),
    SAME_RELAY_BOTH_SIDES(
            "same-relay-both-sides", s -> sameHost(s.info().localMr(), s.info().remoteMr())),
    ADDRESSES_SCRUBBED(
            "addresses-scrubbed",
            s -> s.diagnostic().fields().entries().stream()
                    .anyMatch(f -> f.value().isBlank()
                            && Limits.ADDRESS_KEYS.stream().anyMatch(k -> k.equalsIgnoreCase(f.key())))),
    PROVISIONAL_RESPONSE("provisional-response", s -> statusIn(s, 100, 199)),
    CALL_SUCCEEDED(
            "call-succeeded",
            s -> !(s.diagnostic() instanceof TeamsDiagnostic) && statusIn(s, 200, 299)
                    || s.family()
                            .filter(f -> f.equals("call-succeeded") || f.equals("call-ended-normally"))
                            .isPresent()),
    /** A failure by its code (or a QoE report whose ICE failed), not answered by a 1xx or 2xx response. */
    CALL_FAILED(
            "call-failed",
            s -> !statusIn(s, 100, 299)
                    && (s.code()
                                    .map(c -> c.severity().equalsIgnoreCase("failure"))
                                    .orElse(s.diagnostic().code().isPresent() && !(s.diagnostic() instanceof LookAlike))
                            || qoeIce(s, "FAILED"))),
    /** A failed call of media that runs over TCP only (application sharing, file transfer: kind sharing). */
    TCP_ONLY_MEDIA_FAILED(
            "tcp-only-media-failed",
            s -> s.media().filter(m -> m.kind().equals("sharing")).isPresent() && Fact.CALL_FAILED.holds(s)),
    /** Every set bit is expected or informational, judged in context. */
    ONLY_BENIGN_FLAGS(
            "only-benign-flags",
            s -> s.iceWarn().filter(w -> w.value() != 0).isPresent()
                    && s.iceWarn().get().setBits().stream()
                            .allMatch(bit -> s.kb().flag(bit).isPresent()
                                    && s.judged(bit).benign())),
    ICE_WARN_ZERO("ice-warn-zero", s -> s.iceWarn().filter(w -> w.value() == 0).isPresent()),
    FEDERATED(
            "federated",
            s -> s.info().federationType().orElse(0) > 0
                    || s.family().filter(f -> f.startsWith("federated")).isPresent()),
    HAS_ICE_WARN_EX(
            "has-ice-warn-ex",
            s -> s.diagnostic().fields().nonEmpty("ICEWarnEx").isPresent()),
    UNKNOWN_CODE(
            "unknown-code",
            s -> !(s.diagnostic() instanceof TeamsDiagnostic)
                    && s.diagnostic().code().isPresent()
                    && s.code().isEmpty()),
    CODE_RANGE_KNOWN(
            "code-range-known",
            s -> s.diagnostic().code().isPresent()
                    && s.kb().range(
                                    s.diagnostic().header(),
                                    s.diagnostic().code().getAsInt())
                            .isPresent()),
    HAS_REASON(
            "has-reason", s -> s.diagnostic().reason().filter(r -> !r.isBlank()).isPresent()),
    HAS_SOURCE(
            "has-source",
            s -> s.diagnostic() instanceof ServerDiagnostic sd && sd.source().isPresent()),
    QOE_RELAY("qoe-relay", s -> qoeIce(s, "RELAY")),
    QOE_DIRECT("qoe-direct", s -> qoeIce(s, "DIRECT")),
    QOE_HTTP_PROXY("qoe-http-proxy", s -> qoeIce(s, "HTTP-PROXY")),
    QOE_FAILED("qoe-failed", s -> qoeIce(s, "FAILED")),
    /** A Teams Microsoft response code whose structure says the SBC sent the final response (560ZZZ). */
    SBC_FINAL_RESPONSE(
            "sbc-final-response", s -> origin(s).filter("sbc"::equals).isPresent()),
    /** A Teams Microsoft response code whose structure says a Microsoft module sent the final response. */
    MICROSOFT_FINAL_RESPONSE(
            "microsoft-final-response",
            s -> origin(s).filter("microsoft"::equals).isPresent()),
    /** A Teams Microsoft response code that no source lists. */
    TEAMS_CODE_UNDOCUMENTED(
            "teams-code-undocumented",
            s -> teamsCode(s).isPresent()
                    && s.kb().teams().rows(teamsCode(s).getAsInt()).isEmpty()),
    /** A Teams diagnostic with a SIP code but no Microsoft response code. */
    TEAMS_SIP_ONLY(
            "teams-sip-only",
            s -> s.diagnostic() instanceof TeamsDiagnostic t
                    && t.shape() != Shape.Q850_REASON
                    && t.microsoftCode().isEmpty()),
    /** A Q.850 reason whose text Teams wrote: a correlation ID, then its own reason. */
    Q850_TEAMS_TEXT(
            "q850-teams-text",
            s -> s.diagnostic() instanceof TeamsDiagnostic t
                    && t.shape() == Shape.Q850_REASON
                    && t.correlationId().isPresent());

    private final String id;
    private final Predicate<Situation> test;

    Fact(String id, Predicate<Situation> test) {
        this.id = id;
        this.test = test;
    }

    /** Returns the name rules use for this fact. */
    public String id() {
        return id;
    }

    /** Returns true when the fact holds for {@code situation}. */
    public boolean holds(Situation situation) {
        return test.test(situation);
    }

    /** Returns the fact named {@code id}, if there is one. */
    public static Optional<Fact> byId(String id) {
        for (Fact f : values()) {
            if (f.id.equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static boolean locations(Situation s, int local, int remote) {
        MediaInfo i = s.info();
        return is(i.localLocation(), local) && is(i.remoteLocation(), remote);
    }

    private static boolean is(OptionalInt v, int expected) {
        return v.isPresent() && v.getAsInt() == expected;
    }

    private static boolean statusIn(Situation s, int lo, int hi) {
        OptionalInt st = s.diagnostic().sipStatus();
        return st.isPresent() && st.getAsInt() >= lo && st.getAsInt() <= hi;
    }

    private static boolean sameHost(Optional<Endpoint> a, Optional<Endpoint> b) {
        return a.isPresent()
                && b.isPresent()
                && !a.get().host().isBlank()
                && a.get().host().equalsIgnoreCase(b.get().host());
    }

    /** Returns the Microsoft response code of a Teams diagnostic (not of a Q.850 reason), if pasted. */
    private static OptionalInt teamsCode(Situation s) {
        return s.diagnostic() instanceof TeamsDiagnostic t && t.shape() != Shape.Q850_REASON
                ? t.microsoftCode()
                : OptionalInt.empty();
    }

    /** Returns who produced the final response by the structure of the Microsoft response code, if it has one. */
    private static Optional<String> origin(Situation s) {
        OptionalInt code = teamsCode(s);
        return code.isPresent()
                ? s.kb().teams()
                        .structure()
                        .read(code.getAsInt())
                        .map(r -> r.documentedModule().origin())
                : Optional.empty();
    }

    private static boolean qoeIce(Situation s, String value) {
        return s.diagnostic() instanceof QoeReport q
                && q.ice().filter(v -> v.strip().equalsIgnoreCase(value)).isPresent();
    }

    /** Constants the predicates use; a holder because enum constants cannot see later static fields. */
    private static final class Limits {
        /** A range at least this wide counts as no restriction (1024–65535 is 64,512 ports; 1025:65000 is seen unenforced). */
        static final int UNRESTRICTED_PORTS = 58_000;

        static final java.util.List<String> ADDRESS_KEYS =
                java.util.List.of("LocalSite", "RemoteSite", "LocalMR", "RemoteMR");
    }
}
