package io.icewarn.bot.reply;

import io.icewarn.bot.reply.Reply.DigestGroup;
import io.icewarn.bot.reply.Reply.DigestLine;
import io.icewarn.bot.reply.Reply.Pick;
import io.icewarn.bot.reply.ReplySection.ChecklistLine;
import io.icewarn.bot.reply.ReplySection.FieldLine;
import io.icewarn.bot.reply.ReplySection.FlagLine;
import io.icewarn.bot.reply.ReplySection.Flags;
import io.icewarn.bot.reply.ReplySection.Mark;
import io.icewarn.bot.reply.ReplySection.Remark;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns decode and explain results into {@link Reply} values and decides all of their wording and what each
 * view holds: the full reply ({@link #decoded}), the short answer ({@link #answer}), the full checklist
 * ({@link #checklist}), one diagnostic of many ({@link #one}) and the raw fields ({@link #rawFields}). Every
 * string taken from user text or the knowledge base is passed through {@link Sanitizer} (and
 * {@link Redactor} when redaction is on). Immutable and thread-safe.
 */
public final class ReplyBuilder {
    /** The longest quoted fragment, in code points; longer fragments end with an ellipsis. */
    public static final int MAX_QUOTE_CODE_POINTS = 900;
    /** The longest quote the short answer shows, in code points; the ticket keeps the whole fragment. */
    public static final int ANSWER_QUOTE_CODE_POINTS = 160;
    /** The most parse problems listed in one reply. */
    public static final int MAX_PROBLEM_NOTES = 5;
    /** How many steps the short answer shows: the top actions. */
    public static final int TOP_ACTIONS = 3;
    /** How many remarks the short answer shows when a diagnostic has no step. */
    public static final int ANSWER_REMARKS = 2;
    /** The most lines of a digest; the diagnostics beyond are counted in one last line. */
    public static final int MAX_DIGEST_LINES = 60;
    /** The most diagnostics a menu offers (Discord's limit for one select menu). */
    public static final int MAX_PICKS = 25;
    /** What "(inferred)" after a step means. */
    public static final String INFERRED_LEGEND = "(inferred) marks a hint no source states.";
    /** How many sources the short answer names per step; the full views name all. */
    public static final int ANSWER_SOURCES = 1;

    static final String NOTHING_FOUND_HEADLINE = "No Lync / Skype for Business diagnostic found";
    static final String PASTE_HINT = "Paste the diagnostic header from the SIP message or log, for example "
            + "ms-client-diagnostics: 24; reason=\"…\";CallerMediaDebug=\"application-sharing:ICEWarn=0x320,…\" "
            + "or ms-diagnostics: 1008;reason=\"…\". An ICEWarn value alone (0x320) or a QoE report's "
            + "<IceWarningFlags> works too.";
    private static final String REDACTED = "IP addresses and host names are hidden.";
    private static final int SHOWN_CALL_ID_CHARS = 12;
    private static final int PICK_TEXT = 100;

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
     * Returns the full reply to a decoded message: every diagnostic with everything known about it, most
     * serious first, and (for several) the digest and the menu's picks; or a "nothing found" reply with a hint
     * of what to paste. This is what the ticket shows; the chat shows {@link #answer} of it.
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
        List<DecodedDiagnostic> found = result.diagnostics();
        List<ReplySection> sections = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            sections.add(section(text, found.get(i), i));
        }
        sections.sort(SERIOUS_FIRST);
        List<String> notes = problemNotes(result.problems());
        String footer = footer(List.of(), sections.stream().anyMatch(ReplySection::showsInferredStep));
        if (sections.size() == 1) {
            return new Reply(
                    Reply.Kind.DIAGNOSTICS,
                    Reply.View.DETAIL,
                    sections.get(0).headline(),
                    "",
                    sections,
                    List.of(),
                    List.of(),
                    "",
                    notes,
                    footer,
                    List.of());
        }
        Map<String, List<ReplySection>> byCall = byCall(found, sections);
        long calls = byCall.keySet().stream().filter(k -> !k.isEmpty()).count();
        String headline = sections.size() + " diagnostics"
                + (calls == 0 ? "" : " in " + calls + (calls == 1 ? " call" : " calls"))
                + ": " + counts(sections);
        List<Pick> picks = picks(sections);
        String prompt = sections.size() > MAX_PICKS
                ? "Open one of the " + MAX_PICKS + " most serious of " + sections.size() + "…"
                : "Open one diagnostic…";
        return new Reply(
                Reply.Kind.DIAGNOSTICS,
                Reply.View.DETAIL,
                headline,
                "Most serious first.",
                sections,
                digest(byCall, calls > 0),
                picks,
                prompt,
                notes,
                footer,
                List.of());
    }

    /**
     * Returns the short answer of {@code full} (a reply from {@link #decoded}): for one diagnostic its verdict,
     * top actions and compact evidence; for several the most serious one so, then a line each. Other replies
     * come back as they are.
     */
    public Reply answer(Reply full) {
        Objects.requireNonNull(full, "full");
        if (full.kind() != Reply.Kind.DIAGNOSTICS || full.sections().isEmpty()) {
            return full;
        }
        ReplySection lead = full.sections().get(0);
        int more = Math.max(0, lead.steps().size() - TOP_ACTIONS);
        ReplySection shortLead = shortSection(lead);
        if (full.sections().size() == 1) {
            String morePart =
                    more == 0 ? "" : more + (more == 1 ? " more step" : " more steps") + " in the full checklist.";
            return new Reply(
                    Reply.Kind.DIAGNOSTICS,
                    Reply.View.ANSWER,
                    full.headline(),
                    "",
                    List.of(shortLead),
                    List.of(),
                    List.of(),
                    "",
                    full.notes(),
                    footer(morePart.isEmpty() ? List.of() : List.of(morePart), shortLead.showsInferredStep()),
                    full.attachments());
        }
        ReplySection named = new ReplySection(
                shortLead.index(),
                shortLead.severity(),
                shortLead.headline(),
                shortLead.title(),
                "Most serious: #" + (lead.index() + 1) + " " + lead.label(),
                shortLead.context(),
                "",
                shortLead.flags(),
                shortLead.fields(),
                shortLead.steps(),
                shortLead.remarks(),
                List.of(),
                shortLead.sources(),
                Optional.empty());
        boolean byCall = full.digest().stream().anyMatch(g -> !g.title().isEmpty());
        List<DigestGroup> digest = new ArrayList<>();
        for (DigestGroup g : full.digest()) {
            List<DigestLine> lines = new ArrayList<>();
            for (DigestLine l : g.lines()) {
                lines.add(
                        l.index() == lead.index()
                                ? new DigestLine(l.index(), l.severity(), l.label(), "the one above")
                                : l);
            }
            digest.add(new DigestGroup(g.title(), lines));
        }
        return new Reply(
                Reply.Kind.DIAGNOSTICS,
                Reply.View.ANSWER,
                full.headline(),
                byCall ? "By call, most serious first" : "",
                List.of(named),
                digest,
                full.picks(),
                full.pickPrompt(),
                full.notes(),
                footer(
                        List.of("The full checklist has every step of "
                                + (full.sections().size() == 2
                                        ? "both."
                                        : "all " + full.sections().size() + ".")),
                        named.showsInferredStep()),
                full.attachments());
    }

    /**
     * Returns the full checklist of {@code full}: for one diagnostic every step the short answer leaves
     * out, with the merged steps' own words, the remarks and the caveats; for several every step of all of
     * them once, saying which diagnostics it is for.
     */
    public Reply checklist(Reply full) {
        Objects.requireNonNull(full, "full");
        if (full.kind() != Reply.Kind.DIAGNOSTICS || full.sections().isEmpty()) {
            return full;
        }
        if (full.sections().size() == 1) {
            ReplySection s = full.sections().get(0);
            List<ChecklistLine> rest = s.steps().size() <= TOP_ACTIONS
                    ? List.of()
                    : s.steps().subList(TOP_ACTIONS, s.steps().size());
            String summary = rest.isEmpty()
                    ? "The answer already shows every step."
                    : "Steps " + (TOP_ACTIONS + 1) + "–" + s.steps().size() + "; steps 1–" + TOP_ACTIONS
                            + " are in the answer.";
            ReplySection view = new ReplySection(
                    s.index(),
                    s.severity(),
                    s.headline(),
                    s.title(),
                    s.label(),
                    s.context(),
                    s.detail(),
                    Flags.NONE,
                    List.of(),
                    rest,
                    s.remarks(),
                    s.notes(),
                    List.of(),
                    Optional.empty());
            return Reply.of(
                    Reply.Kind.EXPLANATION,
                    "Full checklist: " + s.label(),
                    summary,
                    List.of(view),
                    List.of(),
                    footer(List.of(), view.showsInferredStep()));
        }
        Map<String, ChecklistLine> steps = new LinkedHashMap<>();
        Map<String, List<String>> forWhich = new LinkedHashMap<>();
        for (ReplySection s : full.sections()) {
            for (ChecklistLine c : s.steps()) {
                String key = c.ruleId().isEmpty() ? c.text() : c.ruleId();
                steps.putIfAbsent(key, c);
                forWhich.computeIfAbsent(key, k -> new ArrayList<>()).add("#" + (s.index() + 1));
            }
        }
        List<ChecklistLine> all = new ArrayList<>();
        for (Map.Entry<String, ChecklistLine> e : steps.entrySet()) {
            ChecklistLine c = e.getValue();
            all.add(new ChecklistLine(
                    all.size() + 1,
                    c.text() + " (for " + String.join(", ", forWhich.get(e.getKey())) + ")",
                    c.sources(),
                    c.inferred(),
                    c.ruleId(),
                    c.merged()));
        }
        ReplySection view = new ReplySection(
                -1,
                full.severity(),
                "Every step for the " + full.sections().size() + " diagnostics, once each",
                full.headline(),
                "",
                "",
                "",
                Flags.NONE,
                List.of(),
                all,
                List.of(),
                List.of(),
                List.of(),
                Optional.empty());
        return Reply.of(
                Reply.Kind.EXPLANATION,
                "Full checklist: " + full.sections().size() + " diagnostics",
                "Most serious diagnostics' steps first; open one diagnostic for its remarks.",
                List.of(view),
                List.of(),
                footer(List.of(), view.showsInferredStep()));
    }

    /**
     * Returns the full reply to the diagnostic at position {@code index} of the decode behind {@code full}
     * (its number in the digest less one), or empty when there is none.
     */
    public Optional<Reply> one(Reply full, int index) {
        Objects.requireNonNull(full, "full");
        if (full.kind() != Reply.Kind.DIAGNOSTICS) {
            return Optional.empty();
        }
        return full.sections().stream()
                .filter(s -> s.index() == index)
                .findFirst()
                .map(s -> new Reply(
                        Reply.Kind.DIAGNOSTICS,
                        Reply.View.DETAIL,
                        s.headline(),
                        "",
                        List.of(s),
                        List.of(),
                        List.of(),
                        "",
                        List.of(),
                        footer(List.of(), s.showsInferredStep()),
                        List.of()));
    }

    /** Returns the "nothing found" reply with a hint of what to paste; {@code problems} may be empty. */
    public Reply nothingFound(List<Problem> problems) {
        return Reply.of(
                Reply.Kind.NOTHING_FOUND, NOTHING_FOUND_HEADLINE, PASTE_HINT, List.of(), problemNotes(problems), "");
    }

    /** Returns the explanation of an ICEWarn value. */
    public Reply iceWarn(IceWarnExplanation explanation) {
        Objects.requireNonNull(explanation, "explanation");
        IceWarn v = explanation.value();
        List<FlagLine> flags = flagLines(explanation);
        Severity severity = explanation.onlyBenign() ? Severity.INFO : Severity.WARNING;
        String verdict;
        boolean problem = flags.stream().anyMatch(f -> f.mark() == Mark.PROBLEM || f.mark() == Mark.UNKNOWN);
        if (v.value() == 0) {
            verdict = "No bit is set: ICE reported no warning.";
        } else if (explanation.onlyBenign()) {
            verdict = "Every set bit is expected or informational; this value alone shows no fault.";
        } else if (problem) {
            verdict = "At least one set bit points at a problem or is undocumented; see the marks below.";
        } else {
            verdict = "No bit is a fault by itself, but some can lead to an ICE failure: judge them by how the call"
                    + " went (on a failed application-sharing or file-transfer call, 0x100 and 0x200 matter too).";
        }
        List<String> notes = new ArrayList<>();
        explanation.note().map(this::line).ifPresent(notes::add);
        String count = v.value() == 0
                ? ""
                : Long.bitCount(v.value()) + (Long.bitCount(v.value()) == 1 ? " bit set" : " bits set");
        ReplySection section = new ReplySection(
                -1,
                severity,
                "ICEWarn " + v.hex(),
                "ICEWarn " + v.hex(),
                "ICEWarn " + v.hex(),
                count,
                verdict,
                new Flags(flags.isEmpty() ? "" : "Bits of " + v.hex(), flags, ""),
                List.of(),
                List.of(),
                List.of(),
                notes,
                List.of(),
                Optional.empty());
        return Reply.of(
                Reply.Kind.EXPLANATION,
                "ICEWarn " + v.hex(),
                "",
                List.of(section),
                List.of(),
                footer(List.of(), false));
    }

    /** Returns the explanation of a diagnostic ID. */
    public Reply code(CodeExplanation explanation) {
        Objects.requireNonNull(explanation, "explanation");
        String label = explanation.header() + " " + explanation.code();
        String title = label + explanation.reason().map(r -> " — " + line(r)).orElse("");
        String verdict =
                explanation.meaning().isBlank() ? "Nothing is known about this ID." : line(explanation.meaning());
        List<FieldLine> fields = new ArrayList<>();
        explanation.area().ifPresent(a -> fields.add(new FieldLine("Area", "", line(a), false, false)));
        explanation.situation().ifPresent(s -> fields.add(new FieldLine("Situation", "", line(s), false, false)));
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
                -1,
                explanation.severity(),
                title,
                title,
                label,
                "",
                verdict,
                Flags.NONE,
                fields,
                List.of(),
                List.of(),
                notes,
                links(explanation.sources()),
                Optional.empty());
        return Reply.of(Reply.Kind.EXPLANATION, title, "", List.of(section), List.of(), footer(List.of(), false));
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
        return new Reply(
                reply.kind(),
                reply.view(),
                reply.headline(),
                reply.summary(),
                reply.sections(),
                reply.digest(),
                reply.picks(),
                reply.pickPrompt(),
                all,
                reply.footer(),
                reply.attachments());
    }

    /**
     * Returns {@code reply} with {@code attachments} (a picture of the call, say) in place of its own; every view
     * derived from it by {@link #answer} keeps them.
     */
    public Reply withAttachments(Reply reply, List<ReplyAttachment> attachments) {
        Objects.requireNonNull(reply, "reply");
        return new Reply(
                reply.kind(),
                reply.view(),
                reply.headline(),
                reply.summary(),
                reply.sections(),
                reply.digest(),
                reply.picks(),
                reply.pickPrompt(),
                reply.notes(),
                reply.footer(),
                attachments);
    }

    /**
     * Returns {@code reply} without the quotes of the user's text: for a thread started on that very
     * message, where the text stands right above the answer.
     */
    public Reply withoutQuotes(Reply reply) {
        Objects.requireNonNull(reply, "reply");
        if (reply.sections().stream().noneMatch(s -> s.quote().isPresent())) {
            return reply;
        }
        List<ReplySection> sections = new ArrayList<>();
        for (ReplySection s : reply.sections()) {
            sections.add(new ReplySection(
                    s.index(),
                    s.severity(),
                    s.headline(),
                    s.title(),
                    s.label(),
                    s.context(),
                    s.detail(),
                    s.flags(),
                    s.fields(),
                    s.steps(),
                    s.remarks(),
                    s.notes(),
                    s.sources(),
                    Optional.empty()));
        }
        return new Reply(
                reply.kind(),
                reply.view(),
                reply.headline(),
                reply.summary(),
                sections,
                reply.digest(),
                reply.picks(),
                reply.pickPrompt(),
                reply.notes(),
                reply.footer(),
                reply.attachments());
    }

    /**
     * Returns the fields of {@code decoded} as written, without meanings, flags or checklist: one section per
     * diagnostic with its title and raw {@code name = value} lines ("Raw fields").
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
                raw.add(new FieldLine(f.name(), f.value().isEmpty() ? "(empty)" : f.value(), "", false, false));
            }
            sections.add(new ReplySection(
                    s.index(),
                    s.severity(),
                    s.title(),
                    s.title(),
                    s.label(),
                    s.context(),
                    raw.isEmpty() ? "No fields besides the code." : "Fields as written.",
                    s.flags().title().isEmpty()
                            ? Flags.NONE
                            : new Flags(s.flags().title(), List.of(), ""),
                    raw,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Optional.empty()));
        }
        return Reply.of(
                Reply.Kind.EXPLANATION, "Raw fields", "As they appear in the message.", sections, List.of(), "");
    }

    /** Returns an error reply; {@code message} is one sentence for the user and is sanitised here. */
    public Reply error(String message) {
        return Reply.of(Reply.Kind.ERROR, "Could not answer that", line(message), List.of(), List.of(), "");
    }

    private static final Comparator<ReplySection> SERIOUS_FIRST =
            Comparator.comparing(ReplySection::severity).thenComparingInt(ReplySection::index);

    private ReplySection section(String text, DecodedDiagnostic decoded, int index) {
        Diagnostic d = decoded.diagnostic();
        List<String> notes = new ArrayList<>();
        decoded.notes().stream().map(this::line).distinct().forEach(notes::add);
        List<ChecklistLine> steps = new ArrayList<>();
        for (ChecklistItem item : decoded.checklist()) {
            List<Remark> merged = new ArrayList<>();
            for (ChecklistItem m : item.merged()) {
                merged.add(remark(m));
            }
            steps.add(new ChecklistLine(
                    steps.size() + 1,
                    line(item.text()),
                    links(item.sources()),
                    item.confidence() == Confidence.INFERRED,
                    item.ruleId() == null ? "" : item.ruleId(),
                    merged));
        }
        List<Remark> remarks = new ArrayList<>();
        decoded.remarks().forEach(r -> remarks.add(remark(r)));
        Flags flags = decoded.iceWarn()
                .map(e -> new Flags(iceWarnName(d) + " " + e.value().hex(), flagLines(e), ""))
                .orElse(Flags.NONE);
        return new ReplySection(
                index,
                decoded.severity(),
                line(decoded.summary()),
                title(d, decoded),
                shortTitle(d),
                context(d, decoded),
                line(decoded.verdict()),
                flags,
                fieldLines(d, decoded.fields()),
                steps,
                remarks,
                notes,
                List.of(),
                quote(text, d.span(), MAX_QUOTE_CODE_POINTS));
    }

    private Remark remark(ChecklistItem item) {
        return new Remark(
                line(item.text()),
                links(item.sources()),
                item.confidence() == Confidence.INFERRED,
                item.ruleId() == null ? "" : item.ruleId());
    }

    /** Returns {@code s} as the short answer shows it: top actions, the bits and fields that matter. */
    private ReplySection shortSection(ReplySection s) {
        List<ChecklistLine> top = new ArrayList<>();
        for (int i = 0; i < s.steps().size() && i < TOP_ACTIONS; i++) {
            ChecklistLine c = s.steps().get(i);
            top.add(new ChecklistLine(
                    c.number(),
                    c.text(),
                    c.sources().subList(0, Math.min(ANSWER_SOURCES, c.sources().size())),
                    c.inferred(),
                    c.ruleId(),
                    List.of()));
        }
        List<Remark> remarks = top.isEmpty()
                ? s.remarks().subList(0, Math.min(ANSWER_REMARKS, s.remarks().size()))
                : List.of();
        List<FieldLine> evidence = evidence(s.fields());
        return new ReplySection(
                s.index(),
                s.severity(),
                s.headline(),
                s.title(),
                s.label(),
                s.context(),
                "",
                keyFlags(s.flags()),
                evidence,
                top,
                remarks,
                List.of(),
                s.sources(),
                s.quote().map(q -> shorten(q, ANSWER_QUOTE_CODE_POINTS)));
    }

    /**
     * Returns the evidence fields of {@code fields}: those the knowledge base marks as evidence, with a value;
     * fields whose values mean the same (both locations remote, say) as one line.
     */
    private static List<FieldLine> evidence(List<FieldLine> fields) {
        List<FieldLine> out = new ArrayList<>();
        for (FieldLine f : fields) {
            if (!f.evidence() || f.value().isBlank()) {
                continue;
            }
            int last = out.size() - 1;
            FieldLine before = last < 0 ? null : out.get(last);
            if (before != null
                    && !f.words().isEmpty()
                    && before.words().equals(f.words())
                    && before.inferred() == f.inferred()) {
                String name = (before.value().isEmpty() ? before.name() : before.name() + " " + before.value()) + ", "
                        + f.name() + " " + f.value();
                out.set(last, new FieldLine(name, "", f.words(), f.inferred(), true));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /** Returns the bits that matter, most serious first, in short words; the harmless ones only counted. */
    private static Flags keyFlags(Flags all) {
        if (all.lines().isEmpty()) {
            return all.title().isEmpty() ? Flags.NONE : new Flags(all.title(), List.of(), "");
        }
        List<FlagLine> key = new ArrayList<>();
        int expected = 0;
        int tried = 0;
        Set<String> seen = new HashSet<>();
        for (FlagLine f : all.lines()) {
            if (!seen.add(f.bit())) {
                continue;
            }
            if (f.mark() == Mark.BENIGN) {
                expected++;
            } else if (f.mark() == Mark.INFO) {
                tried++;
            } else {
                key.add(new FlagLine(f.bit(), f.brief(), f.brief(), f.mark(), ""));
            }
        }
        key.sort(Comparator.comparingInt((FlagLine f) -> markOrder(f.mark()))
                .thenComparingLong(f -> Long.parseLong(f.bit().substring(2), 16)));
        List<String> folded = new ArrayList<>();
        if (tried > 0) {
            folded.add(tried + (tried == 1 ? " path" : " paths") + " tried on a call that worked: no fault");
        }
        if (expected > 0) {
            folded.add((key.isEmpty() && tried == 0 ? "" : "+")
                    + expected
                    + (expected == 1 ? " expected check" : " expected checks"));
        }
        return new Flags(all.title(), key, String.join(", ", folded));
    }

    private static int markOrder(Mark m) {
        switch (m) {
            case PROBLEM:
                return 0;
            case UNKNOWN:
                return 1;
            case CAUTION:
                return 2;
            default:
                return 3;
        }
    }

    private String title(Diagnostic d, DecodedDiagnostic decoded) {
        if (d instanceof QoeReport q) {
            return "QoE report" + q.ice().map(s -> " — ICE " + line(s)).orElse("");
        }
        Optional<String> meaning =
                d.reason().filter(r -> !r.isBlank()).or(() -> decoded.code().flatMap(CodeExplanation::reason));
        return shortTitle(d) + meaning.map(m -> " — " + line(m)).orElse("");
    }

    private String shortTitle(Diagnostic d) {
        if (d instanceof QoeReport) {
            return "QoE report";
        }
        if (d instanceof TeamsDiagnostic t) {
            return teamsTitle(t);
        }
        if (d instanceof ServerDiagnostic s) {
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
        if (d instanceof ClientDiagnostic c) {
            c.side().ifPresent(s -> parts.add("reported by the " + s.label()));
            c.media().ifPresent(m -> parts.add(line(m)));
        }
        if (d instanceof ServerDiagnostic s) {
            s.source().ifPresent(x -> parts.add("written by " + line(x)));
        }
        if (d instanceof LookAlike) {
            parts.add("not a Lync / Skype for Business SIP diagnostic");
        }
        if (d.sipStatus().isPresent()) {
            parts.add("in a SIP " + d.sipStatus().getAsInt() + " response");
        }
        decoded.callId().ifPresent(id -> parts.add("Call-ID " + shortCallId(line(id))));
        return String.join(" · ", parts);
    }

    private static String shortCallId(String id) {
        return id.codePointCount(0, id.length()) <= SHOWN_CALL_ID_CHARS + 1
                ? id
                : id.substring(0, id.offsetByCodePoints(0, SHOWN_CALL_ID_CHARS)) + "…";
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

    /** Returns one line per set bit, lowest first, each bit once, judged in context. */
    private List<FlagLine> flagLines(IceWarnExplanation e) {
        List<FlagLine> lines = new ArrayList<>();
        Set<Long> shown = new HashSet<>();
        for (FlagMeaning f : e.flags()) {
            if (!shown.add(f.bit())) {
                continue;
            }
            String guidance = f.contextNote().isBlank()
                    ? line(f.guidance())
                    : line(f.contextNote())
                            + (f.guidance().isBlank() ? "" : " (Resource Kit: " + line(f.guidance()) + ")");
            lines.add(new FlagLine(IceWarn.hex(f.bit()), line(f.label()), line(f.brief()), mark(f), guidance));
        }
        for (Long bit : e.unknownBits()) {
            if (shown.add(bit)) {
                lines.add(new FlagLine(IceWarn.hex(bit), "undocumented bit", "undocumented bit", Mark.UNKNOWN, ""));
            }
        }
        lines.sort(Comparator.comparingLong(l -> Long.parseLong(l.bit().substring(2), 16)));
        return lines;
    }

    private static Mark mark(FlagMeaning f) {
        switch (f.inContext()) {
            case EXPECTED:
                return Mark.BENIGN;
            case INFORMATIONAL:
                return f.expectation().benign() ? Mark.BENIGN : Mark.INFO;
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
            if (f.key().equalsIgnoreCase("PortRange") && d instanceof ClientDiagnostic c) {
                words = c.info().portRange().map(ReplyBuilder::ports).orElse(words);
            }
            boolean inferred = f.confidence() == Confidence.INFERRED && !words.isEmpty();
            if (f.value().isBlank()) {
                words = "empty (scrubbed or not reported)";
                inferred = false;
            }
            lines.add(new FieldLine(line(f.key()), line(f.value()), words, inferred, f.evidence()));
        }
        return lines;
    }

    private static String ports(PortRange r) {
        return r.size() + (r.size() == 1 ? " port" : " ports");
    }

    private Optional<String> quote(String text, Span span, int limit) {
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
        return Optional.of(text(shorten(text.substring(start, end), limit))).filter(s -> !s.isBlank());
    }

    /** Returns {@code s} cut to {@code limit} code points, with an ellipsis when it was longer. */
    private static String shorten(String s, int limit) {
        if (s.codePointCount(0, s.length()) <= limit) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, limit)) + " …";
    }

    private List<SourceLink> links(List<String> keys) {
        List<SourceLink> out = new ArrayList<>();
        for (String key : keys) {
            Optional<SourceRef> ref = sources.apply(key);
            out.add(new SourceLink(
                    line(key),
                    ref.map(r -> line(r.label())).filter(l -> !l.isEmpty()).orElse(line(key)),
                    ref.map(r -> line(r.title())).orElse(""),
                    ref.map(SourceRef::url).orElse("")));
        }
        return out;
    }

    /** Returns the diagnostics' sections by Call-ID ("" for none), calls in order of their most serious one. */
    private static Map<String, List<ReplySection>> byCall(List<DecodedDiagnostic> found, List<ReplySection> sorted) {
        Map<String, List<ReplySection>> byCall = new LinkedHashMap<>();
        for (ReplySection s : sorted) {
            String call = found.get(s.index()).callId().orElse("");
            byCall.computeIfAbsent(call, k -> new ArrayList<>()).add(s);
        }
        return byCall;
    }

    private List<DigestGroup> digest(Map<String, List<ReplySection>> byCall, boolean withCalls) {
        List<DigestGroup> groups = new ArrayList<>();
        int lines = 0;
        int total = byCall.values().stream().mapToInt(List::size).sum();
        for (Map.Entry<String, List<ReplySection>> call : byCall.entrySet()) {
            List<DigestLine> out = new ArrayList<>();
            for (ReplySection s : call.getValue()) {
                if (lines == MAX_DIGEST_LINES) {
                    break;
                }
                out.add(new DigestLine(s.index(), s.severity(), "#" + (s.index() + 1) + " " + s.label(), s.headline()));
                lines++;
            }
            if (out.isEmpty()) {
                break;
            }
            String title = !withCalls
                    ? ""
                    : call.getKey().isEmpty() ? "Not in a SIP message" : "Call " + shortCallId(line(call.getKey()));
            groups.add(new DigestGroup(title, out));
        }
        if (lines < total) {
            int rest = total - lines;
            groups.add(new DigestGroup(
                    "",
                    List.of(new DigestLine(
                            -1,
                            Severity.INFO,
                            "…",
                            rest + (rest == 1 ? " more diagnostic" : " more diagnostics")
                                    + ", less serious: the ticket lists them all"))));
        }
        return groups;
    }

    private List<Pick> picks(List<ReplySection> sorted) {
        List<Pick> picks = new ArrayList<>();
        for (ReplySection s : sorted) {
            if (picks.size() == MAX_PICKS) {
                break;
            }
            picks.add(new Pick(
                    s.index(),
                    s.severity(),
                    cut("#" + (s.index() + 1) + " " + s.label(), PICK_TEXT),
                    cut(s.headline(), PICK_TEXT)));
        }
        return picks;
    }

    /** Returns {@code s} within {@code limit} UTF-16 units, cut at a word with an ellipsis when longer. */
    private static String cut(String s, int limit) {
        if (s.length() <= limit) {
            return s;
        }
        int end = limit - 1;
        if (Character.isLowSurrogate(s.charAt(end))) {
            end--;
        }
        int space = s.lastIndexOf(' ', end);
        if (space > limit / 2) {
            end = space;
        }
        return s.substring(0, end).stripTrailing() + "…";
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

    /** Returns the footer: {@code first}, the legend of "(inferred)" when a shown step has it, the redaction. */
    private String footer(List<String> first, boolean inferredShown) {
        List<String> parts = new ArrayList<>(first);
        if (inferredShown) {
            parts.add(INFERRED_LEGEND);
        }
        if (redact) {
            parts.add(REDACTED);
        }
        return String.join(" ", parts);
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
