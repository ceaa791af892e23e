package io.icewarn.bot.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.reply.ReplySection.ChecklistLine;
import io.icewarn.bot.reply.ReplySection.FieldLine;
import io.icewarn.bot.reply.ReplySection.FlagLine;
import io.icewarn.bot.reply.ReplySection.Mark;
import io.icewarn.decoder.CodeExplanation;
import io.icewarn.decoder.Confidence;
import io.icewarn.decoder.Decoder;
import io.icewarn.decoder.IceWarnExplanation;
import io.icewarn.decoder.Severity;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ReplyBuilderTest {
    private static final Decoder DECODER = Decoder.standard();
    private final ReplyBuilder builder = new ReplyBuilder(Fixtures::source, false);
    private final ReplyBuilder real = new ReplyBuilder(DECODER::source, false);

    private Reply decode(String text) {
        return real.decoded(text, DECODER.decode(text));
    }

    private static String log() throws java.io.IOException {
        return Files.readString(Path.of("src/test/resources/answers/11-diagnostics-log.txt"));
    }

    @Test
    void aClientDiagnosticBecomesOneSectionWithEveryPart() {
        // GIVEN the seed paste decoded WHEN the full reply is built
        Reply reply = builder.decoded(Fixtures.SEED_24, Fixtures.seed24());
        // THEN it has one failure section with code + meaning, flags, fields, every step, quote
        assertThat(reply.kind()).isEqualTo(Reply.Kind.DIAGNOSTICS);
        assertThat(reply.view()).isEqualTo(Reply.View.DETAIL);
        ReplySection s = reply.sections().get(0);
        assertThat(reply.headline()).isEqualTo(s.headline());
        assertThat(s.severity()).isEqualTo(Severity.FAILURE);
        assertThat(s.title()).startsWith("ms-client-diagnostics 24 — Call failed to establish");
        assertThat(s.label()).isEqualTo("ms-client-diagnostics 24");
        assertThat(s.context()).isEqualTo("reported by the caller · application-sharing");
        assertThat(s.flags().title()).isEqualTo("ICEWarn 0x320");
        assertThat(s.flags().lines())
                .extracting(FlagLine::bit, FlagLine::mark)
                .containsExactly(tuple("0x20", Mark.CAUTION), tuple("0x100", Mark.BENIGN), tuple("0x200", Mark.BENIGN));
        assertThat(s.fields()).extracting(FieldLine::name).doesNotContain("ICEWarn");
        assertThat(s.fields())
                .filteredOn(f -> f.name().equals("PortRange"))
                .singleElement()
                .satisfies(f -> assertThat(f.words()).isEqualTo("10 ports"));
        assertThat(s.fields())
                .filteredOn(f -> f.name().equals("RemoteSite"))
                .singleElement()
                .satisfies(f -> assertThat(f.words()).contains("empty"));
        assertThat(s.steps()).extracting(ChecklistLine::number).containsExactly(1, 2);
        assertThat(s.steps().get(0).sources())
                .extracting(SourceLink::url)
                .containsExactly("https://example.org/s4", "https://example.org/s40");
        assertThat(s.steps().get(1).inferred()).isTrue();
        assertThat(s.quote())
                .hasValueSatisfying(q ->
                        assertThat(q).startsWith("ms-client-diagnostics: 24").endsWith("FederationType=0\""));
    }

    @Test
    void sourcesAreShownByTheirLabelsNeverByBareKeys() {
        // GIVEN the seed decoded by the real decoder WHEN the reply is built
        Reply reply = decode(Fixtures.SEED_24);
        // THEN every link of every step reads as the source's label, which is never a key like S40
        List<SourceLink> links = reply.sections().get(0).steps().stream()
                .flatMap(c -> c.sources().stream())
                .toList();
        assertThat(links).isNotEmpty().allSatisfy(l -> {
            assertThat(l.label()).doesNotMatch("[SA]\\d+[a-z]?");
            assertThat(l.label()).isNotEqualTo(l.key());
        });
        assertThat(links).extracting(SourceLink::label).contains("Microsoft Learn: Edge Server requirements");
    }

    @Test
    void theAnswerIsTheVerdictTheTopThreeActionsAndTheEvidence() {
        // GIVEN the seed's full reply
        Reply full = decode(Fixtures.SEED_24);
        // WHEN the short answer is made
        Reply answer = real.answer(full);
        // THEN it keeps the verdict, three numbered steps with their first source, the bits that matter (most
        // serious first) and the evidence fields (the two remote locations in one), and says how many steps the
        // full checklist adds
        ReplySection s = answer.sections().get(0);
        ReplySection whole = full.sections().get(0);
        assertThat(answer.view()).isEqualTo(Reply.View.ANSWER);
        assertThat(answer.headline())
                .isEqualTo("Application sharing failed: both parties outside the network;"
                        + " no TCP path through the A/V Edge");
        assertThat(s.steps()).extracting(ChecklistLine::number).containsExactly(1, 2, 3);
        assertThat(s.steps()).allSatisfy(c -> {
            assertThat(c.sources()).hasSizeLessThanOrEqualTo(ReplyBuilder.ANSWER_SOURCES);
            assertThat(c.merged()).isEmpty();
        });
        assertThat(s.detail()).isEmpty();
        assertThat(s.notes()).isEmpty();
        assertThat(s.flags().lines())
                .extracting(FlagLine::bit, FlagLine::mark)
                .containsExactly(
                        tuple("0x100", Mark.PROBLEM), tuple("0x200", Mark.PROBLEM), tuple("0x20", Mark.CAUTION));
        assertThat(s.fields())
                .extracting(FieldLine::name)
                .containsExactly("PortRange", "LocalLocation 1, RemoteLocation 1");
        assertThat(answer.footer()).startsWith((whole.steps().size() - 3) + " more steps in the full checklist.");
    }

    @Test
    void expectedBitsAreFoldedIntoACount() {
        // GIVEN sample 05 (0x80012b on an audio call), whose 0x100 is expected
        Reply answer = real.answer(decode(
                "ms-client-diagnostics: 23; reason=\"Call failed to establish due to a media connectivity failure when"
                        + " one endpoint is internal and the other is remote\";CalleeMediaDebug=\"audio:ICEWarn=0x80012b,"
                        + "LocalLocation=2,RemoteLocation=1,FederationType=0\""));
        // THEN the answer lists the five other bits and counts the expected one
        ReplySection.Flags flags = answer.sections().get(0).flags();
        assertThat(flags.lines())
                .extracting(FlagLine::bit)
                .doesNotContain("0x100")
                .hasSize(5);
        assertThat(flags.lines().get(0).mark()).isEqualTo(Mark.PROBLEM);
        assertThat(flags.folded()).isEqualTo("+1 expected check");
    }

    @Test
    void onACallThatWorkedEveryBitIsATriedPathAndTheColourIsInformational() {
        // GIVEN a normal hang-up (51004) with ICE bits
        Reply full = decode("ms-client-diagnostics: 51004; reason=\"Action initiated by user\";CallerMediaDebug="
                + "\"audio:ICEWarn=0x40003a0,LocalLocation=2,RemoteLocation=2,FederationType=0\"");
        ReplySection s = full.sections().get(0);
        // THEN the section is informational, no bit is marked a problem, and the answer counts them as tried paths
        assertThat(s.severity()).isEqualTo(Severity.INFO);
        assertThat(s.flags().lines()).extracting(FlagLine::mark).doesNotContain(Mark.PROBLEM, Mark.CAUTION);
        assertThat(s.flags().lines())
                .filteredOn(f -> f.bit().equals("0x4000000"))
                .singleElement()
                .satisfies(f -> assertThat(f.mark()).isEqualTo(Mark.INFO));
        ReplySection shown = real.answer(full).sections().get(0);
        assertThat(shown.flags().lines()).isEmpty();
        assertThat(shown.flags().folded()).contains("tried on a call that worked");
        assertThat(shown.steps()).isEmpty();
        assertThat(shown.remarks()).isNotEmpty().hasSizeLessThanOrEqualTo(ReplyBuilder.ANSWER_REMARKS);
    }

    @Test
    void theFullChecklistHoldsEveryOtherStepWithMergedWordsRemarksAndNotes() {
        // GIVEN the seed's full reply
        Reply full = decode(Fixtures.SEED_24);
        ReplySection whole = full.sections().get(0);
        // WHEN the full checklist is asked for
        Reply checklist = real.checklist(full);
        // THEN it holds steps 4 and on, with what merged steps said, the remarks and the caveats
        ReplySection s = checklist.sections().get(0);
        assertThat(s.steps())
                .extracting(ChecklistLine::number)
                .startsWith(4)
                .hasSize(whole.steps().size() - 3);
        assertThat(s.remarks()).isEqualTo(whole.remarks()).isNotEmpty();
        assertThat(s.notes()).isEqualTo(whole.notes());
        assertThat(checklist.summary()).contains("steps 1–3 are in the answer");
        assertThat(whole.steps().get(0).merged())
                .extracting(ReplySection.Remark::ruleId)
                .containsExactly("sharing-needs-tcp", "edge-port-range-outbound");
    }

    @Test
    void sectionsAreOrderedMostSeriousFirstAndManyGetADigestAndPicks() {
        // GIVEN a failure and a warning decoded in text order
        Reply reply = builder.decoded(Fixtures.SERVER_1008, Fixtures.server1008());
        // THEN the failure leads, the headline counts both, the parse problem is a note, and both are picks
        assertThat(reply.sections())
                .extracting(ReplySection::severity)
                .containsExactly(Severity.FAILURE, Severity.WARNING);
        assertThat(reply.headline()).isEqualTo("2 diagnostics: 1 failure, 1 warning");
        assertThat(reply.sections().get(0).context()).isEqualTo("written by sip.contoso.com · in a SIP 504 response");
        assertThat(reply.notes()).singleElement().satisfies(n -> assertThat(n).contains("character 3"));
        assertThat(reply.picks()).extracting(Reply.Pick::index).containsExactly(0, 1);
        assertThat(reply.digest())
                .singleElement()
                .satisfies(g -> assertThat(g.title()).isEmpty());
    }

    @Test
    void aLogIsGroupedByCallMostSeriousFirstAndTheAnswerShowsTheMostSeriousOne() throws Exception {
        // GIVEN the 11-diagnostic log WHEN the full reply and the answer are built
        Reply full = decode(log());
        Reply answer = real.answer(full);
        // THEN the headline counts diagnostics and calls, every group is a call, lines and picks run most
        // serious first, and the answer's lead is the most serious diagnostic, marked in the digest
        assertThat(full.headline()).isEqualTo("11 diagnostics in 7 calls: 7 failures, 1 warning, 3 informational");
        assertThat(full.digest())
                .hasSize(7)
                .allSatisfy(g -> assertThat(g.title()).startsWith("Call "));
        assertThat(full.digest().get(0).lines().get(0).severity()).isEqualTo(Severity.FAILURE);
        assertThat(full.picks()).hasSize(11);
        assertThat(full.picks().get(full.picks().size() - 1).severity()).isEqualTo(Severity.INFO);
        assertThat(answer.sections()).singleElement().satisfies(s -> {
            assertThat(s.label()).startsWith("Most serious: #1 ms-client-diagnostics 24");
            assertThat(s.steps()).hasSize(3);
        });
        assertThat(answer.digest().get(0).lines().get(0).text()).isEqualTo("the one above");
        assertThat(answer.summary()).isEqualTo("By call, most serious first");
    }

    @Test
    void oneDiagnosticOfManyOpensAsItsOwnReply() throws Exception {
        // GIVEN the log's full reply WHEN diagnostic #9 (52017) is opened
        Reply full = decode(log());
        Optional<Reply> one = real.one(full, 8);
        // THEN it is that diagnostic alone, and a position that does not exist gives nothing
        assertThat(one).hasValueSatisfying(r -> {
            assertThat(r.sections())
                    .singleElement()
                    .satisfies(s -> assertThat(s.label()).endsWith("52017"));
            assertThat(r.headline()).startsWith("The client refused the session");
            assertThat(r.digest()).isEmpty();
        });
        assertThat(real.one(full, 99)).isEmpty();
    }

    @Test
    void aDigestNeverListsMoreThanItsCapAndSaysHowManyAreLeft() {
        // GIVEN 80 diagnostics
        String text = "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\";source=\"sip.example.com\"\n"
                .repeat(80);
        Reply full = decode(text);
        // THEN the digest stops at its cap with one line counting the rest, and the menu offers 25
        long lines = full.digest().stream().mapToLong(g -> g.lines().size()).sum();
        assertThat(lines).isEqualTo(ReplyBuilder.MAX_DIGEST_LINES + 1);
        assertThat(full.digest().get(full.digest().size() - 1).lines().get(0).text())
                .startsWith("20 more diagnostics");
        assertThat(full.picks()).hasSize(ReplyBuilder.MAX_PICKS);
        assertThat(full.pickPrompt()).contains("25 most serious of 80");
    }

    @Test
    void withoutQuotesDropsOnlyTheQuotes() {
        Reply answer = builder.answer(builder.decoded(Fixtures.SEED_24, Fixtures.seed24()));
        Reply inThread = builder.withoutQuotes(answer);
        assertThat(answer.sections().get(0).quote()).isPresent();
        assertThat(answer.sections()
                        .get(0)
                        .quote()
                        .get()
                        .codePointCount(
                                0, answer.sections().get(0).quote().get().length()))
                .isLessThanOrEqualTo(ReplyBuilder.ANSWER_QUOTE_CODE_POINTS + 2);
        assertThat(inThread.sections().get(0).quote()).isEmpty();
        assertThat(inThread.sections().get(0).steps())
                .isEqualTo(answer.sections().get(0).steps());
    }

    @Test
    void nothingFoundGivesAHintOfWhatToPaste() {
        Reply reply = builder.decoded("is sharing broken for anyone?", Fixtures.nothing());
        assertThat(reply.kind()).isEqualTo(Reply.Kind.NOTHING_FOUND);
        assertThat(reply.sections()).isEmpty();
        assertThat(reply.summary()).contains("ms-client-diagnostics").contains("ICEWarn");
        assertThat(builder.answer(reply)).isSameAs(reply);
    }

    @Test
    void redactionHidesAddressesAndHostsEverywhere() {
        ReplyBuilder redacting = new ReplyBuilder(Fixtures::source, true);
        Reply reply = redacting.decoded(Fixtures.SERVER_1008, Fixtures.server1008());
        String all = reply.toString() + redacting.answer(reply);
        assertThat(all)
                .doesNotContain("sip.contoso.com")
                .doesNotContain("10.1.2.3")
                .contains("[host]");
        assertThat(reply.footer()).contains("hidden");
        assertThat(redacting.answer(reply).footer()).contains("hidden");
    }

    @Test
    void mentionsInUserTextAreNeutralised() {
        String text = "ms-diagnostics: 1008;reason=\"@everyone <@&42>\"";
        Reply reply = builder.decoded(text + " ".repeat(200), Fixtures.server1008());
        assertThat(reply.toString()).doesNotContain("@everyone").doesNotContain("<@&");
    }

    @Test
    void anIceWarnExplanationListsEachBitOnceAndHasNoFooterWithoutSteps() {
        // GIVEN 0x800, which the knowledge base knows as unconfirmed and the decoder lists as unknown too
        IceWarnExplanation e = DECODER.explainIceWarn("0x800").orElseThrow();
        assertThat(e.unknownBits()).containsExactly(0x800L);
        // WHEN explained
        Reply reply = real.iceWarn(e);
        // THEN the bit is listed once, marked unknown, and nothing speaks of steps
        assertThat(reply.sections().get(0).flags().lines())
                .singleElement()
                .satisfies(f -> assertThat(f.mark()).isEqualTo(Mark.UNKNOWN));
        assertThat(reply.footer()).isEmpty();
        assertThat(real.iceWarn(DECODER.explainIceWarn("0x320").orElseThrow()).footer())
                .isEmpty();
    }

    @Test
    void anUndocumentedBitIsUnknownAndTheValueAWarning() {
        IceWarnExplanation e = new IceWarnExplanation(
                IceWarn.parse("0x80000000").orElseThrow(), List.of(), List.of(0x80000000L), Optional.empty());
        Reply reply = builder.iceWarn(e);
        assertThat(reply.kind()).isEqualTo(Reply.Kind.EXPLANATION);
        assertThat(reply.sections().get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(reply.sections().get(0).flags().lines())
                .singleElement()
                .satisfies(f -> assertThat(f.mark()).isEqualTo(Mark.UNKNOWN));
    }

    @Test
    void aCodeExplanationSaysTheSituationInWordsNotAnInternalLabel() {
        Reply reply = real.code(DECODER.explainCode(null, 24));
        String all = reply.toString();
        assertThat(all).doesNotContain("both-remote").doesNotContain("Failure family");
        assertThat(reply.sections().get(0).fields())
                .extracting(FieldLine::name, FieldLine::words)
                .contains(tuple("Situation", "both parties outside the network"));
    }

    @Test
    void anUnknownCodeSaysSo() {
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
        ReplySection s = builder.code(c).sections().get(0);
        assertThat(s.detail()).isEqualTo("Nothing is known about this ID.");
        assertThat(s.notes()).hasSize(2);
        assertThat(s.sources()).extracting(SourceLink::key).containsExactly("S40");
    }

    @Test
    void parseProblemsAreCapped() {
        List<Problem> problems = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> new Problem(i, "bad"))
                .collect(java.util.stream.Collectors.toList());
        Reply reply = builder.nothingFound(problems);
        assertThat(reply.notes())
                .hasSize(ReplyBuilder.MAX_PROBLEM_NOTES + 1)
                .last()
                .asString()
                .contains("7 more");
    }

    @Test
    void notesAreAddedSanitisedAndRawFieldsKeepOnlyNamesAndValues() {
        Reply reply = builder.decoded(Fixtures.SEED_24, Fixtures.seed24());
        Reply noted = builder.withNotes(reply, List.of("big.log was not read @everyone"));
        Reply raw = builder.rawFields(reply);
        assertThat(noted.notes()).last().asString().contains("big.log").doesNotContain("@everyone");
        assertThat(raw.sections()).hasSameSizeAs(reply.sections());
        assertThat(raw.sections().get(0).fields())
                .anySatisfy(f -> assertThat(f.value()).isEqualTo("50040:50049"))
                .allSatisfy(f -> assertThat(f.words()).isEmpty());
        assertThat(raw.sections().get(0).steps()).isEmpty();
    }
}
