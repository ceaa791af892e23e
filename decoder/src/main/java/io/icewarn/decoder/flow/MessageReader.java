package io.icewarn.decoder.flow;

import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Span;
import io.icewarn.decoder.scan.DiagnosticScanner;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the SIP messages of one input, line by line, and passes each to a sink as soon as it ends. Knows
 * three ways a message is written: framed by a {@code .uccapilog} packet ({@code Sending Packet} /
 * {@code Data Received} … {@code End of …}), framed by a server trace record ({@code $$begin_record} …
 * {@code $$end_record}, with {@code Direction}, {@code Peer} and {@code Start-Line}), or pasted on its own
 * (a start line, headers, a blank line, perhaps a body). Headers folded over lines or wrapped at a column
 * are joined. Each message's text (up to {@link FlowReader#MAX_MESSAGE_CHARS}) is searched for diagnostics
 * with the decoder's scanner, so a diagnostic is attached to the message whose span holds it. Holds at
 * most one message's text; never throws for any line. Not thread-safe.
 */
final class MessageReader {
    /** A line at least this long that is followed by one that is not a header was most likely wrapped at a column. */
    static final int WRAP_MIN_CHARS = 60;

    /** A timestamp line gives its time to a start line at most this many lines below it. */
    private static final int TIME_REACH_LINES = 3;

    private enum Frame {
        NONE,
        PACKET,
        RECORD
    }

    private final int input;
    private final Consumer<Draft> sink;
    private final Function<Diagnostic, DecodedDiagnostic> explain;
    private final Problems problems;
    private final FlowReader.Sequence sequence;

    /** A {@code .uccapilog} frame waiting for its start line on the next log line. */
    private SipLines.PacketFrame packet;

    private Optional<LocalDateTime> packetTime = Optional.empty();
    private int packetOffset;

    /** Whether a server trace record is open, and what its head said so far. */
    private boolean inRecord;

    private int recordOffset;
    private Optional<LocalDateTime> recordTime = Optional.empty();
    private Direction recordDirection = Direction.UNKNOWN;
    private String recordPeer = "";

    /** The text of the lines before a framed message's start line (frame line, record head), kept for its span. */
    private final StringBuilder head = new StringBuilder();

    private boolean headComplete = true;

    private Optional<LocalDateTime> pendingTime = Optional.empty();
    private int pendingTimeLines;

    private Building current;

    MessageReader(
            int input,
            Consumer<Draft> sink,
            Function<Diagnostic, DecodedDiagnostic> explain,
            Problems problems,
            FlowReader.Sequence sequence) {
        this.input = input;
        this.sink = sink;
        this.explain = explain;
        this.problems = problems;
        this.sequence = sequence;
    }

