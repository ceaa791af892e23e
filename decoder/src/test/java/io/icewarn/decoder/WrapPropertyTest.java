package io.icewarn.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.model.ClientDiagnostic;
import io.icewarn.decoder.model.Diagnostic;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.QoeReport;
import io.icewarn.decoder.model.TeamsDiagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pastes wrapped anywhere decode as the unwrapped text does, spans aside: every paste of every corpus
 * (the shared samples included) wrapped at every column from {@value #MIN_COLUMN} to {@value #MAX_COLUMN}
 * and broken at {@value #RANDOM_BREAKS} seeded random single places, with each break style. A column wrap
 * breaks a long line at its last space before the column (the space stays at the end of the line, as mail
 * programs do), or cuts it at the column when there is none; a random break falls between two characters
 * that are not spaces, since a break next to a space cannot be told from indentation. Two more places are
 * ambiguous and not broken at: before a {@code >} with a {@code > } quote marker (an XML tag's end reads as a
 * second marker), and right before a diagnostic's name glued to a word ({@code XCallerMediaDebug} becomes a
 * word of its own). {@link #NOT_YET} lists the shapes whose wraps are not read yet.
 */
final class WrapPropertyTest {
    private static final Decoder DECODER = Decoder.standard();

    /** Every variant tried and every one that decoded differently, for the line printed at the end. */
    private static final AtomicInteger TRIED = new AtomicInteger();

    private static final AtomicInteger DIFFERENT = new AtomicInteger();

    static final int MIN_COLUMN = 20;
    static final int MAX_COLUMN = 120;
    static final int RANDOM_BREAKS = 40;

    /**
     * Pastes whose shape is not read over wraps yet: a PSTN usage export (CSV, or an Excel copy with tabs),
     * whose wrapped header line or rows would have to be joined by counting their columns, and Microsoft
     * Graph's JSON call record, whose members are read one line at a time.
     */
    static final Set<String> NOT_YET = Set.of(
            "teams-corpus/04-pstn-usage-export.csv.txt",
            "teams-corpus/05-excel-copy-tab-separated.txt",
            "teams-corpus/08-graph-direct-routing-calls.json.txt");

    /** Names that start a diagnostic: a break glued before one of them makes a new word. */
    private static final List<String> NAMES = List.of("ms-", "x-ms", "caller", "callee", "final", "q.850");

    /** How a line break is written: plain, CRLF, with the next line indented, with a chat-quote marker. */
    static final List<String> BREAKS = List.of("\n", "\r\n", "\n    ", "\n> ");

    /**
     * What must not change: the family, code and SIP status, ICEWarn, every field, the Teams codes, the reason
     * and phrase and the checklist; texts compare without their whitespace, since a break between two words
     * is written with or without the space by different programs and reads as one.
     */
    record Signature(
            String header,
            String shape,
            String code,
            String sip,
            String iceWarn,
            List<String> fields,
            String teams,
            String reason,
            List<String> checklist) {}

    static List<Signature> decode(String text) {
        return DECODER.decode(text).diagnostics().stream()
                .map(WrapPropertyTest::signature)
                .toList();
    }

    static Signature signature(DecodedDiagnostic decoded) {
        Diagnostic d = decoded.diagnostic();
        String iceWarn = "-";
        String teams = "-";
        if (d instanceof ClientDiagnostic c) {
            iceWarn = c.info().iceWarn().map(IceWarn::hex).orElse("-");
        } else if (d instanceof QoeReport q) {
            iceWarn = q.iceWarningFlags().map(IceWarn::hex).orElse("-");
        } else if (d instanceof TeamsDiagnostic t) {
            teams = t.sipCode() + " " + t.microsoftCode() + " " + t.q850Cause() + " "
                    + t.phrase().map(WrapPropertyTest::squeeze).orElse("-") + " "
                    + t.correlationId().orElse("-");
        }
        return new Signature(
                d.header(),
                d.shape().name(),
                d.code().isPresent() ? "" + d.code().getAsInt() : "-",
                d.sipStatus().isPresent() ? "" + d.sipStatus().getAsInt() : "-",
                iceWarn,
                d.fields().entries().stream()
                        .map(f -> squeeze(f.key()) + "=" + squeeze(f.value()))
                        .toList(),
                teams,
                d.reason().map(WrapPropertyTest::squeeze).orElse("-"),
                decoded.checklist().stream()
                        .map(c -> c.ruleId() + ": " + squeeze(c.text()))
                        .toList());
    }

    /** Returns {@code s} without whitespace. */
    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** Returns {@code text} with every line longer than {@code column} wrapped at it, lines broken by {@code br}. */
    static String wrapAtColumn(String text, int column, String br) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / column * br.length() + 16);
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            if (lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r') {
                lineEnd--; // a CRLF line: its CR stays with its LF
            }
            int start = lineStart;
            int indent = lineStart;
            while (indent < lineEnd && text.charAt(indent) == ' ') {
                indent++;
            }
            while (lineEnd - start > column) {
                int cut = text.lastIndexOf(' ', start + column);
                cut = cut > start + column / 2 && cut >= indent ? cut + 1 : start + column;
                if (br.contains(">") && text.charAt(cut) == '>') {
                    cut++; // not before a '>': it would read as a second quote marker
                }
                out.append(text, start, cut).append(br);
                start = cut;
            }
            out.append(text, start, lineEnd);
            if (nl < 0) {
                break;
            }
            out.append(text, lineEnd, nl + 1);
            lineStart = nl + 1;
        }
        return out.toString();
    }

    /** Returns {@code text} broken by {@code br} at a random place between two characters that are not spaces. */
    static String breakOnce(String text, Random rnd, String br) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int at = 1 + rnd.nextInt(Math.max(1, text.length() - 1));
            if (at < text.length()
                    && !Character.isWhitespace(text.charAt(at - 1))
                    && !Character.isWhitespace(text.charAt(at))
                    && !Character.isSurrogate(text.charAt(at))
                    && !(br.contains(">") && text.charAt(at) == '>')
                    && !(Character.isLetterOrDigit(text.charAt(at - 1)) && nameAt(text, at))) {
                return text.substring(0, at) + br + text.substring(at);
            }
        }
        return text;
    }

    private static boolean nameAt(String text, int at) {
        String rest = text.substring(at, Math.min(text.length(), at + 8)).toLowerCase(Locale.ROOT);
        return NAMES.stream().anyMatch(rest::startsWith);
    }

    static Stream<Corpora.Paste> pastes() {
        return Corpora.pastes().stream();
    }

    @Test
    void corpora_areAllThere() {
        assertThat(Corpora.pastes()).hasSizeGreaterThanOrEqualTo(Corpora.MIN_FILES);
        assertThat(Corpora.pastes()).anyMatch(p -> p.name().startsWith("teams-corpus/"));
    }

    @ParameterizedTest
    @MethodSource("pastes")
    void decode_wrappedAtEveryColumn_isTheUnwrappedDecode(Corpora.Paste paste) {
        Assumptions.assumeFalse(NOT_YET.contains(paste.name()), "wraps of this shape are not read yet");
        List<Signature> expected = decode(paste.text());
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String br : BREAKS) {
            for (int column = MIN_COLUMN; column <= MAX_COLUMN; column++) {
                String wrapped = wrapAtColumn(paste.text(), column, br);
                if (wrapped.equals(paste.text())) {
                    continue;
                }
                cases++;
                check(expected, wrapped, "column " + column + " " + escape(br), failures);
            }
        }
        report(paste, cases, failures);
    }

    @ParameterizedTest
    @MethodSource("pastes")
    void decode_brokenAtRandomPlaces_isTheUnwrappedDecode(Corpora.Paste paste) {
        Assumptions.assumeFalse(NOT_YET.contains(paste.name()), "wraps of this shape are not read yet");
        List<Signature> expected = decode(paste.text());
        Random rnd = new Random(paste.name().hashCode());
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String br : BREAKS) {
            for (int k = 0; k < RANDOM_BREAKS; k++) {
                String broken = breakOnce(paste.text(), rnd, br);
                cases++;
                check(expected, broken, "random " + escape(br), failures);
            }
        }
        report(paste, cases, failures);
    }

    private static void check(List<Signature> expected, String text, String what, List<String> failures) {
        List<Signature> actual = decode(text);
        if (!actual.equals(expected)) {
            failures.add(what + ":\n" + text + "\n  expected " + expected + "\n  but was  " + actual);
            if (failures.size() > 1) {
                failures.set(failures.size() - 1, what); // the first is enough to read
            }
        }
    }

    @AfterAll
    static void printTotals() {
        System.out.printf(
                "WrapPropertyTest: %d of %d wrapped variants decode differently%n", DIFFERENT.get(), TRIED.get());
    }

    private static void report(Corpora.Paste paste, int cases, List<String> failures) {
        TRIED.addAndGet(cases);
        DIFFERENT.addAndGet(failures.size());
        assertThat(failures)
                .as(
                        "%s: %d of %d wrapped variants decode differently; the first:%n%s",
                        paste, failures.size(), cases, failures.isEmpty() ? "" : failures.get(0))
                .isEmpty();
    }

    private static String escape(String br) {
        return br.replace("\r", "\\r").replace("\n", "\\n");
    }
}
