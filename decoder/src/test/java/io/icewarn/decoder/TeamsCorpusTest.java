package io.icewarn.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.ServerDiagnostic;
import io.icewarn.decoder.model.TeamsDiagnostic;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Teams Direct Routing corpus: every paste decodes to the diagnostics its manifest lists, in order, each
 * in the right namespace, with the right codes, documented or not, the right origin and a source; none is
 * read as a Lync ID, and nothing Lync is read as Teams.
 */
final class TeamsCorpusTest {
    private static final Set<String> LYNC_HEADERS =
            Set.of("ms-client-diagnostics", "ms-diagnostics", "ms-diagnostics-public", "x-ms-SDP-diagnostics");

    private static Decoder decoder;

    @BeforeAll
    static void decoder() {
        decoder = Decoder.standard();
    }

    static Stream<String> corpusFiles() {
        List<String> files = TeamsCorpus.files();
        assertThat(files).as("teams corpus files").isNotEmpty().hasSize(TeamsCorpus.FILE_COUNT);
        return files.stream();
    }

    @Test
    void corpus_hasItsSizeAndEnoughTeamsPastes() {
        assertThat(TeamsCorpus.files()).isNotEmpty().hasSize(TeamsCorpus.FILE_COUNT);
        List<TeamsCorpus.Row> teams = TeamsCorpus.rows().stream()
                .filter(r -> !LYNC_HEADERS.contains(r.header()))
                .toList();
        assertThat(teams).hasSizeGreaterThanOrEqualTo(TeamsCorpus.MIN_TEAMS_ROWS);
        assertThat(teams.stream().map(TeamsCorpus.Row::shape).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("TEAMS_REPORT", "TEAMS_CSV_ROW", "TEAMS_CALL_RECORD", "Q850_REASON");
        assertThat(TeamsCorpus.rows())
                .allSatisfy(r -> assertThat(TeamsCorpus.files()).contains(r.file()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void decode_teamsPaste_givesTheManifestsDiagnostics(String file) {
        String text = TeamsCorpus.read(file);
        List<TeamsCorpus.Row> expected =
                TeamsCorpus.rows().stream().filter(r -> r.file().equals(file)).toList();

        DecodeResult result = decoder.decode(text);

        assertThat(result.diagnostics()).as(file).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            TeamsCorpus.Row row = expected.get(i);
            DecodedDiagnostic decoded = result.diagnostics().get(i);
            Diagnostic d = decoded.diagnostic();
            String at = file + " #" + i;
            assertThat(d.header()).as(at + " header").isEqualTo(row.header());
            assertThat(d.shape().name()).as(at + " shape").isEqualTo(row.shape());
            assertThat(text(d.sipStatus())).as(at + " sip").isEqualTo(row.sip());
            assertThat(decoded.code()).as(at + " code info").isPresent();
            CodeExplanation code = decoded.code().get();
            assertThat(code.sources()).as(at + " sources").contains(row.source());
            assertThat(Boolean.toString(code.known())).as(at + " known").isEqualTo(row.known());
            if (LYNC_HEADERS.contains(row.header())) {
                assertThat(d).as(at).isInstanceOf(ServerDiagnostic.class);
                assertThat(text(d.code())).as(at + " id").isEqualTo(row.microsoft());
                assertThat(decoded.teams()).as(at).isEmpty();
                continue;
            }
            assertThat(d).as(at + " is not a Lync ID").isInstanceOf(TeamsDiagnostic.class);
            TeamsDiagnostic t = (TeamsDiagnostic) d;
            assertThat(code.header()).as(at + " namespace").isNotIn(LYNC_HEADERS);
            assertThat(text(t.microsoftCode())).as(at + " microsoft code").isEqualTo(row.microsoft());
            assertThat(text(t.q850Cause())).as(at + " q850").isEqualTo(row.q850());
            assertThat(decoded.teams()).as(at).isPresent();
            assertThat(decoded.teams()
                            .get()
                            .structure()
                            .map(TeamsExplanation.Structure::origin)
                            .orElse("-"))
                    .as(at + " origin")
                    .isEqualTo(row.origin());
            assertThat(decoded.checklist()).as(at + " checklist").isNotEmpty();
            assertThat(decoded.verdict()).as(at + " verdict").isNotBlank();
            assertThat(text.substring(d.span().start(), d.span().end()))
                    .as(at + " span")
                    .isNotBlank();
        }
    }

    private static String text(OptionalInt v) {
        return v.isPresent() ? Integer.toString(v.getAsInt()) : "-";
    }
}