    /**
     * Reads one line.
     *
     * @param raw the line without its break, perhaps cut to {@link FlowReader#MAX_LINE_CHARS}
     * @param offset where the line starts in the input
     * @param length the line's length without its break, as written (more than {@code raw}'s when it was cut)
     * @param lineBreak the line break that followed it as written ({@code ""} at the end of the input)
     */
    void line(String raw, int offset, int length, String lineBreak) {
        boolean cut = length > raw.length();
        if (cut) {
            problems.add(input, offset, "A line longer than " + FlowReader.MAX_LINE_CHARS + " characters was cut.");
        }
        int end = offset + length + lineBreak.length();
        if (pendingTimeLines > 0 && --pendingTimeLines == 0) {
            pendingTime = Optional.empty();
        }
        int q = SipLines.skipQuote(raw);
        String unquoted = raw.substring(q); // a log quoted in chat (> ) reads as the log
        SipLines.LogPrefix prefix = SipLines.uccapiPrefix(unquoted);
        if (prefix != null) {
            logLine(raw, unquoted, prefix, offset, lineBreak, cut, end);
            return;
        }
        if (raw.contains("$$begin_record")) {
            finish();
            packet = null;
            inRecord = true;
            recordOffset = offset;
            recordTime = SipLines.recordTime(raw);
            recordDirection = Direction.UNKNOWN;
            recordPeer = "";
            startHead(raw, lineBreak, cut);
            return;
        }
        if (inRecord) {
            recordLine(raw, unquoted, offset, lineBreak, cut, end);
            return;
        }
        String content = unquoted;
        if (content.startsWith("```")) {
            finishUnframed();
            return;
        }
        SipLines.StartLine start = SipLines.startLine(content.stripTrailing());
        if (start != null) {
            finish(); // also a framed message whose end marker is missing
            if (packet != null) {
                begin(
                        start,
                        packetOffset,
                        packetTime,
                        packet.direction(),
                        packet.local(),
                        packet.remote(),
                        Frame.PACKET);
                current.appendHead(head, headComplete);
                packet = null;
            } else {
                Optional<LocalDateTime> time = pendingTime;
                begin(start, offset, time, Direction.UNKNOWN, "", "", Frame.NONE);
            }
            pendingTime = Optional.empty();
            current.append(raw, lineBreak, cut, end);
            current.lastLineChars = raw.length();
            return;
        }
        String bad = SipLines.badStatusLine(content);
        if (bad != null) {
            problems.add(input, offset, bad);
        }
        if (current == null) {
            if (packet != null) {
                appendHead(raw, lineBreak, cut); // keeps the frame's text next to its start line
            }
            idleLine(content, offset);
            return;
        }
        messageLine(raw, content, offset, lineBreak, cut, end);
    }

    /** Reads a line that has a {@code .uccapilog} prefix. */
    private void logLine(
            String raw,
            String unquoted,
            SipLines.LogPrefix prefix,
            int offset,
            String lineBreak,
            boolean cut,
            int end) {
        String content = unquoted.substring(prefix.contentStart());
        if (SipLines.packetEnd(content)) {
            if (current != null && current.frame == Frame.PACKET) {
                current.append(raw, lineBreak, cut, end);
                current.closed = true;
            }
            finish();
            packet = null;
            return;
        }
        SipLines.PacketFrame frame = SipLines.packetFrame(content);
        if (frame != null) {
            finish();
            inRecord = false;
            packet = frame;
            packetTime = prefix.time();
            packetOffset = offset;
            startHead(raw, lineBreak, cut);
            return;
        }
        SipLines.StartLine start = SipLines.startLine(content.stripTrailing());
        finish();
        if (start != null) {
            if (packet != null) {
                begin(
                        start,
                        packetOffset,
                        packetTime,
                        packet.direction(),
                        packet.local(),
                        packet.remote(),
                        Frame.PACKET);
                current.appendHead(head, headComplete);
            } else {
                begin(start, offset, prefix.time(), Direction.UNKNOWN, "", "", Frame.PACKET);
            }
            current.append(raw, lineBreak, cut, end);
            current.lastLineChars = content.length();
        }
        packet = null;
    }

    /** Reads a line inside a server trace record. */
    private void recordLine(String raw, String line, int offset, String lineBreak, boolean cut, int end) {
        if (line.startsWith("$$end_record")) {
            if (current != null) {
                current.append(raw, lineBreak, cut, end);
                current.closed = true;
            }
            finish();
            inRecord = false;
            return;
        }
        if (current == null) {
            int colon = SipLines.headerColon(line);
            if (colon < 0) {
                appendHead(raw, lineBreak, cut);
                return;
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Start-Line")) {
                SipLines.StartLine start = SipLines.startLine(value);
                if (start != null) {
                    begin(start, recordOffset, recordTime, recordDirection, "", recordPeer, Frame.RECORD);
                    current.appendHead(head, headComplete);
                    current.append(raw, lineBreak, cut, end);
                    current.lastLineChars = raw.length();
                    return;
                }
                problems.add(input, offset, "A server trace record's Start-Line is not a SIP start line; skipped.");
            } else if (name.equalsIgnoreCase("Direction")) {
                String v = value.toLowerCase(Locale.ROOT);
                recordDirection = v.startsWith("incoming")
                        ? Direction.RECEIVED
                        : v.startsWith("outgoing") ? Direction.SENT : Direction.UNKNOWN;
            } else if (name.equalsIgnoreCase("Peer")) {
                recordPeer = value;
            }
            appendHead(raw, lineBreak, cut);
            return;
        }
        if (current.phase == Phase.HEADERS && line.regionMatches(true, 0, "Message-Body:", 0, 13)) {
            current.commitHeader();
            current.phase = Phase.BODY;
            current.append(raw, lineBreak, cut, end);
            return;
        }
        messageLine(raw, line, offset, lineBreak, cut, end);
    }

