package io.icewarn.bot.reply;

import io.icewarn.bot.reply.ReplySection.ChecklistLine;
import io.icewarn.bot.reply.ReplySection.FieldLine;
import io.icewarn.bot.reply.ReplySection.FlagLine;
import io.icewarn.bot.reply.ReplySection.Mark;
import io.icewarn.bot.safety.Redactor;
import io.icewarn.bot.safety.Sanitizer;
import io.icewarn.decoder.ChecklistItem;
import io.icewarn.decoder.CodeExplanation;
import io.icewarn.decoder.Confidence;
import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.FieldExplanation;
import io.icewarn.decoder.FlagMeaning;
import io.icewarn.decoder.IceWarnExplanation;
import io.icewarn.decoder.Severity;
import io.icewarn.decoder.SourceRef;
import io.icewarn.decoder.TeamsExplanation;
import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.LookAlike;
import io.icewarn.decoder.model.PortRange;
import io.icewarn.decoder.model.Problem;
import io.icewarn.decoder.model.QoeReport;
import io.icewarn.decoder.model.ServerDiagnostic;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.Span;
import io.icewarn.decoder.model.TeamsDiagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns decode and explain results into {@link Reply} values and decides all of their wording. Every
 * string taken from user text or the knowledge base is passed through {@link Sanitizer} (and
 * {@link Redactor} when redaction is on). Immutable and thread-safe.
 */
public final class ReplyBuilder {
    /** The longest quoted fragment, in code points; longer fragments end with an ellipsis. */
    public static final int MAX_QUOTE_CODE_POINTS = 900;
    /** The most parse problems listed in one reply. */
    public static final int MAX_PROBLEM_NOTES = 5;

    static final String NOTHING_FOUND_HEADLINE = "No Lync / Skype for Business diagnostic found";
    static final String PASTE_HINT = "Paste the diagnostic header from the SIP message or log, for example "
            + "ms-client-diagnostics: 24; reason=\"…\";CallerMediaDebug=\"application-sharing:ICEWarn=0x320,…\" "
            + "or ms-diagnostics: 1008;reason=\"…\". An ICEWarn value alone (0x320) or a QoE report's "
            + "<IceWarningFlags> works too.";

    private final Function<String, Optional<SourceRef>> sources;
    private final boolean redact;

