package io.icewarn.decoder;

import io.icewarn.decoder.kb.CodeRange;
import io.icewarn.decoder.kb.FieldEntry;
import io.icewarn.decoder.kb.KnowledgeBase;
import io.icewarn.decoder.kb.Q850Entry;
import io.icewarn.decoder.kb.SipCodeEntry;
import io.icewarn.decoder.kb.TeamsCodeEntry;
import io.icewarn.decoder.kb.TeamsKnowledge;
import io.icewarn.decoder.kb.TeamsStructure;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.TeamsDiagnostic;
import io.icewarn.decoder.remedy.FlagContexts;
import io.icewarn.decoder.remedy.ReasonPhrases;
import io.icewarn.decoder.remedy.RuleEngine;
import io.icewarn.decoder.remedy.SeverityJudge;
import io.icewarn.decoder.remedy.Situation;
import io.icewarn.decoder.remedy.TeamsEntries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Explains Teams Direct Routing diagnostics and codes: Microsoft response codes (their documented rows, else
 * their structure), SIP response codes and Q.850 causes, each in its own namespace. Stateless and thread-safe.
 */
final class TeamsExplainer {
    /** Field keys (as the knowledge base writes them) whose value is a final SIP code. */
    private static final Set<String> SIP_FIELDS = Set.of("Final SIP code", "CallEndReason", "ParticipantEndReason");

    /** Field keys whose value is a Microsoft response code. */
    private static final Set<String> MICROSOFT_FIELDS =
            Set.of("Final Microsoft subcode", "CallEndSubReason", "ParticipantEndSubCode");

    /** How many other documented forms of a code an explanation lists. */
    private static final int MAX_OTHER_FORMS = 3;

    private final KnowledgeBase kb;
    private final TeamsKnowledge teams;
    private final RuleEngine rules;
    private final FlagContexts contexts;
    private final ReasonPhrases phrases;

    TeamsExplainer(KnowledgeBase kb, RuleEngine rules, ReasonPhrases phrases, FlagContexts contexts) {
        this.kb = kb;
        this.teams = kb.teams();
        this.rules = rules;
        this.phrases = phrases;
        this.contexts = contexts;
    }

    /** Returns true when {@code header} names a namespace of this family ({@code teams-direct-routing}, {@code Q.850}, {@code SIP}). */
    static boolean handles(String header) {
        return header.equalsIgnoreCase(TeamsDiagnostic.HEADER)
                || header.equalsIgnoreCase(TeamsDiagnostic.Q850_HEADER)
                || header.equalsIgnoreCase(TeamsEntries.SIP_HEADER);
    }

    DecodedDiagnostic explain(TeamsDiagnostic d) {
        Situation s = Situation.of(d, kb, phrases, contexts);
        Severity severity = SeverityJudge.judge(s);
        TeamsExplanation t = explanation(d);
        Optional<CodeExplanation> code = Optional.empty();
        if (d.shape() == Shape.Q850_REASON) {
            code = Optional.of(
                    explainCode(TeamsDiagnostic.Q850_HEADER, d.q850Cause().getAsInt()));
        } else if (d.microsoftCode().isPresent()) {
            code = Optional.of(microsoftCode(d.microsoftCode().getAsInt(), d.sipCode(), d.phrase()));
        }
        List<FieldExplanation> fields = new ArrayList<>();
        for (Field f : d.fields().entries()) {
            fields.add(field(f, t));
        }
        RuleEngine.Checklist checklist = rules.checklist(s, severity);
        return new DecodedDiagnostic(
                d,
                severity,
                verdict(d, t, code),
                code,
                Optional.empty(),
                fields,
                checklist.steps(),
                notes(d, t),
                summary(d, severity, code),
                checklist.remarks(),
                Optional.empty(),
                Optional.of(t));
    }