    /** Reads a line while no message is open: a timestamp for the next start line, or headers without one. */
    private void idleLine(String content, int offset) {
        Optional<LocalDateTime> t = SipLines.isoTime(content);
        if (t.isPresent()) {
            pendingTime = t;
            pendingTimeLines = TIME_REACH_LINES;
            return;
        }
        int colon = SipLines.headerColon(content);
        if (colon > 0) {
            String name = content.substring(0, colon).strip();
            if (name.equalsIgnoreCase("Call-ID") || name.equalsIgnoreCase("CSeq")) {
                problems.add(
                        input,
                        offset,
                        "SIP headers without their start line (INVITE …, SIP/2.0 …) are not part of any dialog.");
            }
        }
    }

    /** Reads a line of the open message: a header, a fold or wrap of the last one, the blank line, the body. */
    private void messageLine(String raw, String content, int offset, String lineBreak, boolean cut, int end) {
        Building b = current;
        boolean framed = b.frame != Frame.NONE;
        boolean blank = SipLines.isBlank(content);
        if (b.phase == Phase.HEADERS) {
            if (blank) {
                b.commitHeader();
                if (!framed && b.contentLength == 0) {
                    finish();
                    return;
                }
                b.phase = Phase.BODY;
                b.append(raw, lineBreak, cut, end);
                return;
            }
            int colon = SipLines.headerColon(content);
            boolean folded = SipLines.isSpace(raw.isEmpty() ? 'x' : raw.charAt(0)) && b.hasHeader();
            if (colon > 0 && !folded) {
                b.commitHeader();
                b.startHeader(
                        content.substring(0, colon).strip(),
                        content.substring(colon + 1).strip());
            } else if (folded) {
                b.extendHeader(" " + content.strip());
            } else if (b.hasHeader() && b.lastLineChars >= WRAP_MIN_CHARS && !b.lastHeaderEnds()) {
                b.extendHeader(content.strip());
            } else {
                b.commitHeader();
                if (!framed && !SipLines.looksLikeBody(content.strip())) {
                    finish();
                    return;
                }
                b.phase = Phase.BODY;
                b.bodyLine(content);
            }
            b.lastLineChars = content.length();
            b.append(raw, lineBreak, cut, end);
            return;
        }
        if (framed) {
            b.append(raw, lineBreak, cut, end);
            return;
        }
        if (blank || (b.bodyLines == 0 && b.contentLength <= 0 && !SipLines.looksLikeBody(content.strip()))) {
            finish();
            return;
        }
        b.append(raw, lineBreak, cut, end);
        b.bodyLine(content);
        if (b.contentLength > 0 && b.bodyChars >= b.contentLength) {
            finish();
        }
    }

    /** Ends an open message that was pasted on its own (a code fence closes it); a framed one waits for its end marker. */
    private void finishUnframed() {
        if (current != null && current.frame == Frame.NONE) {
            finish();
        }
    }

    /** Ends the input: passes on the open message, if any. */
    void end() {
        if (current != null && current.frame != Frame.NONE && !current.closed) {
            problems.add(
                    input,
                    current.start,
                    "The last SIP message of the log has no end marker (End of …, $$end_record); it may be incomplete.");
        }
        finish();
    }

