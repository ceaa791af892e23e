package io.icewarn.decoder.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.Problem;
import io.icewarn.decoder.model.QoeReport;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style tests: real pastes mutated with a seeded {@link Random}. Every seed is reproducible; a
 * failure message carries the mutated text.
 */
final class ScannerPropertyTest {
    /** Pastes whose straight quotes delimit values only, so quote swaps keep them readable. */
    private static final List<String> BASES = List.of(
            "01-seed-blog-0x320.txt",
            "02-kb-23-0x4000320.txt",
            "03-mediachanblob-22.txt",
            "04-server-ms-diagnostics.txt",
            "05-discord-codeblock-audio.txt",
            "07-report-form-25-0x40003a0.txt",
            "08-ip-double-colon-51004.txt",
            "09-sip-trace-bye-200ok.txt",
            "16-server-1034-federation.txt",
            "19-case-and-spaces.txt",
            "22-bare-media-debug.txt",
            "23-client-plain-52017.txt");

    private static final String[] GARBAGE = {
        "ms-client-diagnostics",
        "ms-diagnostics",
        "-public",
        "x-",
        "x-ms-SDP-diagnostics",
        "CallerMediaDebug",
        "CalleeMediaDebug",
        "MediaChanBlob",
        "reason",
        "UserType",
        "=",
        "=",
        ";",
        ";",
        ":",
        ":",
        "\"",
        "\"",
        ",",
        ",",
        "\n",
        "\n",
        " ",
        "  ",
        "24",
        "7008.2",
        "0x320",
        "<Ice>",
        "</Ice>",
        "<IceWarningFlags>",
        "</IceWarningFlags>",
        "<Connectivity>",
        "</Connectivity>",
        "<v2:MediaLine>",
        "SIP/2.0 ",
        "SIP/2.0",
        "200",
        "INVITE sip:",
        "BYE sips:",
        "\u00A0",
        "\u202F",
        "\u201C",
        "\u201D",
        "\u2033",
        "\u2018",
        "&quot;",
        "&",
        "\\",
        "\\\"",
        "`",
        "```",
        "> ",
        "audio:",
        "ICEWarn=",
        "\r\n",
        "a",
        "1",
        "\u2028",
        "\uD83D\uDE00",
        "\uD800",
        "\u0000",
        "\t"
    };

    static LongStream seeds200() {
        return LongStream.range(0, 200);
    }

    static LongStream seeds100() {
        return LongStream.range(1000, 1100);
    }

    static LongStream seeds500() {
        return LongStream.range(5000, 5500);
    }

    /** What must survive a mutation that keeps a diagnostic intact. */
    record Signature(
            String header,
            String code,
            String side,
            String media,
            String iceWarn,
            String localLocation,
            String remoteLocation) {}

    static Signature signature(Diagnostic d) {
        String side = "-";
        String media = "-";
        Optional<IceWarn> iw = Optional.empty();
        String local = "-";
        String remote = "-";
        if (d instanceof ClientDiagnostic c) {
            side = c.side().map(s -> s.label()).orElse("-");
            media = c.media().orElse("-");
            iw = c.info().iceWarn();
            local = c.info().localLocation().isPresent()
                    ? "" + c.info().localLocation().getAsInt()
                    : "-";
            remote = c.info().remoteLocation().isPresent()
                    ? "" + c.info().remoteLocation().getAsInt()
                    : "-";
        } else if (d instanceof QoeReport q) {
            iw = q.iceWarningFlags();
        }
        return new Signature(
                d.header(),
                d.code().isPresent() ? "" + d.code().getAsInt() : "-",
                side,
                media,
                iw.map(IceWarn::hex).orElse("-"),
                local,
                remote);
    }

    static List<Signature> signatures(String text) {
        return DiagnosticScanner.scan(text).diagnostics().stream()
                .map(ScannerPropertyTest::signature)
                .toList();
    }

