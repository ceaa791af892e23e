package io.icewarn.decoder.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed views of the known media fields of a client diagnostic (domain reference §3.3). Every view is
 * empty when its field is absent, empty or malformed; the raw text stays in the diagnostic's
 * {@link Fields}.
 */
public record MediaInfo(
        Optional<IceWarn> iceWarn,
        Optional<IceWarn> iceWarnEx,
        Optional<PortRange> portRange,
        Optional<Endpoint> localSite,
        Optional<Endpoint> localMr,
        Optional<Endpoint> remoteSite,
        Optional<Endpoint> remoteMr,
        OptionalInt localMrTcpPort,
        OptionalInt remoteMrTcpPort,
        OptionalInt localLocation,
        OptionalInt remoteLocation,
        OptionalInt federationType) {

    private static final MediaInfo NONE = of(Fields.empty());

    /** Returns a media info with every view empty. */
    public static MediaInfo none() {
        return NONE;
    }

    /** Returns the typed views of {@code fields}; never throws. */
    public static MediaInfo of(Fields fields) {
        return new MediaInfo(
                fields.nonEmpty("ICEWarn").flatMap(IceWarn::parse),
                fields.nonEmpty("ICEWarnEx").flatMap(IceWarn::parse),
                fields.nonEmpty("PortRange").flatMap(PortRange::parse),
                fields.nonEmpty("LocalSite").flatMap(Endpoint::parse),
                fields.nonEmpty("LocalMR").flatMap(Endpoint::parse),
                fields.nonEmpty("RemoteSite").flatMap(Endpoint::parse),
                fields.nonEmpty("RemoteMR").flatMap(Endpoint::parse),
                smallInt(fields, "LocalMRTCPPort"),
                smallInt(fields, "RemoteMRTCPPort"),
                smallInt(fields, "LocalLocation"),
                smallInt(fields, "RemoteLocation"),
                smallInt(fields, "FederationType"));
    }

    private static OptionalInt smallInt(Fields fields, String key) {
        Optional<String> v = fields.nonEmpty(key);
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        String s = v.get();
        if (s.length() > 9) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Integer.parseInt(s));
    }
}
