package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.Fields;
import io.icewarn.decoder.model.MediaInfo;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.Side;
import io.icewarn.decoder.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns the parameters of a client diagnostic into its shape, side, media and flattened fields:
 * MediaDebug and MediaChanBlob values are expanded in place, the first {@code reason} is taken out.
 */
final class ClientParams {
    /** Parameter names that only client media diagnostics carry; one of them makes a report form. */
    private static final Set<String> MEDIA_KEYS = Set.of(
            "usertype",
            "mediatype",
            "icewarn",
            "icewarnex",
            "callermediadebug",
            "calleemediadebug",
            "mediachanblob",
            "localsite",
            "localmr",
            "remotesite",
            "remotemr",
            "portrange",
            "localmrtcpport",
            "remotemrtcpport",
            "locallocation",
            "remotelocation",
            "federationtype",
            "networkname",
            "interfaces",
            "baseinterface",
            "baseaddress",
            "mrdnsu",
            "mrresu");

    private ClientParams() {}

    /** Returns true when one of {@code params} is a client media parameter. */
    static boolean hasMediaParam(List<Param> params) {
        for (Param p : params) {
            if (MEDIA_KEYS.contains(p.key().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Returns the reason: the first {@code reason} parameter, stripped, when not empty. */
    static Optional<String> reason(List<Param> params) {
        for (Param p : params) {
            if (p.is("reason")) {
                String r = p.value().text().strip();
                return r.isEmpty() ? Optional.empty() : Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Returns every parameter but the first {@code reason} as raw fields, in order. */
    static List<Field> plainFields(List<Param> params) {
        List<Field> fields = new ArrayList<>();
        boolean reasonSeen = false;
        for (Param p : params) {
            if (!reasonSeen && p.is("reason")) {
                reasonSeen = true;
                continue;
            }
            fields.add(new Field(p.key(), p.value().text()));
        }
        return fields;
    }

    /**
     * Returns the client diagnostic made of {@code params}; {@code fixedShape} is used when not null,
     * otherwise the shape follows from the parameters (MediaDebug, MediaChanBlob or plain).
     */
    static ClientDiagnostic build(
            Span span,
            Shape fixedShape,
            OptionalInt code,
            List<Param> params,
            OptionalInt sipStatus,
            Problems problems) {
        List<Field> fields = new ArrayList<>();
        Optional<Side> mediaDebugSide = Optional.empty();
        Optional<String> mediaDebugMedia = Optional.empty();
        Optional<Side> userType = Optional.empty();
        Optional<String> mediaType = Optional.empty();
        boolean hasMediaDebug = false;
        boolean hasBlob = false;
        boolean reasonSeen = false;
        for (Param p : params) {
            if (!reasonSeen && p.is("reason")) {
                reasonSeen = true;
            } else if (p.is("CallerMediaDebug") || p.is("CalleeMediaDebug")) {
                MediaEntries.Result r = MediaEntries.mediaDebug(p.value(), problems);
                if (!hasMediaDebug) {
                    mediaDebugSide = Optional.of(p.is("CallerMediaDebug") ? Side.CALLER : Side.CALLEE);
                    mediaDebugMedia = r.media();
                }
                hasMediaDebug = true;
                fields.addAll(r.entries());
            } else if (p.is("MediaChanBlob")) {
                hasBlob = true;
                fields.addAll(MediaEntries.blob(p.value(), problems).entries());
            } else {
                fields.add(new Field(p.key(), p.value().text()));
                if (p.is("UserType") && userType.isEmpty()) {
                    userType = Side.parse(p.value().text());
                } else if (p.is("MediaType") && mediaType.isEmpty()) {
                    String m = p.value().text().strip();
                    mediaType = m.isEmpty() ? Optional.empty() : Optional.of(m);
                }
            }
        }
        Shape shape = fixedShape != null
                ? fixedShape
                : hasMediaDebug
                        ? Shape.CLIENT_MEDIA_DEBUG
                        : hasBlob ? Shape.CLIENT_MEDIA_CHAN_BLOB : Shape.CLIENT_PLAIN;
        Fields all = Fields.of(fields);
        return new ClientDiagnostic(
                span,
                shape,
                code,
                reason(params),
                mediaDebugSide.isPresent() ? mediaDebugSide : userType,
                mediaDebugMedia.isPresent() ? mediaDebugMedia : mediaType,
                all,
                MediaInfo.of(all),
                sipStatus);
    }
}
