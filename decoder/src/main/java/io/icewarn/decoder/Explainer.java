package io.icewarn.decoder;

import io.icewarn.decoder.FlagMeaning.Expectation;
import io.icewarn.decoder.kb.CodeEntry;
import io.icewarn.decoder.kb.CodeRange;
import io.icewarn.decoder.kb.ContextEntry;
import io.icewarn.decoder.kb.FamilyEntry;
import io.icewarn.decoder.kb.FieldEntry;
import io.icewarn.decoder.kb.FlagEntry;
import io.icewarn.decoder.kb.KnowledgeBase;
import io.icewarn.decoder.kb.LookAlikeEntry;
import io.icewarn.decoder.kb.MediaEntry;
import io.icewarn.decoder.kb.UnhandledIds;
import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Endpoint;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.LookAlike;
import io.icewarn.decoder.model.PortRange;
import io.icewarn.decoder.model.QoeReport;
import io.icewarn.decoder.model.ServerDiagnostic;
import io.icewarn.decoder.model.TeamsDiagnostic;
import io.icewarn.decoder.remedy.Fact;
import io.icewarn.decoder.remedy.FlagContexts;
import io.icewarn.decoder.remedy.ReasonPhrases;
import io.icewarn.decoder.remedy.RuleEngine;
import io.icewarn.decoder.remedy.SeverityJudge;
import io.icewarn.decoder.remedy.Situation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds everything the knowledge base says about one diagnostic. Stateless and thread-safe. */
final class Explainer {
    private final KnowledgeBase kb;
    private final RuleEngine rules;
    private final FlagContexts contexts;
    private final ReasonPhrases phrases;
    private final TeamsExplainer teams;
    /** The note on location values, when the knowledge base infers them rather than citing them. */
    private final Optional<String> locationNote;

    Explainer(KnowledgeBase kb) {
        this.kb = kb;
        this.rules = new RuleEngine(kb);
        this.contexts = FlagContexts.of(kb);
        this.phrases = new ReasonPhrases(kb.phrases());
        this.teams = new TeamsExplainer(kb, rules, phrases, contexts);
        this.locationNote = kb.field("LocalLocation")
                .filter(f ->
                        f.confidence() == Confidence.INFERRED && !f.values().isEmpty())
                .map(f -> "Location values are inferred from real samples, not documented: "
                        + f.values().stream()
                                .map(v -> v.value() + " = " + v.label())
                                .collect(Collectors.joining("; "))
                        + ".");
    }

    DecodedDiagnostic explain(Diagnostic d) {
        if (d instanceof TeamsDiagnostic t) {
            return teams.explain(t);
        }
        Situation s = Situation.of(d, kb, phrases, contexts);
        Severity severity = SeverityJudge.judge(s);
        Optional<CodeExplanation> code = d instanceof LookAlike || d.code().isEmpty()
                ? Optional.empty()
                : Optional.of(explainCode(d.header(), d.code().getAsInt(), d.reason()));
        Optional<IceWarnExplanation> iceWarn =
                s.iceWarn().map(w -> explainIceWarn(w, d instanceof QoeReport, Optional.of(s)));
        List<FieldExplanation> fields = new ArrayList<>();
        for (Field f : d.fields().entries()) {
            fields.add(explainField(f));
        }
        RuleEngine.Checklist checklist =
                d instanceof LookAlike ? new RuleEngine.Checklist(List.of(), List.of()) : rules.checklist(s, severity);
        String verdict = verdict(s, code, iceWarn);
        return new DecodedDiagnostic(
                d,
                severity,
                verdict,
                code,
                iceWarn,
                fields,
                checklist.steps(),
                notes(s, code, iceWarn),
                summary(s, severity, code, iceWarn, verdict),
                checklist.remarks(),
                Optional.empty(),
                Optional.empty());
    }

    CodeExplanation explainCode(String header, int code) {
        return explainCode(header, code, Optional.empty());
    }

