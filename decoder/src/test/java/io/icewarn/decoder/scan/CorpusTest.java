package io.icewarn.decoder.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.QoeReport;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class CorpusTest {

    static Stream<String> corpusFiles() {
        List<String> files = Corpus.files();
        assertThat(files).as("corpus files").isNotEmpty().hasSize(Corpus.FILE_COUNT);
        return files.stream();
    }

    @Test
    void corpus_isNotEmptyAndHasExpectedCount() {
        assertThat(Corpus.files()).isNotEmpty().hasSize(Corpus.FILE_COUNT);
        assertThat(Corpus.rows()).hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void corpus_everyRowNamesAFileThatExists() {
        List<String> files = Corpus.files();
        assertThat(Corpus.rows()).allSatisfy(r -> assertThat(files).contains(r.file()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void scan_corpusFile_findsExpectedDiagnosticsInOrder(String file) {
        String text = Corpus.read(file);
        List<Corpus.Row> expected =
                Corpus.rows().stream().filter(r -> r.file().equals(file)).collect(Collectors.toList());

        ScanResult result = DiagnosticScanner.scan(text);

        assertThat(result.diagnostics()).as(file).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Corpus.Row row = expected.get(i);
            Diagnostic d = result.diagnostics().get(i);
            String at = file + " #" + i;
            assertThat(d.header()).as(at + " header").isEqualTo(row.header());
            assertThat(code(d.code())).as(at + " code").isEqualTo(row.code());
            assertThat(side(d)).as(at + " side").isEqualTo(row.side());
            assertThat(media(d)).as(at + " media").isEqualTo(row.media());
            Optional<IceWarn> iw = iceWarn(d);
            assertThat(iw.map(IceWarn::hex).orElse("-")).as(at + " icewarn").isEqualTo(row.icewarn());
            assertThat(iw.map(CorpusTest::flags).orElse("-")).as(at + " flags").isEqualTo(row.flags());
            assertThat(location(d, true)).as(at + " local_location").isEqualTo(row.localLocation());
            assertThat(location(d, false)).as(at + " remote_location").isEqualTo(row.remoteLocation());
            if (row.shape() != null) {
                assertThat(d.shape().name()).as(at + " shape").isEqualTo(row.shape());
            }
            assertThat(text.substring(d.span().start(), d.span().end()))
                    .as(at + " span")
                    .isNotBlank();
        }
    }

    private static String code(OptionalInt code) {
        return code.isPresent() ? Integer.toString(code.getAsInt()) : "-";
    }

    private static String side(Diagnostic d) {
        return d instanceof ClientDiagnostic c ? c.side().map(s -> s.label()).orElse("-") : "-";
    }

    private static String media(Diagnostic d) {
        return d instanceof ClientDiagnostic c ? c.media().orElse("-") : "-";
    }

    private static Optional<IceWarn> iceWarn(Diagnostic d) {
        if (d instanceof ClientDiagnostic c) {
            return c.info().iceWarn();
        }
        if (d instanceof QoeReport q) {
            return q.iceWarningFlags();
        }
        return Optional.empty();
    }

    private static String flags(IceWarn w) {
        List<Long> bits = w.setBits();
        return bits.isEmpty() ? "-" : bits.stream().map(IceWarn::hex).collect(Collectors.joining(","));
    }

    private static String location(Diagnostic d, boolean local) {
        if (!(d instanceof ClientDiagnostic c)) {
            return "-";
        }
        OptionalInt v = local ? c.info().localLocation() : c.info().remoteLocation();
        return v.isPresent() ? Integer.toString(v.getAsInt()) : "-";
    }
}