    /**
     * Returns a builder.
     *
     * @param sources looks up a citation key (usually {@code Decoder::source}); must not be null
     * @param redact whether IP addresses and host names are hidden
     */
    public ReplyBuilder(Function<String, Optional<SourceRef>> sources, boolean redact) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.redact = redact;
    }

    /** Returns true when this builder hides addresses. */
    public boolean redacts() {
        return redact;
    }

    /**
     * Returns the reply to a decoded message: the diagnostics most serious first, or a "nothing found"
     * reply with a hint of what to paste.
     *
     * @param text the text that was decoded (spans refer to it), used for quotes
     * @param result what the decoder found in {@code text}
     */
    public Reply decoded(String text, DecodeResult result) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(result, "result");
        if (result.isEmpty()) {
            return nothingFound(result.problems());
        }
        List<ReplySection> sections = result.diagnostics().stream()
                .map(d -> section(text, d))
                .sorted(Comparator.comparing(ReplySection::severity))
                .collect(Collectors.toList());
        ReplySection top = sections.get(0);
        String headline;
        String summary;
        if (sections.size() == 1) {
            headline = severityWord(top.severity()) + ": "
                    + shortTitle(result.diagnostics().get(0).diagnostic());
            summary = "One diagnostic decoded from your message.";
        } else {
            headline = sections.size() + " diagnostics found: " + counts(sections);
            summary = "Most serious first.";
        }
        return new Reply(
                Reply.Kind.DIAGNOSTICS, headline, summary, sections, problemNotes(result.problems()), footer());
    }

    /** Returns the "nothing found" reply with a hint of what to paste; {@code problems} may be empty. */
    public Reply nothingFound(List<Problem> problems) {
        return new Reply(
                Reply.Kind.NOTHING_FOUND, NOTHING_FOUND_HEADLINE, PASTE_HINT, List.of(), problemNotes(problems), "");
    }

    /** Returns the explanation of an ICEWarn value. */
    public Reply iceWarn(IceWarnExplanation explanation) {
        Objects.requireNonNull(explanation, "explanation");
        IceWarn v = explanation.value();
        List<FlagLine> flags = flagLines(explanation);
        Severity severity = explanation.onlyBenign() ? Severity.INFO : Severity.WARNING;
        String verdict;
        if (v.value() == 0) {
            verdict = "No bit is set: ICE reported no warning.";
        } else if (explanation.onlyBenign()) {
            verdict = "Every set bit is expected or informational; this value alone shows no fault.";
        } else {
            verdict = "At least one set bit points at a problem or is undocumented; see the marks below.";
        }
        List<String> notes = new ArrayList<>();
        explanation.note().map(this::line).ifPresent(notes::add);
        ReplySection section = new ReplySection(
                severity,
                "ICEWarn " + v.hex(),
                v.value() == 0 ? "" : Long.bitCount(v.value()) + " bit(s) set",
                verdict,
                flags.isEmpty() ? "" : "Bits of " + v.hex(),
                flags,
                List.of(),
                List.of(),
                notes,
                List.of(),
                Optional.empty());
        return new Reply(Reply.Kind.EXPLANATION, "ICEWarn " + v.hex(), "", List.of(section), List.of(), footer());
    }

    /** Returns the explanation of a diagnostic ID. */
    public Reply code(CodeExplanation explanation) {
        Objects.requireNonNull(explanation, "explanation");
        String title = explanation.header() + " " + explanation.code()
                + explanation.reason().map(r -> " — " + line(r)).orElse("");
        String verdict =
                explanation.meaning().isBlank() ? "Nothing is known about this ID." : line(explanation.meaning());
        List<FieldLine> fields = new ArrayList<>();
        explanation.area().ifPresent(a -> fields.add(new FieldLine("Area", "", line(a), false)));
        explanation.family().ifPresent(f -> fields.add(new FieldLine("Failure family", "", line(f), false)));
        List<String> notes = new ArrayList<>();
        if (!explanation.known()) {
            notes.add(
                    explanation.header().equals(TeamsDiagnostic.HEADER)
                            ? "No source lists this exact code; what is shown comes from its structure, where it has one."
                            : "This exact ID is not in the knowledge base; what is shown describes its range.");
        }
        if (!explanation.releases().isEmpty()) {
            notes.add(line("Listed by [MS-OCER] for " + releases(explanation.releases())
                    + explanation
                            .carriedIn()
                            .map(c -> ", carried in a SIP " + c)
                            .orElse("") + "."));
        }
        for (CodeExplanation.Wording w : explanation.otherWordings()) {
            notes.add(line("For " + releases(w.releases()) + " it reads: \"" + w.reason() + "\""));
        }
        if (explanation.notHandledByClient()) {
            notes.add("[MS-OCER] 9.3.2 lists this ID among those the client does not handle: the user sees a generic"
                    + " error message.");
        }
        if (explanation.confidence() == Confidence.INFERRED) {
            notes.add("This meaning is inferred; no source states it.");
        }
        ReplySection section = new ReplySection(
                explanation.severity(),
                title,
                "",
                verdict,
                "",
                List.of(),
                fields,
                List.of(),
                notes,
                links(explanation.sources()),
                Optional.empty());
        return new Reply(
                Reply.Kind.EXPLANATION,
                explanation.header() + " " + explanation.code(),
                "",
                List.of(section),
                List.of(),
                footer());
    }

    /** Returns the [MS-OCER] releases {@code labels} name, in words. */
    private static String releases(List<String> labels) {
        List<String> words = new ArrayList<>();
        if (labels.contains("current")) {
            words.add("the current release (section 7)");
        }
        if (labels.contains("earlier")) {
            words.add(
                    words.isEmpty() ? "releases before the current one (section 8)" : "releases before it (section 8)");
        }
        return String.join(" and ", words);
    }

    /**
     * Returns {@code reply} with {@code notes} (remarks on attachments, links, …) added after its own notes;
     * each note is sanitised (and redacted) here.
     */
    public Reply withNotes(Reply reply, List<String> notes) {
        Objects.requireNonNull(reply, "reply");
        if (notes.isEmpty()) {
            return reply;
        }
        List<String> all = new ArrayList<>(reply.notes());
        notes.stream().map(this::line).forEach(all::add);
        return new Reply(reply.kind(), reply.headline(), reply.summary(), reply.sections(), all, reply.footer());
    }

    /**
     * Returns the fields of {@code decoded} as written, without meanings, flags or checklist: one section per
     * diagnostic with its title and raw {@code name = value} lines ("Show raw fields").
     */
    public Reply rawFields(Reply decoded) {
        Objects.requireNonNull(decoded, "decoded");
        if (decoded.kind() != Reply.Kind.DIAGNOSTICS) {
            return decoded;
        }
        List<ReplySection> sections = new ArrayList<>();
        for (ReplySection s : decoded.sections()) {
            List<FieldLine> raw = new ArrayList<>();
            for (FieldLine f : s.fields()) {
                raw.add(new FieldLine(f.name(), f.value().isEmpty() ? "(empty)" : f.value(), "", false));
            }
            sections.add(new ReplySection(
                    s.severity(),
                    s.title(),
                    s.context(),
                    raw.isEmpty() ? "No fields besides the code." : "Fields as written.",
                    "",
                    List.of(),
                    raw,
                    List.of(),
                    List.of(),
                    List.of(),
                    Optional.empty()));
        }
        return new Reply(
                Reply.Kind.EXPLANATION, "Raw fields", "As they appear in the message.", sections, List.of(), "");
    }

    /** Returns an error reply; {@code message} is one sentence for the user and is sanitised here. */
    public Reply error(String message) {
        return new Reply(Reply.Kind.ERROR, "Could not answer that", line(message), List.of(), List.of(), "");
    }

    private ReplySection section(String text, DecodedDiagnostic decoded) {
        Diagnostic d = decoded.diagnostic();
        List<String> notes = new ArrayList<>();
        decoded.notes().stream().map(this::line).forEach(notes::add);
        decoded.iceWarn().flatMap(IceWarnExplanation::note).map(this::line).ifPresent(notes::add);
        List<ChecklistLine> checklist = new ArrayList<>();
        for (ChecklistItem item : decoded.checklist()) {
            checklist.add(new ChecklistLine(
                    checklist.size() + 1,
                    line(item.text()),
                    links(item.sources()),
                    item.confidence() == Confidence.INFERRED,
                    item.ruleId() == null ? "" : item.ruleId()));
        }
        return new ReplySection(
                decoded.severity(),
                title(d, decoded),
                context(d, decoded),
                line(decoded.verdict()),
                decoded.iceWarn()
                        .map(e -> iceWarnName(d) + " " + e.value().hex())
                        .orElse(""),
                decoded.iceWarn().map(this::flagLines).orElse(List.of()),
                fieldLines(d, decoded.fields()),
                checklist,
                notes,
                List.of(),
                quote(text, d.span()));
    }

    private String title(Diagnostic d, DecodedDiagnostic decoded) {
        Optional<String> meaning =
                d.reason().filter(r -> !r.isBlank()).or(() -> decoded.code().flatMap(CodeExplanation::reason));
        String name;
        if (d instanceof QoeReport) {
            name = "QoE report"
                    + ((QoeReport) d).ice().map(s -> " — ICE " + line(s)).orElse("");
            return name;
        }
        name = shortTitle(d);
        return name + meaning.map(m -> " — " + line(m)).orElse("");
    }

    private String shortTitle(Diagnostic d) {
        if (d instanceof QoeReport) {
            return "QoE report";
        }
        if (d instanceof TeamsDiagnostic t) {
            return teamsTitle(t);
        }
        if (d instanceof ServerDiagnostic) {
            ServerDiagnostic s = (ServerDiagnostic) d;
            return d.header() + " " + s.errorId()
                    + (s.subErrorId().isPresent() ? "." + s.subErrorId().getAsInt() : "");
        }
        if (d.code().isPresent()) {
            return line(d.header()) + " " + d.code().getAsInt();
        }
        if (d instanceof ClientDiagnostic) {
            return "MediaDebug without a diagnostic code";
        }
        return line(d.header());
    }

    /** {@code Teams Direct Routing 560403 · SIP 403}, {@code Q.850 cause 63 · SIP 486}, {@code Teams Direct Routing · SIP 487}. */
    private static String teamsTitle(TeamsDiagnostic t) {
        StringBuilder title = new StringBuilder();
        if (t.shape() == Shape.Q850_REASON) {
            title.append("Q.850 cause ").append(t.q850Cause().getAsInt());
        } else {
            title.append("Teams Direct Routing");
            t.microsoftCode().ifPresent(c -> title.append(' ').append(c));
        }
        t.sipCode().ifPresent(c -> title.append(" · SIP ").append(c));
        return title.toString();
    }

    private String context(Diagnostic d, DecodedDiagnostic decoded) {
        if (d instanceof TeamsDiagnostic t) {
            return teamsContext(t, decoded);
        }
        List<String> parts = new ArrayList<>();
        if (d instanceof ClientDiagnostic) {
            ClientDiagnostic c = (ClientDiagnostic) d;
            c.side().ifPresent(s -> parts.add("Reported by the " + s.label()));
            c.media().ifPresent(m -> parts.add("media: " + line(m)));
        }
        if (d instanceof ServerDiagnostic) {
            ((ServerDiagnostic) d).source().ifPresent(s -> parts.add("written by " + line(s)));
        }
        if (d instanceof LookAlike) {
            parts.add("not a Lync / Skype for Business SIP diagnostic");
        }
        if (d.sipStatus().isPresent()) {
            parts.add("in a SIP " + d.sipStatus().getAsInt() + " response");
        }
        return String.join(" · ", parts);
    }

    private String teamsContext(TeamsDiagnostic t, DecodedDiagnostic decoded) {
        List<String> parts = new ArrayList<>();
        parts.add(TEAMS_SHAPES.getOrDefault(t.shape(), ""));
        decoded.teams()
                .flatMap(TeamsExplanation::structure)
                .ifPresent(s -> parts.add(
                        s.detailIsSipCode()
                                ? "final response from the SBC"
                                : "final response from a Microsoft service"));
        decoded.teams().ifPresent(e -> {
            if (e.sipCode().isPresent()) {
                parts.add("SIP " + e.sipCode().getAsInt()
                        + e.sipPhrase().map(p -> " " + line(p)).orElse(""));
            }
        });
        parts.removeIf(String::isEmpty);
        return String.join(" · ", parts);
    }

    /** Where each Teams shape comes from, in words. */
    private static final Map<Shape, String> TEAMS_SHAPES = Map.of(
            Shape.TEAMS_REPORT, "Teams admin center / PSTN usage report",
            Shape.TEAMS_CSV_ROW, "PSTN usage report export row",
            Shape.TEAMS_CALL_RECORD, "Teams call record",
            Shape.Q850_REASON, "SIP Reason header");

    private static String iceWarnName(Diagnostic d) {
        return d instanceof QoeReport ? "IceWarningFlags" : "ICEWarn";
    }

    private List<FlagLine> flagLines(IceWarnExplanation e) {
        List<FlagLine> lines = new ArrayList<>();
        for (FlagMeaning f : e.flags()) {
            lines.add(new FlagLine(IceWarn.hex(f.bit()), line(f.label()), mark(f.expectation()), line(f.guidance())));
        }
        for (Long bit : e.unknownBits()) {
            lines.add(new FlagLine(IceWarn.hex(bit), "undocumented bit", Mark.UNKNOWN, ""));
        }
        lines.sort(Comparator.comparingLong(l -> Long.parseLong(l.bit().substring(2), 16)));
        return lines;
    }

    private static Mark mark(FlagMeaning.Expectation expectation) {
        switch (expectation) {
            case EXPECTED:
            case INFORMATIONAL:
                return Mark.BENIGN;
            case MAY_OCCUR:
                return Mark.CAUTION;
            case PROBLEM:
                return Mark.PROBLEM;
            default:
                return Mark.UNKNOWN;
        }
    }

    private List<FieldLine> fieldLines(Diagnostic d, List<FieldExplanation> fields) {
        List<FieldLine> lines = new ArrayList<>();
        for (FieldExplanation f : fields) {
            if (f.key().equalsIgnoreCase("ICEWarn") || f.key().equalsIgnoreCase("IceWarningFlags")) {
                continue;
            }
            String words = f.valueMeaning().map(this::line).orElse("");
            if (words.isEmpty() && f.key().equalsIgnoreCase("PortRange") && d instanceof ClientDiagnostic) {
                words = ((ClientDiagnostic) d)
                        .info()
                        .portRange()
                        .map(ReplyBuilder::ports)
                        .orElse("");
            }
            boolean inferred = f.confidence() == Confidence.INFERRED && !words.isEmpty();
            if (f.value().isBlank()) {
                words = "empty (scrubbed or not reported)";
                inferred = false;
            }
            lines.add(new FieldLine(line(f.key()), line(f.value()), words, inferred));
        }
        return lines;
    }

    private static String ports(PortRange r) {
        return "ports " + r.min() + "–" + r.max() + " (" + r.size() + (r.size() == 1 ? " port)" : " ports)");
    }

    private Optional<String> quote(String text, Span span) {
        int start = Math.min(span.start(), text.length());
        int end = Math.min(span.end(), text.length());
        // never quote half of a surrogate pair, whatever the span says
        if (start > 0 && start < text.length() && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        if (end <= start) {
            return Optional.empty();
        }
        String q = text.substring(start, end);
        if (q.codePointCount(0, q.length()) > MAX_QUOTE_CODE_POINTS) {
            q = q.substring(0, q.offsetByCodePoints(0, MAX_QUOTE_CODE_POINTS)) + " …";
        }
        return Optional.of(text(q)).filter(s -> !s.isBlank());
    }

    private List<SourceLink> links(List<String> keys) {
        List<SourceLink> out = new ArrayList<>();
        for (String key : keys) {
            Optional<SourceRef> ref = sources.apply(key);
            out.add(new SourceLink(
                    line(key),
                    ref.map(r -> line(r.title())).orElse(""),
                    ref.map(SourceRef::url).orElse("")));
        }
        return out;
    }

    private List<String> problemNotes(List<Problem> problems) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < problems.size() && i < MAX_PROBLEM_NOTES; i++) {
            Problem p = problems.get(i);
            notes.add("Could not read part of the text (at character " + p.offset() + "): " + line(p.message()));
        }
        if (problems.size() > MAX_PROBLEM_NOTES) {
            notes.add("… and " + (problems.size() - MAX_PROBLEM_NOTES) + " more parts that could not be read.");
        }
        return notes;
    }

    private static String counts(List<ReplySection> sections) {
        Map<Severity, Integer> n = new EnumMap<>(Severity.class);
        sections.forEach(s -> n.merge(s.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        n.forEach((sev, c) -> parts.add(c + " " + countWord(sev, c)));
        return String.join(", ", parts);
    }

    private static String countWord(Severity s, int count) {
        switch (s) {
            case FAILURE:
                return count == 1 ? "failure" : "failures";
            case WARNING:
                return count == 1 ? "warning" : "warnings";
            default:
                return "informational";
        }
    }

    private static String severityWord(Severity s) {
        switch (s) {
            case FAILURE:
                return "Failure";
            case WARNING:
                return "Warning";
            default:
                return "Info";
        }
    }

    private String footer() {
        return "Steps marked (inferred) are hints no source states."
                + (redact ? " IP addresses and host names are hidden." : "");
    }

    /** Sanitises (and redacts) text that may span several lines. */
    private String text(String s) {
        String t = Sanitizer.clean(s);
        return redact ? Redactor.redact(t) : t;
    }

    /** Sanitises (and redacts) text shown on one line. */
    private String line(String s) {
        String t = Sanitizer.cleanLine(s == null ? "" : s).strip();
        return redact ? Redactor.redact(t) : t;
    }
}
