package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.Fields;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.QoeReport;
import io.icewarn.decoder.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** The mutable state of one scan: output, problems, SIP context and a pending group of QoE elements. */
final class ScanState {
    /** QoE elements further apart than this belong to different reports. */
    static final int QOE_GROUP_GAP = 400;

    private Source source;
    /** Receives each diagnostic instead of {@link #diagnostics()} when set (streaming). */
    private final Consumer<Diagnostic> sink;

    private int count;
    private final Problems problems;
    private final SipContext sip = new SipContext();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final int maxDiagnostics;
    private boolean full;

    private int groupStart = -1;
    private int groupEnd;
    private final List<Field> groupFields = new ArrayList<>();

    ScanState(Source source, int maxProblems, int maxDiagnostics) {
        this(source, maxProblems, maxDiagnostics, null);
    }

    ScanState(Source source, int maxProblems, int maxDiagnostics, Consumer<Diagnostic> sink) {
        this.source = source;
        this.problems = new Problems(maxProblems);
        this.maxDiagnostics = maxDiagnostics;
        this.sink = sink;
    }

    /**
     * Moves the scan to the next window of a stream; offsets stay absolute. The SIP lines noted in the
     * window it leaves must have been settled while that window's text was still there.
     */
    void window(Source next) {
        this.source = next;
    }

    /** Returns the SIP status of the message carrying a diagnostic written at {@code at}, the scan's position. */
    OptionalInt sipStatus(int at) {
        return sip.status(source, at);
    }

    Source source() {
        return source;
    }

    Problems problems() {
        return problems;
    }

    SipContext sip() {
        return sip;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Returns true once the diagnostic cap was reached; the scan stops then. */
    boolean full() {
        return full;
    }

    void emit(Diagnostic d) {
        flushQoe();
        add(d);
    }

    private void add(Diagnostic d) {
        if (count >= maxDiagnostics) {
            if (!full) {
                problems.add(
                        d.span().start(),
                        "More than " + maxDiagnostics + " diagnostics; the rest of the text was not read.");
            }
            full = true;
            return;
        }
        count++;
        if (sink != null) {
            sink.accept(d);
        } else {
            diagnostics.add(d);
        }
    }

    /** Adds a standalone QoE element to the pending report, starting a new report when it cannot belong to it. */
    void qoeElement(String name, String value, int start, int end) {
        if (groupStart >= 0 && (start - groupEnd > QOE_GROUP_GAP || groupHas(name))) {
            flushQoe();
        }
        if (groupStart < 0) {
            groupStart = start;
        }
        groupEnd = end;
        groupFields.add(new Field(name, value));
    }

    private boolean groupHas(String name) {
        for (Field f : groupFields) {
            if (f.key().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Emits the pending QoE report, if any. */
    void flushQoe() {
        if (groupStart < 0) {
            return;
        }
        Fields fields = Fields.of(groupFields);
        QoeReport report = QoeReader.report(new Span(groupStart, groupEnd), fields, problems);
        groupStart = -1;
        groupFields.clear();
        add(report);
    }

    static Optional<IceWarn> parseFlags(Optional<String> raw, int offset, Problems problems) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<IceWarn> v = IceWarn.parse(raw.get());
        if (v.isEmpty()) {
            problems.add(
                    offset, "IceWarningFlags \"" + MediaEntries.abbreviate(raw.get()) + "\" is not a 32-bit number.");
        }
        return v;
    }
}
