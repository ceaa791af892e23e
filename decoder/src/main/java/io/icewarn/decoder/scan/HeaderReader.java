package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Fields;
import io.icewarn.decoder.model.LookAlike;
import io.icewarn.decoder.model.ServerDiagnostic;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.Span;
import java.util.OptionalInt;

/** Reads a header diagnostic: {@code <name>: <id>[.<sub>]} followed by {@code ;key=value} parameters. */
final class HeaderReader {
    /** The header families the scanner reads. */
    enum Kind {
        CLIENT,
        SERVER,
        SERVER_PUBLIC,
        SDP,
        LOOK_ALIKE
    }

    private HeaderReader() {}

    static Read read(ScanState st, Kind kind, int at, int codeStart) {
        Source s = st.source();
        int p = s.digitsEnd(codeStart, Anchor.MAX_CODE_DIGITS);
        String digits = s.digits(codeStart, p);
        if (digits.length() > Anchor.MAX_CODE_DIGITS) {
            st.problems().add(codeStart, "The ID after this header is too long to be a diagnostic ID.");
            return Read.skip(p);
        }
        int code = Integer.parseInt(digits);
        OptionalInt sub = OptionalInt.empty();
        int dot = s.afterWrap(p);
        if (kind == Kind.SDP && s.at(dot) == '.' && Source.isDigit(s.at(s.afterWrap(dot + 1)))) {
            int subStart = s.afterWrap(dot + 1);
            int q = s.digitsEnd(subStart, Anchor.MAX_CODE_DIGITS - 1);
            sub = OptionalInt.of(Integer.parseInt(s.digits(subStart, q)));
            p = q;
        }
        ParamReader.Result r = ParamReader.read(s, p, true, st.problems());
        int end = Math.max(p, r.end());
        Span span = new Span(at, end);
        Diagnostic d;
        switch (kind) {
            case CLIENT:
                d = ClientParams.build(span, null, OptionalInt.of(code), r.params(), st.sipStatus(at), st.problems());
                break;
            case LOOK_ALIKE:
                d = new LookAlike(
                        span,
                        "x-ms-diagnostics",
                        OptionalInt.of(code),
                        ClientParams.reason(r.params()),
                        Fields.of(ClientParams.plainFields(r.params())));
                break;
            default:
                Shape shape =
                        kind == Kind.SDP ? Shape.SDP : kind == Kind.SERVER_PUBLIC ? Shape.SERVER_PUBLIC : Shape.SERVER;
                d = new ServerDiagnostic(
                        span,
                        shape,
                        code,
                        sub,
                        ClientParams.reason(r.params()),
                        Fields.of(ClientParams.plainFields(r.params())),
                        st.sipStatus(at));
                break;
        }
        return Read.of(d, end);
    }
}
