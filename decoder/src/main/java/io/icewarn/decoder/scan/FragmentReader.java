package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.Span;
import java.util.List;
import java.util.OptionalInt;

/** Reads the client forms that come without a header: the Monitoring report form and a bare MediaDebug. */
final class FragmentReader {
    private FragmentReader() {}

    /**
     * Reads {@code 25; reason="…"; UserType="Callee"; …}; returns {@link Read#NOTHING} unless a client media
     * parameter follows, so that chat such as {@code 24; reason=unknown} is not a diagnostic.
     */
    static Read readReport(ScanState st, int at) {
        Source s = st.source();
        int p = s.digitsEnd(at, Anchor.MAX_CODE_DIGITS);
        int code = Integer.parseInt(s.digits(at, p));
        Problems trial = new Problems(DiagnosticScanner.MAX_PROBLEMS);
        ParamReader.Result r = ParamReader.read(s, p, true, trial);
        if (!ClientParams.hasMediaParam(r.params())) {
            return Read.NOTHING;
        }
        for (var problem : trial.list()) {
            st.problems().add(problem.offset(), problem.message());
        }
        int end = Math.max(p, r.end());
        return Read.of(
                ClientParams.build(
                        new Span(at, end),
                        Shape.MONITORING_REPORT,
                        OptionalInt.of(code),
                        r.params(),
                        st.sipStatus(at),
                        st.problems()),
                end);
    }

    /** Reads {@code CallerMediaDebug="audio:…"} written on its own; {@code valueStart} is just after the {@code =}. */
    static Read readBareMediaDebug(ScanState st, int at, int valueStart) {
        Source s = st.source();
        String key = s.joined(at, valueStart - 1).strip();
        int p = s.skipSpaceOrWrap(valueStart, 8);
        Value value = ValueReader.read(s, p, false, st.problems());
        int end = Math.max(p, value.end());
        return Read.of(
                ClientParams.build(
                        new Span(at, end),
                        Shape.BARE_MEDIA_DEBUG,
                        OptionalInt.empty(),
                        List.of(new Param(key, at, value)),
                        st.sipStatus(at),
                        st.problems()),
                end);
    }
}