    private void startHead(String raw, String lineBreak, boolean cut) {
        head.setLength(0);
        headComplete = true;
        appendHead(raw, lineBreak, cut);
    }

    private void appendHead(String raw, String lineBreak, boolean cut) {
        if (!headComplete || cut || head.length() + raw.length() + lineBreak.length() > FlowReader.MAX_MESSAGE_CHARS) {
            headComplete = false;
            return;
        }
        head.append(raw).append(lineBreak);
    }

    private void begin(
            SipLines.StartLine start,
            int spanStart,
            Optional<LocalDateTime> time,
            Direction direction,
            String local,
            String peer,
            Frame frame) {
        current = new Building(start, spanStart, time, direction, local, peer, frame);
    }

    /** Passes the open message on, with its diagnostics, and forgets it. */
    private void finish() {
        Building b = current;
        current = null;
        if (b == null) {
            return;
        }
        b.commitHeader();
        if (!b.textComplete) {
            problems.add(
                    input,
                    b.start,
                    "A SIP message is longer than " + FlowReader.MAX_MESSAGE_CHARS
                            + " characters or has a cut line; only its start was searched for diagnostics.");
        }
        List<DecodedDiagnostic> diagnostics = new ArrayList<>();
        if (b.text.length() > 0) {
            for (Diagnostic d : DiagnosticScanner.scan(b.text, b.start).diagnostics()) {
                try {
                    diagnostics.add(explain.apply(d));
                } catch (RuntimeException e) {
                    problems.add(input, d.span().start(), "A diagnostic could not be explained (" + e + ").");
                }
            }
        }
        if (b.callId.isEmpty()) {
            problems.add(input, b.start, "A SIP message without a Call-ID is shown with the others that lack one.");
        }
        sink.accept(new Draft(
                input,
                new Span(b.start, Math.max(b.start, b.end)),
                b.time,
                b.direction,
                b.local,
                b.peer,
                b.method,
                b.status == 0 ? OptionalInt.empty() : OptionalInt.of(b.status),
                b.reason,
                b.requestUri,
                b.callId,
                b.cseq,
                b.fromUri,
                b.fromTag,
                b.toUri,
                b.toTag,
                b.recordRoute,
                b.via,
                b.msHeaders,
                diagnostics,
                sequence.next()));
    }

    private enum Phase {
        HEADERS,
        BODY
    }

    /** A message being read. */
    private final class Building {
        final int start;
        final Frame frame;
        final Optional<LocalDateTime> time;
        final Direction direction;
        final String local;
        final String peer;
        final int status;
        final String reason;
        final String requestUri;
        String method;

        final StringBuilder text = new StringBuilder();
        boolean textComplete = true;
        int end;
        boolean closed;
        Phase phase = Phase.HEADERS;
        int lastLineChars;
        int bodyLines;
        long bodyChars;
        long contentLength = -1;

        private String headerName;
        private final StringBuilder headerValue = new StringBuilder();

        String callId = "";
        OptionalLong cseq = OptionalLong.empty();
        String fromUri = "";
        Optional<String> fromTag = Optional.empty();
        String toUri = "";
        Optional<String> toTag = Optional.empty();
        final List<String> recordRoute = new ArrayList<>();
        final List<String> via = new ArrayList<>();
        final List<Header> msHeaders = new ArrayList<>();

        Building(
                SipLines.StartLine start,
                int spanStart,
                Optional<LocalDateTime> time,
                Direction direction,
                String local,
                String peer,
                Frame frame) {
            this.start = spanStart;
            this.end = spanStart;
            this.frame = frame;
            this.time = time;
            this.direction = direction;
            this.local = local;
            this.peer = peer;
            this.status = start.status();
            this.reason = cap(start.reason());
            this.requestUri = cap(start.requestUri());
            this.method = start.method();
        }

        void appendHead(CharSequence head, boolean complete) {
            if (!complete) {
                textComplete = false;
                return;
            }
            text.append(head);
        }

