package io.icewarn.decoder.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Correctness on 1 MB adversarial texts; timing is measured by {@link HostileInputBench}, not here. */
final class HostileInputTest {
    private static final int ONE_MB = 1 << 20;

    static Stream<Arguments> hostileTexts() {
        return HostileInput.texts(ONE_MB).entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void scan_oneMegabyteAdversarialText_returnsBoundedResult(String name, String text) {
        ScanResult r = DiagnosticScanner.scan(text);

        assertThat(r.diagnostics()).hasSizeLessThanOrEqualTo(DiagnosticScanner.MAX_DIAGNOSTICS);
        assertThat(r.problems()).hasSizeLessThanOrEqualTo(DiagnosticScanner.MAX_PROBLEMS);
        ScannerPropertyTest.assertWellFormed(text, r);
        r.diagnostics().forEach(d -> assertThat(d.span().length()).isLessThanOrEqualTo(64 * 1024));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void scan_realPasteAfterAdversarialText_isStillFound(String name, String text) {
        String paste = Corpus.read("02-kb-23-0x4000320.txt");
        // 16 KB stays under MAX_DIAGNOSTICS even for the densest flood (18 characters per bare MediaDebug)
        String small = text.substring(0, 16 * 1024);
        ScanResult r = DiagnosticScanner.scan(small + "\n\n" + paste);
        assertThat(r.diagnostics()).isNotEmpty();
        assertThat(r.diagnostics().get(r.diagnostics().size() - 1).code()).hasValue(23);
    }

    @org.junit.jupiter.api.Test
    void scan_unclosedHeaderFlood_findsEachHeaderWithItsId() {
        String text = HostileInput.repeat("ms-client-diagnostics: 24; reason=\"", 64 * 1024);
        ScanResult r = DiagnosticScanner.scan(text);
        assertThat(r.diagnostics()).hasSize(DiagnosticScanner.MAX_DIAGNOSTICS);
        assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.code()).hasValue(24));
        assertThat(r.problems()).hasSize(DiagnosticScanner.MAX_PROBLEMS);
    }
}
