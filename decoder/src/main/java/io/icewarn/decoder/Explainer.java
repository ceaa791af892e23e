package io.icewarn.decoder;

import io.icewarn.decoder.FlagMeaning.Expectation;
import io.icewarn.decoder.kb.CodeEntry;
import io.icewarn.decoder.kb.CodeRange;
import io.icewarn.decoder.kb.FieldEntry;
import io.icewarn.decoder.kb.FlagEntry;
import io.icewarn.decoder.kb.KnowledgeBase;
import io.icewarn.decoder.kb.LookAlikeEntry;
import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.Endpoint;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.LookAlike;
import io.icewarn.decoder.model.PortRange;
import io.icewarn.decoder.model.QoeReport;
import io.icewarn.decoder.model.TeamsDiagnostic;
import io.icewarn.decoder.remedy.Fact;
import io.icewarn.decoder.remedy.RuleEngine;
import io.icewarn.decoder.remedy.SeverityJudge;
import io.icewarn.decoder.remedy.Situation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds everything the knowledge base says about one diagnostic. Stateless and thread-safe. */
final class Explainer {
    private final KnowledgeBase kb;
    private final RuleEngine rules;
    private final TeamsExplainer teams;
    /** The note on location values, when the knowledge base infers them rather than citing them. */
    private final Optional<String> locationNote;

    Explainer(KnowledgeBase kb) {
        this.kb = kb;
        this.rules = new RuleEngine(kb);
        this.teams = new TeamsExplainer(kb, rules);
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
        Situation s = Situation.of(d, kb);
        Severity severity = SeverityJudge.judge(s);
        Optional<CodeExplanation> code = d instanceof LookAlike || d.code().isEmpty()
                ? Optional.empty()
                : Optional.of(explainCode(d.header(), d.code().getAsInt()));
        Optional<IceWarnExplanation> iceWarn = s.iceWarn().map(w -> explainIceWarn(w, d instanceof QoeReport));
        List<FieldExplanation> fields = new ArrayList<>();
        for (Field f : d.fields().entries()) {
            fields.add(explainField(f));
        }
        List<ChecklistItem> checklist = d instanceof LookAlike ? List.of() : rules.checklist(s, severity);
        return new DecodedDiagnostic(
                d, severity, verdict(s, code, iceWarn), code, iceWarn, fields, checklist, notes(s, iceWarn));
    }

    CodeExplanation explainCode(String header, int code) {
        if (TeamsExplainer.handles(header)) {
            return teams.explainCode(header, code);
        }
        Optional<CodeEntry> entry = kb.code(header, code);
        boolean server = header.toLowerCase(Locale.ROOT).startsWith("ms-diagnostics")
                || header.equalsIgnoreCase("x-ms-SDP-diagnostics");
        if (entry.isEmpty() && server) {
            entry = kb.code("ms-diagnostics", code).or(() -> kb.code("ms-diagnostics-public", code));
        }
        Optional<CodeRange> range = kb.range(header, code);
        if (entry.isPresent()) {
            CodeEntry e = entry.get();
            return new CodeExplanation(
                    e.header(),
                    code,
                    true,
                    Optional.ofNullable(e.reason()),
                    e.meaning(),
                    range.map(CodeRange::area),
                    Optional.ofNullable(e.family()),
                    Severity.valueOf(e.severity().toUpperCase(Locale.ROOT)),
                    e.sources(),
                    e.confidence());
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
                range.map(CodeRange::sources).orElse(List.of()),
                range.map(CodeRange::confidence).orElse(Confidence.INFERRED));
    }

    IceWarnExplanation explainIceWarn(IceWarn value, boolean qoeElement) {
        List<FlagMeaning> flags = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (long bit : value.setBits()) {
            Optional<FlagEntry> e = kb.flag(bit);
            if (e.isEmpty()) {
                unknown.add(bit);
            } else {
                flags.add(meaning(bit, e.get()));
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

    private static FlagMeaning meaning(long bit, FlagEntry e) {
        return new FlagMeaning(bit, e.label(), e.expectationValue(), e.guidance(), e.sources(), e.confidence());
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
        return new FieldExplanation(f.key(), f.value(), true, e.meaning(), valueMeaning, e.sources(), e.confidence());
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
                v.append("ID ")
                        .append(c.code())
                        .append(" of ")
                        .append(c.header())
                        .append(" is not in any public list");
                c.area().ifPresent(a -> v.append("; it falls in the range for ").append(a));
                v.append('.');
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
                    .filter(f -> !f.expected())
                    .map(f -> f.label() + " (" + IceWarn.hex(f.bit()) + ")")
                    .collect(Collectors.toList());
            if (!faults.isEmpty()) {
                v.append(" ICE warnings to look at: ")
                        .append(String.join("; ", faults))
                        .append('.');
            } else if (!w.flags().isEmpty() && w.unknownBits().isEmpty()) {
                v.append(" Only ICE warnings the Resource Kit calls expected.");
            }
        });
        return v.toString().strip();
    }

    private List<String> notes(Situation s, Optional<IceWarnExplanation> iceWarn) {
        List<String> notes = new ArrayList<>();
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