    /**
     * Returns one line in plain words: how the call ended (the documented phrase of its Microsoft code, or the
     * Q.850 cause) and the SIP response, e.g. {@code Direct Routing call failed: Get Outbound routing - No viable
     * path (SIP 403)}.
     */
    private String summary(TeamsDiagnostic d, Severity severity, Optional<CodeExplanation> code) {
        StringBuilder line = new StringBuilder(
                severity == Severity.FAILURE ? "Direct Routing call failed" : "Direct Routing call ended");
        if (d.shape() == Shape.Q850_REASON) {
            line.append(": Q.850 cause ").append(d.q850Cause().getAsInt());
            code.flatMap(CodeExplanation::reason)
                    .ifPresent(r -> line.append(" (").append(r).append(')'));
            d.sipCode().ifPresent(sip -> line.append(", SIP ").append(sipWords(sip)));
            return line.toString();
        }
        Optional<String> phrase = code.filter(CodeExplanation::known)
                .flatMap(CodeExplanation::reason)
                .or(() -> d.phrase())
                .filter(p -> !p.isBlank());
        String sip = d.sipCode().isPresent() ? sipWords(d.sipCode().getAsInt()) : "";
        phrase.ifPresent(p -> line.append(": ").append(withoutSipPhrase(p.strip(), sip)));
        if (!sip.isEmpty()) {
            line.append(" (SIP ").append(sip).append(')');
        }
        return line.toString();
    }

    /** Returns what {@code code} means in the namespace {@code header} (one {@link #handles} accepts). */
    CodeExplanation explainCode(String header, int code) {
        if (header.equalsIgnoreCase(TeamsDiagnostic.Q850_HEADER)) {
            Optional<Q850Entry> e = teams.q850(code);
            if (e.isEmpty()) {
                return unknown(
                        TeamsDiagnostic.Q850_HEADER,
                        code,
                        "Q.850 defines no cause " + code + " that a source here lists.",
                        List.of("T28"));
            }
            Q850Entry c = e.get();
            return new CodeExplanation(
                    TeamsDiagnostic.Q850_HEADER,
                    code,
                    true,
                    Optional.of(c.name()),
                    c.meaning(),
                    Optional.of("ITU-T Q.850 cause value"),
                    Optional.of(c.family()),
                    severity(c.severity()),
                    c.sources(),
                    c.confidence());
        }
        if (header.equalsIgnoreCase(TeamsEntries.SIP_HEADER)) {
            Optional<SipCodeEntry> e = teams.sip(code);
            if (e.isEmpty()) {
                return unknown(
                        TeamsEntries.SIP_HEADER,
                        code,
                        "No source here defines SIP response code " + code + ".",
                        List.of("T25", "T29"));
            }
            return new CodeExplanation(
                    TeamsEntries.SIP_HEADER,
                    code,
                    true,
                    Optional.of(e.get().phrase()),
                    e.get().meaning(),
                    Optional.of(sipClass(code)),
                    Optional.ofNullable(e.get().family()),
                    severity(e.get().severity()),
                    e.get().sources(),
                    e.get().confidence());
        }
        return microsoftCode(code, OptionalInt.empty(), Optional.empty());
    }

    /**
     * Returns what Microsoft response code {@code code} means, with the row that fits the SIP code and phrase
     * pasted with it; an undocumented code is read by its structure when it has one.
     */
    private CodeExplanation microsoftCode(int code, OptionalInt sip, Optional<String> phrase) {
        Optional<TeamsKnowledge.Match> match = teams.match(code, sip, phrase);
        Optional<TeamsStructure.Reading> reading = teams.structure().read(code);
        Optional<String> area = reading.map(TeamsExplainer::origin);
        if (match.isPresent()) {
            TeamsCodeEntry e = match.get().entry();
            StringBuilder meaning = new StringBuilder(e.meaning());
            if (sip.isEmpty() && phrase.isEmpty()) {
                appendOtherForms(meaning, e, teams.rows(code));
            }
            List<String> sources = new ArrayList<>(e.sources());
            reading.ifPresent(r -> addAll(sources, teams.structure().sources()));
            return new CodeExplanation(
                    TeamsDiagnostic.HEADER,
                    code,
                    true,
                    Optional.of(e.phrase()),
                    meaning.toString(),
                    area,
                    Optional.ofNullable(e.family()),
                    severity(e.severity()),
                    List.copyOf(new LinkedHashSet<>(sources)),
                    e.confidence());
        }
        if (reading.isPresent()) {
            TeamsStructure.Reading r = reading.get();
            OptionalInt sipCode = TeamsEntries.sipCodeOf(r, sip);
            String meaning = "Microsoft lists no code " + code + ". By its structure (5 X Y ZZZ): "
                    + r.documentedModule().meaning()
                    + (r.detailIsSipCode() ? " Here that is " + sipWords(r.detail()) + "." : "");
            return new CodeExplanation(
                    TeamsDiagnostic.HEADER,
                    code,
                    false,
                    sipCode.isPresent() ? teams.sip(sipCode.getAsInt()).map(SipCodeEntry::phrase) : Optional.empty(),
                    meaning,
                    area,
                    sipCode.isPresent() ? teams.sip(sipCode.getAsInt()).map(SipCodeEntry::family) : Optional.empty(),
                    severity(
                            sipCode.isPresent()
                                    ? teams.sip(sipCode.getAsInt())
                                            .map(SipCodeEntry::severity)
                                            .orElse(TeamsEntries.severityOf(sipCode.getAsInt()))
                                    : "failure"),
                    teams.structure().sources(),
                    teams.structure().confidence());
        }
        return unknown(
                TeamsDiagnostic.HEADER,
                code,
                "Microsoft lists no code " + code + ", and it does not have the documented six-digit structure"
                        + " (5 X Y ZZZ), so nothing is known about it beyond the SIP code it came with.",
                List.of("T1", "T2"));
    }

