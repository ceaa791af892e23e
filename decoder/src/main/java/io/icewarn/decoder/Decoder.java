package io.icewarn.decoder;

import io.icewarn.decoder.flow.CallFlow;
import io.icewarn.decoder.flow.FlowReader;
import io.icewarn.decoder.kb.CodeEntry;
import io.icewarn.decoder.kb.KnowledgeBase;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.Problem;
import io.icewarn.decoder.model.TeamsDiagnostic;
import io.icewarn.decoder.scan.DiagnosticScanner;
import io.icewarn.decoder.scan.ScanResult;
import io.icewarn.decoder.scan.SipMessages;
import io.icewarn.decoder.scan.StreamScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * The decoder's entry point: finds Lync / Skype for Business diagnostics and Teams Direct Routing failure
 * codes in text and explains them from the bundled knowledge base. Instances are immutable and thread-safe; share one.
 */
public final class Decoder {
    /** Text longer than this many characters is decoded up to this length only, with a problem reported. */
    public static final int MAX_TEXT_CHARS = 64 * 1024 * 1024;

    private static final String CLIENT = "ms-client-diagnostics";

    /** The knowledge base and what explains from it, loaded once (perhaps in the background). */
    private record Loaded(KnowledgeBase kb, Explainer explainer) {
        static Loaded load() {
            KnowledgeBase kb = KnowledgeBase.load();
            return new Loaded(kb, new Explainer(kb));
        }
    }

    private final FutureTask<Loaded> loading;

    private Decoder(FutureTask<Loaded> loading) {
        this.loading = loading;
    }

    /**
     * Returns a decoder over the knowledge base bundled in this library; create one and share it. The
     * knowledge base (some 55 ms of JSON parsing in a fresh JVM) loads in a background
     * daemon thread, so a scan can start at once: only explaining what it finds waits for the load, and the
     * first call that needs it throws what loading threw, if anything (a build error).
     */
    public static Decoder standard() {
        FutureTask<Loaded> loading = new FutureTask<>(Loaded::load);
        Thread loader = new Thread(loading, "icewarn-knowledge-base");
        loader.setDaemon(true);
        loader.start();
        return new Decoder(loading);
    }