    /**
     * Returns what the knowledge base says of {@code code} under {@code header}; of the wordings releases
     * give it, the one {@code pastedReason} matches comes first, else the current release's.
     */
    CodeExplanation explainCode(String header, int code, Optional<String> pastedReason) {
        if (TeamsExplainer.handles(header)) {
            return teams.explainCode(header, code);
        }
        List<CodeEntry> entries = kb.codes(header, code);
        String lower = header.toLowerCase(Locale.ROOT);
        boolean server = lower.startsWith("ms-diagnostics") || lower.equals("x-ms-sdp-diagnostics");
        if (entries.isEmpty() && server) {
            entries = kb.codes("ms-diagnostics", code);
            if (entries.isEmpty()) {
                entries = kb.codes("ms-diagnostics-public", code);
            }
        }
        Optional<CodeRange> range = kb.range(header, code);
        Optional<UnhandledIds> unhandled =
                lower.startsWith("ms-diagnostics") ? kb.unhandledByClient(code) : Optional.empty();
        if (!entries.isEmpty()) {
            CodeEntry e = matchingWording(entries, pastedReason);
            List<CodeExplanation.Wording> others = new ArrayList<>();
            for (CodeEntry other : entries) {
                if (other != e && other.reason() != null && !other.reason().equals(e.reason())) {
                    others.add(new CodeExplanation.Wording(other.reason(), other.releases(), other.sources()));
                }
            }
            return new CodeExplanation(
                    e.header(),
                    code,
                    true,
                    Optional.ofNullable(e.reason()),
                    e.meaning() != null ? e.meaning() : tableMeaning(e, range),
                    range.map(CodeRange::area),
                    Optional.ofNullable(e.family()),
                    Severity.valueOf(e.severity().toUpperCase(Locale.ROOT)),
                    withSources(e.sources(), unhandled),
                    e.confidence(),
                    e.releases(),
                    Optional.ofNullable(e.carriedIn()),
                    unhandled.isPresent(),
                    others,
                    kb.family(e.family()).map(FamilyEntry::situation));
        }
        return new CodeExplanation(
                header,
                code,
                false,
                Optional.empty(),
                range.map(CodeRange::area).orElse(""),
                range.map(CodeRange::area),
                Optional.empty(),
                Severity.FAILURE,
                withSources(range.map(CodeRange::sources).orElse(List.of()), unhandled),
                range.map(CodeRange::confidence).orElse(Confidence.INFERRED),
                List.of(),
                Optional.empty(),
                unhandled.isPresent(),
                List.of());
    }

    /** Returns the entry whose reason {@code pastedReason} is (case and final full stop aside), else the first. */
    private static CodeEntry matchingWording(List<CodeEntry> entries, Optional<String> pastedReason) {
        if (pastedReason.isPresent() && entries.size() > 1) {
            String pasted = comparable(pastedReason.get());
            for (CodeEntry e : entries) {
                if (e.reason() != null && comparable(e.reason()).equals(pasted)) {
                    return e;
                }
            }
        }
        return entries.get(0);
    }

    private static String comparable(String reason) {
        String r = reason.strip().toLowerCase(Locale.ROOT);
        return r.endsWith(".") ? r.substring(0, r.length() - 1) : r;
    }