    private static void appendOtherForms(StringBuilder meaning, TeamsCodeEntry shown, List<TeamsCodeEntry> rows) {
        List<String> others = new ArrayList<>();
        for (TeamsCodeEntry r : rows) {
            if (r != shown) {
                others.add("SIP " + r.sip() + " " + r.phrase());
            }
        }
        if (others.isEmpty()) {
            return;
        }
        meaning.append(" Also documented as: ");
        meaning.append(String.join("; ", others.subList(0, Math.min(MAX_OTHER_FORMS, others.size()))));
        if (others.size() > MAX_OTHER_FORMS) {
            meaning.append("; and ").append(others.size() - MAX_OTHER_FORMS).append(" more");
        }
        meaning.append('.');
    }

    private static CodeExplanation unknown(String header, int code, String meaning, List<String> sources) {
        return new CodeExplanation(
                header,
                code,
                false,
                Optional.empty(),
                meaning,
                Optional.empty(),
                Optional.empty(),
                Severity.FAILURE,
                sources,
                Confidence.INFERRED);
    }

    private TeamsExplanation explanation(TeamsDiagnostic d) {
        boolean q850 = d.shape() == Shape.Q850_REASON;
        OptionalInt ms = q850 ? OptionalInt.empty() : d.microsoftCode();
        Optional<TeamsKnowledge.Match> match =
                ms.isPresent() ? teams.match(ms.getAsInt(), d.sipCode(), d.phrase()) : Optional.empty();
        Optional<TeamsStructure.Reading> reading =
                ms.isPresent() ? teams.structure().read(ms.getAsInt()) : Optional.empty();
        OptionalInt sip = d.sipCode();
        if (sip.isEmpty() && reading.isPresent()) {
            sip = TeamsEntries.sipCodeOf(reading.get(), sip);
        }
        Optional<TeamsExplanation.Structure> structure = reading.map(r -> new TeamsExplanation.Structure(
                r.documentedModule().origin(),
                r.module(),
                r.source(),
                r.detail(),
                r.detailIsSipCode(),
                r.documentedModule().meaning(),
                teams.structure().unknown(),
                teams.structure().sources()));
        Optional<TeamsExplanation.Q850> cause =
                q850 ? Optional.of(cause(d.q850Cause().getAsInt())) : Optional.empty();
        OptionalInt matched = TeamsEntries.phraseRow(d, teams)
                .map(r -> OptionalInt.of(r.code()))
                .orElse(OptionalInt.empty());
        return new TeamsExplanation(
                ms,
                ms.isPresent() && !teams.rows(ms.getAsInt()).isEmpty(),
                match.map(m -> m.entry().phrase()),
                structure,
                sip,
                sip.isPresent() ? teams.sip(sip.getAsInt()).map(SipCodeEntry::phrase) : Optional.empty(),
                cause,
                d.correlationId(),
                matched);
    }