    /** Waits for the knowledge base; rethrows what loading it threw. */
    private Loaded loaded() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return loading.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the knowledge base is needed regardless; keep the flag for the caller
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("cannot load the knowledge base", cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Returns every diagnostic in {@code text}, decoded, in order of appearance, each with the Call-ID of
     * the SIP message that carries it when the text holds that message; an empty result when there is
     * none. Never throws for any input; a null text counts as empty.
     */
    public DecodeResult decode(CharSequence text) {
        if (text == null || text.length() == 0) {
            return new DecodeResult(List.of(), List.of());
        }
        List<Problem> problems = new ArrayList<>();
        CharSequence input = text;
        if (text.length() > MAX_TEXT_CHARS) {
            input = text.subSequence(0, MAX_TEXT_CHARS);
            problems.add(new Problem(MAX_TEXT_CHARS, "Only the first " + MAX_TEXT_CHARS + " characters were read."));
        }
        ScanResult scan = DiagnosticScanner.scan(input);
        problems.addAll(scan.problems());
        List<DecodedDiagnostic> decoded = new ArrayList<>(scan.diagnostics().size());
        Explainer explainer = scan.diagnostics().isEmpty() ? null : loaded().explainer();
        for (Diagnostic d : scan.diagnostics()) {
            try {
                decoded.add(explainer
                        .explain(d)
                        .withCallId(SipMessages.callId(input, d.span().start())));
            } catch (RuntimeException e) {
                // a knowledge-base or rule bug must not take the whole reply down
                problems.add(new Problem(d.span().start(), "This diagnostic could not be explained (" + e + ")."));
            }
        }
        return new DecodeResult(decoded, problems);
    }

    /**
     * Decodes a UTF-8 stream of any length, such as a client log, reading it in windows of a few
     * megabytes: each diagnostic goes to {@code sink} as soon as it is found, in order of appearance, so
     * memory stays bounded whatever the length. Finds exactly what {@link #decode(CharSequence)} finds in
     * the same text (without its {@link #MAX_TEXT_CHARS} cap; with the same
     * cap of {@link DiagnosticScanner#MAX_DIAGNOSTICS} diagnostics and the same problem when it is reached); spans are character
     * offsets from the start of the stream. Malformed UTF-8 reads as U+FFFD; callers that must refuse
     * binary input check the first bytes themselves. Returns the problems met, capped in number.
     *
     * @throws IOException when reading {@code in} fails; the diagnostics passed on so far stand
     */
    public List<Problem> decode(InputStream in, Consumer<DecodedDiagnostic> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        Explaining explaining = new Explaining(sink);
        return explaining.problems(StreamScanner.scan(in, explaining));
    }

    /**
     * As {@link #decode(InputStream, Consumer)} for the UTF-8 text of {@code file} from byte {@code from}
     * (after a byte order mark, say) to its end, with the same result and offsets from {@code from}. A file
     * is read where it is mapped while its text is ASCII, faster than through a stream and on two cores;
     * the channel's position is left undefined.
     *
     * @throws IOException when reading {@code file} fails, also when it gets shorter while it is read; the
     *     diagnostics passed on so far stand
     */
    public List<Problem> decode(FileChannel file, long from, Consumer<DecodedDiagnostic> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        Explaining explaining = new Explaining(sink);
        return explaining.problems(StreamScanner.scan(file, from, explaining));
    }

    /** Explains each diagnostic a stream scan finds and passes it on; one that cannot be explained is a problem. */
    private final class Explaining implements Consumer<Diagnostic> {
        private final Consumer<DecodedDiagnostic> sink;
        private final List<Problem> explainProblems = new ArrayList<>();

        Explaining(Consumer<DecodedDiagnostic> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(Diagnostic d) {
            Explainer explainer = loaded().explainer();
            DecodedDiagnostic decoded;
            try {
                decoded = explainer.explain(d);
            } catch (RuntimeException e) {
                if (explainProblems.size() < DiagnosticScanner.MAX_PROBLEMS) {
                    explainProblems.add(
                            new Problem(d.span().start(), "This diagnostic could not be explained (" + e + ")."));
                }
                return;
            }
            sink.accept(decoded);
        }

        /** Returns the scan's problems followed by the explaining ones. */
        List<Problem> problems(List<Problem> scanProblems) {
            List<Problem> all = new ArrayList<>(scanProblems);
            all.addAll(explainProblems);
            return List.copyOf(all);
        }
    }

    /**
     * Returns the SIP dialogs in {@code text}: its SIP messages grouped by Call-ID, ordered by time, each with
     * the diagnostics it carries, explained. Reads {@code .uccapilog} client logs, server trace records and SIP
     * messages pasted on their own. Never throws for any input; a null text counts as empty. The knowledge base
     * is waited for only when a message carries a diagnostic.
     */
    public CallFlow flow(CharSequence text) {
        FlowReader reader = flowReader();
        reader.read(text);
        return reader.result();
    }

    /**
     * Returns a reader that puts the SIP dialogs of several inputs (two pastes, the files of a rotated log)
     * together, streaming each with bounded memory; see {@link FlowReader}. Not thread-safe; one per use.
     */
    public FlowReader flowReader() {
        return new FlowReader(d -> loaded().explainer().explain(d));
    }

    /**
     * Returns the bits of an ICEWarn value: {@code 0x320} as hex, {@code 4000320} or {@code 3a0} as hex when a
     * letter a–f is present, digits only as decimal (with a note giving the hex reading); empty when it is
     * not a 32-bit unsigned number.
     */
    public Optional<IceWarnExplanation> explainIceWarn(String value) {
        return IceWarn.parse(value).map(w -> loaded().explainer().explainIceWarn(w, false, Optional.empty()));
    }

    /**
     * Returns what {@code code} means under {@code header}: a Lync header ({@code ms-client-diagnostics},
     * {@code ms-diagnostics}, {@code ms-diagnostics-public}), or a namespace of Teams Direct Routing
     * ({@code teams-direct-routing} or {@code teams} for Microsoft response codes, {@code Q.850} or
     * {@code q850} for causes, {@code SIP} for SIP response codes), any case. With a null or blank header, the
     * client meaning when one is known, else the server one; a code no Lync ID or range covers is read as a
     * Teams Microsoft response code when that namespace knows it or its structure applies. Unknown IDs come
     * back with {@code known=false} and the product area of their range, when one covers them.
     */
    public CodeExplanation explainCode(String header, int code) {
        Explainer explainer = loaded().explainer();
        if (header != null && !header.isBlank()) {
            return explainer.explainCode(canonicalHeader(header), code);
        }
        if (loaded().kb().code(CLIENT, code).isPresent()) {
            return explainer.explainCode(CLIENT, code);
        }
        CodeExplanation server = explainer.explainCode("ms-diagnostics", code);
        if (server.known() || server.area().isPresent()) {
            return server;
        }
        CodeExplanation client = explainer.explainCode(CLIENT, code);
        if (client.area().isPresent()) {
            return client;
        }
        CodeExplanation teams = explainer.explainCode(TeamsDiagnostic.HEADER, code);
        return teams.known() || teams.area().isPresent() ? teams : server;
    }

    /** Returns the canonical name of {@code header}, accepting the short names of the Teams namespaces. */
    private static String canonicalHeader(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT);
        switch (h) {
            case "teams":
            case TeamsDiagnostic.HEADER:
                return TeamsDiagnostic.HEADER;
            case "q850":
            case "q.850":
                return TeamsDiagnostic.Q850_HEADER;
            case "sip":
                return "SIP";
            default:
                return h;
        }
    }

    /** Returns every ID the knowledge base knows, once per header, in data-file order, for lists and autocomplete. */
    public List<CodeExplanation> knownCodes() {
        Loaded loaded = loaded();
        List<CodeExplanation> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CodeEntry e : loaded.kb().codes()) {
            if (seen.add(e.header() + " " + e.code())) {
                all.add(loaded.explainer().explainCode(e.header(), e.code()));
            }
        }
        return List.copyOf(all);
    }

    /** Returns the source cited as {@code key} ({@code S40}), if the knowledge base has it. */
    public Optional<SourceRef> source(String key) {
        return loaded().kb()
                .source(key)
                .map(s -> new SourceRef(
                        s.key(), s.title(), s.url() == null ? "" : s.url(), s.label() == null ? s.title() : s.label()));
    }
}
