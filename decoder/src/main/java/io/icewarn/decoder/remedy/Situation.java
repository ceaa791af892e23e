package io.icewarn.decoder.remedy;

import io.icewarn.decoder.FlagMeaning.Expectation;
import io.icewarn.decoder.kb.CodeEntry;
import io.icewarn.decoder.kb.ContextEntry;
import io.icewarn.decoder.kb.FlagEntry;
import io.icewarn.decoder.kb.KnowledgeBase;
import io.icewarn.decoder.kb.MediaEntry;
import io.icewarn.decoder.kb.PhraseEntry;
import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.MediaInfo;
import io.icewarn.decoder.model.QoeReport;
import io.icewarn.decoder.model.TeamsDiagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A diagnostic together with what the knowledge base knows about its parts: the input of facts, rules
 * and severity. Internal to the decoder.
 *
 * @param diagnostic the parsed diagnostic
 * @param code the knowledge-base entry of its ID, if known
 * @param media the knowledge-base entry of its media label, if known
 * @param iceWarn its ICEWarn (client) or IceWarningFlags (QoE) value, if present
 * @param phrases the phrases of {@code phrases.json} its reason or SIP status matches, in file order
 * @param kb the knowledge base
 * @param contexts how bits are judged in particular situations
 */
public record Situation(
        Diagnostic diagnostic,
        Optional<CodeEntry> code,
        Optional<MediaEntry> media,
        Optional<IceWarn> iceWarn,
        List<PhraseEntry> phrases,
        KnowledgeBase kb,
        FlagContexts contexts) {

    public Situation {
        Objects.requireNonNull(diagnostic, "diagnostic");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(iceWarn, "iceWarn");
        phrases = List.copyOf(phrases);
        Objects.requireNonNull(kb, "kb");
        Objects.requireNonNull(contexts, "contexts");
    }

    /**
     * Returns the situation of {@code diagnostic}, looking its code and media up in {@code kb} and matching
     * its reason and SIP status with {@code phrases}; its bits are judged by {@code contexts}.
     */
    public static Situation of(Diagnostic diagnostic, KnowledgeBase kb, ReasonPhrases phrases, FlagContexts contexts) {
        if (diagnostic instanceof TeamsDiagnostic t) {
            // Teams codes are judged by their own namespace; the Lync reason phrases do not apply to them
            return new Situation(
                    t, TeamsEntries.of(t, kb), Optional.empty(), Optional.empty(), List.of(), kb, contexts);
        }
        Optional<CodeEntry> code = Optional.empty();
        if (diagnostic.code().isPresent()) {
            int id = diagnostic.code().getAsInt();
            code = kb.code(diagnostic.header(), id);
            if (code.isEmpty() && diagnostic instanceof io.icewarn.decoder.model.ServerDiagnostic) {
                code = kb.code("ms-diagnostics", id).or(() -> kb.code("ms-diagnostics-public", id));
            }
        }
        Optional<MediaEntry> media = Optional.empty();
        Optional<IceWarn> iceWarn = Optional.empty();
        if (diagnostic instanceof ClientDiagnostic c) {
            media = c.media().flatMap(kb::media);
            iceWarn = c.info().iceWarn();
        } else if (diagnostic instanceof QoeReport q) {
            iceWarn = q.iceWarningFlags();
        }
        return new Situation(
                diagnostic,
                code,
                media,
                iceWarn,
                phrases.match(diagnostic.reason().orElse(null), diagnostic.sipStatus()),
                kb,
                contexts);
    }

    /** Returns how {@code bit} is judged here: by the first context that applies, else as the Resource Kit does. */
    public Expectation judged(long bit) {
        Optional<ContextEntry> context = contexts.context(this, bit);
        if (context.isPresent()) {
            return FlagEntry.expectation(context.get().expectation());
        }
        return kb.flag(bit).map(FlagEntry::expectationValue).orElse(Expectation.UNKNOWN);
    }

    /** Returns the typed media fields, or none for diagnostics that carry no media data. */
    public MediaInfo info() {
        return diagnostic instanceof ClientDiagnostic c ? c.info() : MediaInfo.none();
    }

    /** Returns the remediation family of the code, if any. */
    public Optional<String> family() {
        return code.map(CodeEntry::family);
    }
}