    private TeamsExplanation.Q850 cause(int value) {
        Optional<Q850Entry> e = teams.q850(value);
        return new TeamsExplanation.Q850(
                value,
                e.map(Q850Entry::name).orElse(""),
                e.map(Q850Entry::sip).map(OptionalInt::of).orElse(OptionalInt.empty()),
                e.map(Q850Entry::sources).orElse(List.of("T28")));
    }

    private String verdict(TeamsDiagnostic d, TeamsExplanation t, Optional<CodeExplanation> code) {
        StringBuilder v = new StringBuilder();
        if (d.shape() == Shape.Q850_REASON) {
            TeamsExplanation.Q850 c = t.q850().get();
            String cause = "Q.850 cause " + c.cause() + (c.name().isEmpty() ? "" : " (" + c.name() + ")");
            if (d.sipCode().isPresent()) {
                v.append("SIP ")
                        .append(sipWords(d.sipCode().getAsInt()))
                        .append(", with ")
                        .append(cause);
                v.append(" in its Reason header.");
            } else {
                v.append(cause).append(" in a Reason header.");
            }
            Optional<TeamsCodeEntry> row = TeamsEntries.phraseRow(d, teams);
            if (row.isPresent()) {
                v.append(" The reason text is the documented phrase of Teams code ")
                        .append(row.get().code())
                        .append(": ")
                        .append(row.get().meaning());
            } else if (d.correlationId().isPresent() && d.phrase().isPresent()) {
                v.append(" The reason Teams wrote after the correlation ID says more than the cause: ")
                        .append(d.phrase().get())
                        .append(end(d.phrase().get()));
            } else {
                code.filter(CodeExplanation::known).ifPresent(e -> v.append(' ').append(e.meaning()));
                d.phrase().ifPresent(p -> v.append(" Reason text: ").append(p).append(end(p)));
            }
            return v.toString();
        }
        if (d.microsoftCode().isEmpty()) {
            int sip = d.sipCode().getAsInt();
            return "The call ended with SIP " + sipWords(sip) + "; no Microsoft response code was pasted, so"
                    + " whether Microsoft or the SBC ended it is not known.";
        }
        CodeExplanation c = code.get();
        int ms = d.microsoftCode().getAsInt();
        if (c.known()) {
            v.append(c.meaning());
        } else {
            v.append(c.meaning());
            if (t.structure().isEmpty() && d.sipCode().isPresent()) {
                v.append(" The call ended with SIP ")
                        .append(sipWords(d.sipCode().getAsInt()))
                        .append('.');
            }
            return v.toString();
        }
        t.structure().ifPresent(st -> {
            if (st.detailIsSipCode()) {
                v.append(" The SBC sent the final response (")
                        .append(ms)
                        .append(": SIP ")
                        .append(sipWords(st.detail()))
                        .append(").");
            } else {
                v.append(" A Microsoft service produced the final response.");
            }
        });
        return v.toString();
    }

    private List<String> notes(TeamsDiagnostic d, TeamsExplanation t) {
        List<String> notes = new ArrayList<>();
        if (d.shape() != Shape.Q850_REASON && d.microsoftCode().isPresent()) {
            int ms = d.microsoftCode().getAsInt();
            Optional<CodeRange> lync = kb.range("ms-diagnostics", ms);
            if (lync.isPresent()) {
                notes.add(ms + " is a Teams Direct Routing Microsoft response code here, not the ms-diagnostics ID "
                        + ms + " of the " + lync.get().area() + " range: the two are unrelated.");
            }
            List<TeamsCodeEntry> rows = teams.rows(ms);
            Optional<TeamsKnowledge.Match> match = teams.match(ms, d.sipCode(), d.phrase());
            if (match.isPresent() && d.sipCode().isPresent() && !match.get().sipMatches()) {
                notes.add("Code " + ms + " is documented with SIP "
                        + match.get().entry().sip() + ", not with the SIP "
                        + d.sipCode().getAsInt() + " pasted; the meaning shown is that row's.");
            }
            if (match.isPresent() && !match.get().phraseMatches() && distinctPhrases(rows, match.get()) > 1) {
                notes.add("Code " + ms + " is documented with " + distinctPhrases(rows, match.get())
                        + " phrases for this SIP code; without the final SIP phrase the first is shown.");
            }
            if (match.isPresent() && match.get().entry().sources().equals(List.of("T21"))) {
                notes.add("This code is documented for Azure Communication Services direct routing; Teams Direct"
                        + " Routing is assumed to use it alike.");
            }
            if (rows.isEmpty()) {
                t.structure().ifPresent(st -> notes.add(st.unknown()));
            }
        }
        if (d.shape() == Shape.Q850_REASON) {
            t.correlationId()
                    .ifPresent(id -> notes.add("Teams correlation ID " + id + ": give it to Microsoft Support."));
            t.q850()
                    .flatMap(c -> c.name().isEmpty() ? Optional.of(c) : Optional.empty())
                    .ifPresent(c -> notes.add("No source here lists Q.850 cause " + c.cause() + "."));
        }
        return notes;
    }

