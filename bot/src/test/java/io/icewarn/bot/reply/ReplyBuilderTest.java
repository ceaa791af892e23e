package io.icewarn.bot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.reply.ReplySection.Mark;
import io.icewarn.decoder.CodeExplanation;
import io.icewarn.decoder.Confidence;
import io.icewarn.decoder.IceWarnExplanation;
import io.icewarn.decoder.Severity;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ReplyBuilderTest {
    private final ReplyBuilder builder = new ReplyBuilder(Fixtures::source, false);

    @Test
    void aClientDiagnosticBecomesOneSectionWithEveryPart() {
        // GIVEN the seed paste decoded
        // WHEN a reply is built
        Reply reply = builder.decoded(Fixtures.SEED_24, Fixtures.seed24());
        // THEN it has one failure section with code + meaning, flags, fields, checklist, quote
        assertThat(reply.kind()).isEqualTo(Reply.Kind.DIAGNOSTICS);
        assertThat(reply.headline()).isEqualTo("Failure: ms-client-diagnostics 24");
        ReplySection s = reply.sections().get(0);
        assertThat(s.severity()).isEqualTo(Severity.FAILURE);
        assertThat(s.title()).startsWith("ms-client-diagnostics 24 — Call failed to establish");
        assertThat(s.context()).isEqualTo("Reported by the caller · media: application-sharing");
        assertThat(s.flagsTitle()).isEqualTo("ICEWarn 0x320");
        assertThat(s.flags())
                .extracting(ReplySection.FlagLine::bit, ReplySection.FlagLine::mark)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0x20", Mark.CAUTION),
                        org.assertj.core.groups.Tuple.tuple("0x100", Mark.BENIGN),
                        org.assertj.core.groups.Tuple.tuple("0x200", Mark.BENIGN));
        assertThat(s.fields()).extracting(ReplySection.FieldLine::name).doesNotContain("ICEWarn");
        assertThat(s.fields())
                .filteredOn(f -> f.name().equals("PortRange"))
                .singleElement()
                .satisfies(f -> assertThat(f.words()).isEqualTo("ports 50040–50049 (10 ports)"));
        assertThat(s.fields())
                .filteredOn(f -> f.name().equals("RemoteSite"))
                .singleElement()
                .satisfies(f -> assertThat(f.words()).contains("empty"));
        assertThat(s.fields())
                .filteredOn(f -> f.name().equals("LocalLocation"))
                .singleElement()
                .satisfies(f -> assertThat(f.inferred()).isTrue());
        assertThat(s.checklist()).extracting(ReplySection.ChecklistLine::number).containsExactly(1, 2);
        assertThat(s.checklist().get(0).sources())
                .extracting(SourceLink::url)
                .containsExactly("https://example.org/s4", "https://example.org/s40");
        assertThat(s.checklist().get(1).inferred()).isTrue();
        assertThat(s.checklist().get(1).sources())
                .singleElement()
                .satisfies(l -> assertThat(l.url()).isEmpty());
        assertThat(s.quote())
                .hasValueSatisfying(q ->
                        assertThat(q).startsWith("ms-client-diagnostics: 24").endsWith("FederationType=0\""));
    }

    @Test
    void sectionsAreOrderedMostSeriousFirst() {
        // GIVEN a warning and a failure, the warning... decoded in text order (failure, warning)
        Reply reply = builder.decoded(Fixtures.SERVER_1008, Fixtures.server1008());
        // THEN the failure leads and the headline counts both; the parse problem is a note
        assertThat(reply.sections())
                .extracting(ReplySection::severity)
                .containsExactly(Severity.FAILURE, Severity.WARNING);
        assertThat(reply.headline()).isEqualTo("2 diagnostics found: 1 failure, 1 warning");
        assertThat(reply.sections().get(0).context()).isEqualTo("written by sip.contoso.com · in a SIP 504 response");
        assertThat(reply.notes()).singleElement().satisfies(n -> assertThat(n).contains("character 3"));
    }

    @Test
    void nothingFoundGivesAHintOfWhatToPaste() {
        // GIVEN plain chat WHEN a reply is built
        Reply reply = builder.decoded("is sharing broken for anyone?", Fixtures.nothing());
        // THEN it says nothing was found and what to paste
        assertThat(reply.kind()).isEqualTo(Reply.Kind.NOTHING_FOUND);
        assertThat(reply.sections()).isEmpty();
        assertThat(reply.summary()).contains("ms-client-diagnostics").contains("ICEWarn");
    }

    @Test
    void redactionHidesAddressesAndHostsEverywhere() {
        // GIVEN a redacting builder
        ReplyBuilder redacting = new ReplyBuilder(Fixtures::source, true);
        // WHEN the server paste is built
        Reply reply = redacting.decoded(Fixtures.SERVER_1008, Fixtures.server1008());
        // THEN neither the host nor the IP appears in any text
        String all = reply.toString();
        assertThat(all)
                .doesNotContain("sip.contoso.com")
                .doesNotContain("10.1.2.3")
                .contains("[host]");
        assertThat(reply.footer()).contains("hidden");
    }

    @Test
    void mentionsInUserTextAreNeutralised() {
        // GIVEN a reason that tries to ping
        String text = "ms-diagnostics: 1008;reason=\"@everyone <@&42>\"";
        var result = Fixtures.server1008();
        // WHEN built (the quote is taken from the text)
        Reply reply = builder.decoded(text + " ".repeat(200), result);
        // THEN no mention survives anywhere
        assertThat(reply.toString()).doesNotContain("@everyone").doesNotContain("<@&");
    }

    @Test
    void anIceWarnExplanationJudgesTheValue() {
        // GIVEN an ICEWarn with an undocumented bit
        IceWarnExplanation e = new IceWarnExplanation(
                IceWarn.parse("0x80000000").orElseThrow(), List.of(), List.of(0x80000000L), Optional.empty());
        // WHEN explained
        Reply reply = builder.iceWarn(e);
        // THEN the bit is marked unknown and the section is a warning
        assertThat(reply.kind()).isEqualTo(Reply.Kind.EXPLANATION);
        assertThat(reply.sections().get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(reply.sections().get(0).flags())
                .singleElement()
                .satisfies(f -> assertThat(f.mark()).isEqualTo(Mark.UNKNOWN));
    }

    @Test
    void anUnknownCodeSaysSo() {
        // GIVEN an ID the knowledge base does not know
        CodeExplanation c = new CodeExplanation(
                "ms-diagnostics",
                1999,
                false,
                Optional.empty(),
                "",
                Optional.of("SIP stack"),
                Optional.empty(),
                Severity.WARNING,
                List.of("S40"),
                Confidence.INFERRED);
        // WHEN explained
        Reply reply = builder.code(c);
        // THEN the verdict and notes say it is unknown and inferred
        ReplySection s = reply.sections().get(0);
        assertThat(s.verdict()).isEqualTo("Nothing is known about this ID.");
        assertThat(s.notes()).hasSize(2);
        assertThat(s.sources()).extracting(SourceLink::key).containsExactly("S40");
    }

    @Test
    void parseProblemsAreCapped() {
        // GIVEN many problems and no diagnostic
        List<Problem> problems = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> new Problem(i, "bad"))
                .collect(java.util.stream.Collectors.toList());
        // WHEN built THEN at most five are listed plus a count
        Reply reply = builder.nothingFound(problems);
        assertThat(reply.notes())
                .hasSize(ReplyBuilder.MAX_PROBLEM_NOTES + 1)
                .last()
                .asString()
                .contains("7 more");
    }
}