    /** Returns the meaning of a table row with no words of our own: its area and its reason. */
    private static String tableMeaning(CodeEntry e, Optional<CodeRange> range) {
        if (e.reason() == null) {
            return range.map(CodeRange::area).orElse("");
        }
        return range.map(r -> capitalised(r.area()) + ": " + e.reason()).orElse(e.reason());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<String> withSources(List<String> sources, Optional<UnhandledIds> unhandled) {
        if (unhandled.isEmpty()) {
            return sources;
        }
        List<String> all = new ArrayList<>(sources);
        unhandled.get().sources().stream().filter(k -> !all.contains(k)).forEach(all::add);
        return all;
    }

    /**
     * Returns the bits of {@code value}, each judged in {@code situation} when given (else as the Resource
     * Kit judges it).
     */
    IceWarnExplanation explainIceWarn(IceWarn value, boolean qoeElement, Optional<Situation> situation) {
        List<FlagMeaning> flags = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (long bit : value.setBits()) {
            Optional<FlagEntry> e = kb.flag(bit);
            if (e.isEmpty()) {
                unknown.add(bit);
            } else {
                Optional<ContextEntry> context = situation.flatMap(s -> contexts.context(s, bit));
                flags.add(meaning(bit, e.get(), context));
                if (e.get().expectationValue() == Expectation.UNKNOWN) {
                    unknown.add(bit);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (value.value() == 0) {
            kb.flag(0).ifPresent(z -> notes.add("0x0: " + z.label()));
        }
        if (value.radix() == IceWarn.Radix.DECIMAL && value.value() != 0) {
            String hexReading = IceWarn.parse("0x" + value.raw())
                    .map(h -> "; written as hex it would be " + h.hex())
                    .orElse("");
            notes.add((qoeElement ? "IceWarningFlags" : "The value") + " was read as decimal " + value.value() + " = "
                    + value.hex() + hexReading);
        }
        return new IceWarnExplanation(
                value, flags, unknown, notes.isEmpty() ? Optional.empty() : Optional.of(String.join(". ", notes)));
    }

    private static FlagMeaning meaning(long bit, FlagEntry e, Optional<ContextEntry> context) {
        if (context.isEmpty()) {
            return new FlagMeaning(
                    bit,
                    e.label(),
                    e.expectationValue(),
                    e.guidance(),
                    e.sources(),
                    e.confidence(),
                    e.brief(),
                    e.expectationValue(),
                    "");
        }
        ContextEntry c = context.get();
        Set<String> sources = new LinkedHashSet<>(e.sources());
        sources.addAll(c.sources());
        return new FlagMeaning(
                bit,
                e.label(),
                e.expectationValue(),
                e.guidance(),
                List.copyOf(sources),
                e.confidence(),
                e.brief(),
                FlagEntry.expectation(c.expectation()),
                c.guidance());
    }

    private FieldExplanation explainField(Field f) {
        Optional<FieldEntry> entry = kb.field(f.key());
        if (entry.isEmpty()) {
            return new FieldExplanation(
                    f.key(), f.value(), false, "", Optional.empty(), List.of(), Confidence.INFERRED);
        }
        FieldEntry e = entry.get();
        Optional<String> valueMeaning = valueLabel(e, f.value().strip());
        if (valueMeaning.isEmpty()) {
            valueMeaning = typedValueMeaning(f);
        }
        return new FieldExplanation(
                f.key(),
                f.value(),
                true,
                e.meaning(),
                valueMeaning,
                e.sources(),
                e.confidence(),
                Boolean.TRUE.equals(e.evidence()));
    }

    /** Returns the label the knowledge base gives {@code value} (ignoring case) of field {@code e}, if any. */
    private static Optional<String> valueLabel(FieldEntry e, String value) {
        for (FieldEntry.ValueEntry v : e.values()) {
            if (v.value().equalsIgnoreCase(value)) {
                return Optional.of(v.label());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> typedValueMeaning(Field f) {
        String key = f.key().toLowerCase(Locale.ROOT);
        if (f.value().isBlank()) {
            return Optional.of("empty (removed before pasting, or not allocated)");
        }
        if (key.equals("portrange")) {
            return PortRange.parse(f.value()).map(r -> r.size() + (r.size() == 1 ? " port" : " ports"));
        }
        if (key.endsWith("site") || key.endsWith("mr") || key.equals("baseaddress")) {
            return Endpoint.parse(f.value())
                    .flatMap(ep -> ep.isPrivateIpv4()
                            ? Optional.of("private address")
                            : ep.isPublicIpv4() ? Optional.of("public address") : Optional.empty());
        }
        return Optional.empty();
    }

    private String verdict(Situation s, Optional<CodeExplanation> code, Optional<IceWarnExplanation> iceWarn) {
        Diagnostic d = s.diagnostic();
        if (d instanceof LookAlike la) {
            Optional<LookAlikeEntry> byCode = kb.lookAlikes().stream()
                    .filter(e -> e.header().equalsIgnoreCase(la.header())
                            && e.code() != null
                            && la.code().isPresent()
                            && e.code() == la.code().getAsInt())
                    .findFirst();
            Optional<LookAlikeEntry> byHeader = kb.lookAlikes().stream()
                    .filter(e -> e.header().equalsIgnoreCase(la.header()) && e.code() == null)
                    .findFirst();
            String product =
                    byCode.or(() -> byHeader).map(LookAlikeEntry::product).orElse("another product");
            String meaning = byCode.map(LookAlikeEntry::meaning)
                    .or(() -> byHeader.map(LookAlikeEntry::meaning))
                    .orElse("");
            return ("Not a Lync / Skype for Business SIP diagnostic: " + la.header() + " comes from " + product + ". "
                            + meaning)
                    .strip();
        }
        StringBuilder v = new StringBuilder();
        if (code.isPresent()) {
            CodeExplanation c = code.get();
            if (c.known()) {
                v.append(c.meaning());
            } else {
                unknownCodeVerdict(s, c, v);
            }
        } else if (d instanceof QoeReport q) {
            v.append("QoE connectivity report");
            q.ice().ifPresent(i -> v.append(": media path ").append(i));
            v.append('.');
        } else if (d instanceof ClientDiagnostic) {
            v.append("Media diagnostics without their header.");
        }
        if (Fact.PROVISIONAL_RESPONSE.holds(s)) {
            v.append(" Carried by a provisional (1xx) response: informational, not a failure.");
        }
        iceWarn.ifPresent(w -> {
            List<String> faults = w.flags().stream()
                    .filter(f -> !f.benignInContext())
                    .map(f -> f.label() + " (" + IceWarn.hex(f.bit()) + ")")
                    .collect(Collectors.toList());
            if (!faults.isEmpty()) {
                v.append(" ICE warnings to look at: ")
                        .append(String.join("; ", faults))
                        .append('.');
            } else if (!w.flags().isEmpty() && w.unknownBits().isEmpty()) {
                v.append(
                        Fact.CALL_SUCCEEDED.holds(s) || Fact.PROVISIONAL_RESPONSE.holds(s)
                                ? " The ICE warnings only describe paths that were tried."
                                : " Only ICE warnings the Resource Kit calls expected.");
            }
        });
        return v.toString().strip();
    }

    /** The name of a failure's subject when the media is not known. */
    private static final String THE_CALL = "The call";

    /**
     * Returns one line in plain words: what failed (the media and the family's situation, or the reason)
     * and, unless it is informational, the strongest cause among the bits that are problems here.
     */
    private String summary(
            Situation s,
            Severity severity,
            Optional<CodeExplanation> code,
            Optional<IceWarnExplanation> iceWarn,
            String verdict) {
        Diagnostic d = s.diagnostic();
        if (d instanceof LookAlike) {
            int end = verdict.indexOf(". ");
            return end < 0 ? stripPeriod(verdict) : verdict.substring(0, end);
        }
        Optional<String> reason = d.reason()
                .filter(r -> !r.isBlank())
                .or(() -> code.flatMap(CodeExplanation::reason))
                .map(Explainer::stripPeriod);
        Optional<String> media = s.media().map(MediaEntry::name);
        Optional<FamilyEntry> family = s.family().flatMap(kb::family);
        StringBuilder line = new StringBuilder();
        Optional<String> fromFamily = family.flatMap(f -> fillSummary(f, media.orElse(THE_CALL), reason));
        if (fromFamily.isPresent()) {
            line.append(fromFamily.get());
        } else if (d instanceof QoeReport q) {
            line.append("QoE report");
            q.ice().ifPresent(i -> {
                line.append(" (ICE ").append(i.strip()).append(')');
                kb.field("Ice")
                        .flatMap(f -> valueLabel(f, i.strip()))
                        .ifPresent(label -> line.append(": ").append(label));
            });
        } else if (d.code().isPresent()) {
            line.append(reason.orElse(d.header() + " " + d.code().getAsInt()));
            if (d instanceof ServerDiagnostic sd) {
                sd.source()
                        .filter(x -> !x.isBlank())
                        .ifPresent(x -> line.append(" (at ").append(x).append(')'));
            }
            if (severity == Severity.INFO) {
                line.append(
                        Fact.PROVISIONAL_RESPONSE.holds(s)
                                ? ": a progress report, not a failure"
                                : ": informational, not a failure");
            }
        } else {
            line.append(media.map(m -> m + ": ").orElse(""));
            line.append(d instanceof ClientDiagnostic ? "media diagnostics without their header" : d.header());
        }
        if (severity != Severity.INFO) {
            cause(s, iceWarn).ifPresent(c -> line.append("; ").append(c));
        }
        String text = line.toString().strip();
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Returns the family's summary for {@code media}, or empty when it needs a reason there is none of. */
    private static Optional<String> fillSummary(FamilyEntry f, String media, Optional<String> reason) {
        String text = f.summary().replace("{Media}", media).replace("{situation}", f.situation());
        if (text.contains("{reason}")) {
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            text = text.replace("{reason}", reason.get());
        }
        return Optional.of(text);
    }

    /** Returns the cause of the bit that best explains a failure here: the lowest cause rank among problems. */
    private Optional<String> cause(Situation s, Optional<IceWarnExplanation> iceWarn) {
        if (iceWarn.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (FlagMeaning f : iceWarn.get().flags()) {
            if (f.inContext() != Expectation.PROBLEM) {
                continue;
            }
            Optional<ContextEntry> context = contexts.context(s, f.bit());
            String cause = context.isPresent() ? context.get().cause() : null;
            Integer rank = context.isPresent() ? context.get().causeRank() : null;
            if (cause == null) {
                Optional<FlagEntry> e = kb.flag(f.bit());
                cause = e.map(FlagEntry::cause).orElse(null);
                rank = e.map(FlagEntry::causeRank).orElse(null);
            }
            if (cause != null && rank != null && rank < bestRank) {
                best = cause;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String stripPeriod(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /**
     * Writes what the paste itself says of an ID no table lists: its reason, the server that raised it, the
     * SIP status, the range, and what the reason's words point to.
     */
    private void unknownCodeVerdict(Situation s, CodeExplanation c, StringBuilder v) {
        Diagnostic d = s.diagnostic();
        v.append("No public table lists ").append(c.header()).append(' ').append(c.code());
        Optional<String> reason = d.reason().map(String::strip).filter(r -> !r.isEmpty());
        reason.ifPresent(
                r -> v.append("; the reason it carries is \"").append(r).append('"'));
        v.append('.');
        Optional<String> source = d instanceof ServerDiagnostic sd ? sd.source() : Optional.empty();
        if (source.isPresent() || d.sipStatus().isPresent()) {
            v.append(source.isPresent() ? " Raised by " + source.get() : " Sent");
            d.sipStatus().ifPresent(st -> v.append(" in a SIP ").append(st).append(" response"));
            v.append('.');
        }
        Optional<CodeRange> range = kb.range(c.header(), c.code());
        if (range.isPresent()) {
            v.append(" Its ID is in the range for ")
                    .append(range.get().area())
                    .append(" (")
                    .append(range.get().from())
                    .append('\u2013')
                    .append(range.get().to())
                    .append(").");
        } else {
            v.append(" No public source gives a range for it.");
        }
        if (!s.phrases().isEmpty()) {
            v.append(reason.isPresent() ? " The reason points to " : " The SIP status points to ")
                    .append(s.phrases().get(0).gist())
                    .append('.');
        }
    }

    private List<String> notes(Situation s, Optional<CodeExplanation> code, Optional<IceWarnExplanation> iceWarn) {
        List<String> notes = new ArrayList<>();
        code.filter(CodeExplanation::notHandledByClient)
                .ifPresent(c -> notes.add("[MS-OCER] 9.3.2 lists " + c.code()
                        + " among the IDs the client does not handle: the user saw a generic error message, not"
                        + " one naming this cause."));
        code.filter(c -> !c.otherWordings().isEmpty() && c.releases().equals(List.of("earlier")))
                .filter(c -> s.diagnostic().reason().isPresent()
                        && c.reason()
                                .map(r -> comparable(r)
                                        .equals(comparable(
                                                s.diagnostic().reason().get())))
                                .orElse(false))
                .ifPresent(c -> notes.add("The reason is worded as in [MS-OCER] section 8 (releases before the"
                        + " current one), not as in section 7."));
        iceWarn.flatMap(IceWarnExplanation::note).ifPresent(notes::add);
        iceWarn.ifPresent(w -> {
            List<String> undefined = w.unknownBits().stream().map(IceWarn::hex).collect(Collectors.toList());
            if (!undefined.isEmpty()) {
                notes.add("No public source defines ICEWarn bit(s) " + String.join(", ", undefined)
                        + "; they are shown as unknown.");
            }
        });
        if (s.diagnostic() instanceof QoeReport && s.iceWarn().isPresent()) {
            notes.add("Decoded with the Resource Kit bit layout; an OCS 2007-era client's QoE report may use the"
                    + " older MS-QoE layout.");
        }
        if (Fact.HAS_ICE_WARN_EX.holds(s)) {
            notes.add("ICEWarnEx has no public documentation; its value is shown as written.");
        }
        if (s.info().localLocation().isPresent() || s.info().remoteLocation().isPresent()) {
            locationNote.ifPresent(notes::add);
        }
        if (Fact.ADDRESSES_SCRUBBED.holds(s)) {
            notes.add("Some address fields are empty (removed before pasting, or never allocated).");
        }
        return notes;
    }
}