    private static int distinctPhrases(List<TeamsCodeEntry> rows, TeamsKnowledge.Match match) {
        int n = 0;
        for (TeamsCodeEntry r : rows) {
            if (r.sip() == match.entry().sip()) {
                n++;
            }
        }
        return n;
    }

    private FieldExplanation field(Field f, TeamsExplanation t) {
        Optional<FieldEntry> entry = teams.field(f.key());
        if (entry.isEmpty()) {
            return new FieldExplanation(
                    f.key(), f.value(), false, "", Optional.empty(), List.of(), Confidence.INFERRED);
        }
        FieldEntry e = entry.get();
        Optional<String> words = Optional.empty();
        OptionalInt number = number(f.value());
        if (number.isPresent() && SIP_FIELDS.contains(e.key())) {
            words = teams.sip(number.getAsInt()).map(SipCodeEntry::phrase);
        } else if (number.isPresent() && MICROSOFT_FIELDS.contains(e.key())) {
            words = teams.structure().read(number.getAsInt()).map(TeamsExplainer::origin);
        } else if (number.isPresent() && e.key().equals("cause")) {
            words = teams.q850(number.getAsInt()).map(Q850Entry::name);
        }
        return new FieldExplanation(f.key(), f.value(), true, e.meaning(), words, e.sources(), e.confidence());
    }

    /** Returns who produced the final response by a structure reading, in words. */
    private static String origin(TeamsStructure.Reading r) {
        return r.detailIsSipCode()
                ? "final response from the SBC (SIP " + r.detail() + ")"
                : "final response from a Microsoft module (module " + r.module() + ", source " + r.source() + ")";
    }

    /** Returns {@code phrase} without a closing {@code (Forbidden)} that repeats the phrase of {@code sipWords}. */
    private static String withoutSipPhrase(String phrase, String sipWords) {
        int space = sipWords.indexOf(' ');
        if (space < 0 || !phrase.endsWith(")")) {
            return phrase;
        }
        String tail = " (" + sipWords.substring(space + 1) + ")";
        return phrase.regionMatches(true, phrase.length() - tail.length(), tail, 0, tail.length())
                ? phrase.substring(0, phrase.length() - tail.length())
                : phrase;
    }

    private String sipWords(int sip) {
        return sip + teams.sip(sip).map(e -> " " + e.phrase()).orElse("");
    }

    private static String sipClass(int code) {
        if (code < 200) {
            return "provisional response (1xx)";
        }
        if (code < 300) {
            return "success (2xx)";
        }
        if (code < 400) {
            return "redirection (3xx)";
        }
        if (code < 500) {
            return "request failure (4xx)";
        }
        return code < 600 ? "server failure (5xx)" : "global failure (6xx)";
    }

    private static Severity severity(String label) {
        return Severity.valueOf(label.toUpperCase(Locale.ROOT));
    }

    private static OptionalInt number(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 9) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < v.length(); i++) {
            if (!Character.isDigit(v.charAt(i)) || v.charAt(i) > '9') {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Integer.parseInt(v));
    }

    private static void addAll(List<String> into, List<String> keys) {
        for (String k : keys) {
            if (!into.contains(k)) {
                into.add(k);
            }
        }
    }

    private static String end(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? "" : ".";
    }
}