        /**
         * Adds a line that ends at {@code lineEnd} to the message, and to the text searched for diagnostics
         * while that is exact and within the cap.
         */
        void append(String raw, String lineBreak, boolean cut, int lineEnd) {
            end = lineEnd;
            if (!textComplete) {
                return;
            }
            if (cut || text.length() + raw.length() + lineBreak.length() > FlowReader.MAX_MESSAGE_CHARS) {
                textComplete = false;
                return;
            }
            text.append(raw).append(lineBreak);
        }

        void bodyLine(String content) {
            bodyLines++;
            bodyChars += content.length() + 2L; // the body's CRLF, which a paste may have turned into LF
        }

        boolean hasHeader() {
            return headerName != null;
        }

        /** Returns true when the open header is one whose value a wrap cannot continue (a number). */
        boolean lastHeaderEnds() {
            return headerName != null
                    && (headerName.equalsIgnoreCase("Content-Length")
                            || headerName.equalsIgnoreCase("l")
                            || headerName.equalsIgnoreCase("Max-Forwards"));
        }

        private String headerWritten;

        void startHeader(String name, String value) {
            headerWritten = name;
            headerName = name;
            headerValue.setLength(0);
            extendHeader(value);
        }

        void extendHeader(String more) {
            int room = FlowReader.MAX_HEADER_CHARS - headerValue.length();
            if (room > 0) {
                headerValue.append(more, 0, Math.min(room, more.length()));
            }
        }

        /** Files the open header under what it says. */
        void commitHeader() {
            if (headerName == null) {
                return;
            }
            String name = headerName.toLowerCase(Locale.ROOT);
            String value = headerValue.toString().strip();
            headerName = null;
            switch (name) {
                case "call-id", "i" -> {
                    if (callId.isEmpty()) {
                        callId = value;
                    }
                }
                case "cseq" -> cseq(value);
                case "from", "f" -> {
                    fromUri = SipLines.uri(value);
                    fromTag = SipLines.tag(value);
                }
                case "to", "t" -> {
                    toUri = SipLines.uri(value);
                    toTag = SipLines.tag(value);
                }
                case "record-route" -> {
                    for (String part : SipLines.splitList(value)) {
                        addCapped(recordRoute, SipLines.uriHost(part));
                    }
                }
                case "via", "v" -> {
                    for (String part : SipLines.splitList(value)) {
                        addCapped(via, SipLines.viaHost(part));
                    }
                }
                case "content-length", "l" -> contentLength = parseLong(value);
                default -> {
                    if (name.startsWith("ms-") && msHeaders.size() < FlowReader.MAX_MS_HEADERS) {
                        msHeaders.add(new Header(headerWritten, value));
                    }
                }
            }
        }

        private void cseq(String value) {
            int k = 0;
            while (k < value.length() && k < 18 && isAsciiDigit(value.charAt(k))) {
                k++;
            }
            String m = value.substring(k).strip();
            if (k == 0 || m.isEmpty() || (k < value.length() && !SipLines.isSpace(value.charAt(k)))) {
                problems.add(input, start, "A CSeq header that is not a number and a method was ignored.");
                return;
            }
            cseq = OptionalLong.of(Long.parseLong(value.substring(0, k)));
            if (method.isEmpty()) {
                method = cap(m.split("\\s", 2)[0]);
            }
        }

        private void addCapped(List<String> list, String host) {
            if (!host.isEmpty() && list.size() < FlowReader.MAX_ROUTE_HOSTS) {
                list.add(cap(host));
            }
        }
    }

    private static long parseLong(String v) {
        int k = 0;
        while (k < v.length() && k < 12 && isAsciiDigit(v.charAt(k))) {
            k++;
        }
        return k == 0 ? -1 : Long.parseLong(v.substring(0, k));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String cap(String s) {
        return s.length() <= FlowReader.MAX_HEADER_CHARS ? s : s.substring(0, FlowReader.MAX_HEADER_CHARS);
    }
}