    @ParameterizedTest
    @MethodSource("seeds200")
    void scan_intactMutations_findTheSameDiagnostics(long seed) {
        PasteMutator m = new PasteMutator(seed);
        for (String base : BASES) {
            String original = Corpus.read(base);
            List<Signature> expected = signatures(original);
            assertThat(expected).as(base).isNotEmpty();
            String mutated = m.intact(original);
            ScanResult r = DiagnosticScanner.scan(mutated);
            assertThat(r.diagnostics().stream()
                            .map(ScannerPropertyTest::signature)
                            .toList())
                    .as("seed %d, %s, mutated:%n%s", seed, base, mutated)
                    .isEqualTo(expected);
            assertWellFormed(mutated, r);
            for (Diagnostic d : r.diagnostics()) {
                String span = mutated.substring(d.span().start(), d.span().end());
                assertThat(span.regionMatches(
                                true, 0, headerWritten(d), 0, headerWritten(d).length()))
                        .as("seed %d, %s: span %s", seed, base, span)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds100")
    void scan_truncatedPaste_neverInventsADiagnostic(long seed) {
        PasteMutator m = new PasteMutator(seed);
        for (String base : BASES) {
            String text = seed % 2 == 0 ? Corpus.read(base) : m.intact(Corpus.read(base));
            List<Diagnostic> full = DiagnosticScanner.scan(text).diagnostics();
            for (int k = 0; k < 3; k++) {
                String cut = m.truncate(text);
                ScanResult r = DiagnosticScanner.scan(cut);
                assertWellFormed(cut, r);
                assertThat(r.diagnostics().size())
                        .as("seed %d, %s, cut:%n%s", seed, base, cut)
                        .isLessThanOrEqualTo(full.size());
                for (int i = 0; i < r.diagnostics().size(); i++) {
                    Diagnostic d = r.diagnostics().get(i);
                    assertThat(d.span().start())
                            .as("seed %d, %s, cut:%n%s", seed, base, cut)
                            .isEqualTo(full.get(i).span().start());
                    assertThat(d.header()).isEqualTo(full.get(i).header());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds100")
    void scan_randomCharactersInsidePaste_neverThrows(long seed) {
        PasteMutator m = new PasteMutator(seed);
        for (String base : BASES) {
            String text = m.insertUnicode(m.intact(Corpus.read(base)), 1 + (int) (seed % 12));
            assertThatCode(() -> assertWellFormed(text, DiagnosticScanner.scan(text)))
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds500")
    void scan_randomGarbage_neverThrowsAndKeepsSpansInOrder(long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder();
        int tokens = rnd.nextInt(400);
        for (int i = 0; i < tokens; i++) {
            if (rnd.nextInt(8) == 0) {
                sb.append((char) rnd.nextInt(0x3000));
            } else {
                sb.append(GARBAGE[rnd.nextInt(GARBAGE.length)]);
            }
        }
        String text = sb.toString();
        ScanResult r = DiagnosticScanner.scan(text);
        assertWellFormed(text, r);
    }

    @ParameterizedTest
    @MethodSource("seeds100")
    void scan_garbageAroundRealPaste_stillFindsIt(long seed) {
        Random rnd = new Random(seed);
        String base = BASES.get(rnd.nextInt(BASES.size()));
        String paste = Corpus.read(base);
        StringBuilder noise = new StringBuilder();
        IntStream.range(0, rnd.nextInt(60)).forEach(i -> noise.append(GARBAGE[rnd.nextInt(GARBAGE.length)]));
        String text = noise + "\n\n" + paste;
        List<Signature> found = signatures(text);
        assertThat(found)
                .as("seed %d, %s:%n%s", seed, base, text)
                .endsWith(signatures(paste).toArray(new Signature[0]));
    }

    private static String headerWritten(Diagnostic d) {
        if (d.shape() == io.icewarn.decoder.model.Shape.MONITORING_REPORT) {
            return d.code().isPresent() ? "" + d.code().getAsInt() : "";
        }
        if (d.shape() == io.icewarn.decoder.model.Shape.BARE_MEDIA_DEBUG) {
            return ((ClientDiagnostic) d).side().map(s -> s.label()).orElse("") + "MediaDebug";
        }
        return d.header();
    }

    /** Spans inside the text, ordered and not overlapping; problems capped and inside the text. */
    static void assertWellFormed(String text, ScanResult r) {
        int previousEnd = 0;
        for (Diagnostic d : r.diagnostics()) {
            assertThat(d.span().start()).as("span start in %s", r).isGreaterThanOrEqualTo(previousEnd);
            assertThat(d.span().end()).isLessThanOrEqualTo(text.length());
            previousEnd = d.span().end();
        }
        assertThat(r.problems()).hasSizeLessThanOrEqualTo(DiagnosticScanner.MAX_PROBLEMS);
        for (Problem p : r.problems()) {
            assertThat(p.offset()).isBetween(0, text.length());
        }
        assertThat(r.diagnostics()).hasSizeLessThanOrEqualTo(DiagnosticScanner.MAX_DIAGNOSTICS);
    }
}
