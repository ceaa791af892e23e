package io.icewarn.decoder.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.decoder.kb.KnowledgeBase;
import io.icewarn.decoder.kb.PhraseEntry;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ReasonPhrasesTest {
    private static final ReasonPhrases PHRASES =
            new ReasonPhrases(KnowledgeBase.load().phrases());

    private static List<String> ids(String reason, OptionalInt status) {
        return PHRASES.match(reason, status).stream().map(PhraseEntry::id).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Parsing failure, parsing-failure",
        "XML parse failure., parsing-failure",
        "Error parsing SDP., parsing-failure",
        "Request Timed-out., timeout",
        "The SIP INVITE request with the protocol client timed out., timeout",
        "Certificate trust with next-hop server could not be established., certificate-or-tls",
        "TLS handshake failed, certificate-or-tls",
        "User not found in pool., not-found",
        "Prompted subscriber does not exist., not-found",
        "From URI not authorized to communicate with federated partners., forbidden",
        "PSTN Toll Bypass disallowed., forbidden"
    })
    void match_documentedAndTypicalReasons_findTheirPhrase(String reason, String phrase) {
        assertThat(ids(reason, OptionalInt.empty())).containsExactly(phrase);
    }

    @Test
    void match_termsAreWholeWords_notPartsOfWords() {
        assertThat(ids("Sparse routing table", OptionalInt.empty())).isEmpty();
        assertThat(ids("Concertificated", OptionalInt.empty())).isEmpty();
        assertThat(ids("timedout", OptionalInt.empty())).isEmpty();
    }

    @Test
    void match_multiWordTerm_needsItsWordsInOrder() {
        assertThat(ids("out time", OptionalInt.empty())).isEmpty();
        assertThat(ids("found, not", OptionalInt.empty())).isEmpty();
        assertThat(ids("NOT   FOUND!", OptionalInt.empty())).containsExactly("not-found");
    }

    @Test
    void match_statusAlone_matchesWithoutAReason() {
        assertThat(ids(null, OptionalInt.of(403))).containsExactly("forbidden");
        assertThat(ids(null, OptionalInt.of(404))).containsExactly("not-found");
        assertThat(ids(null, OptionalInt.of(408))).containsExactly("timeout");
        assertThat(ids(null, OptionalInt.of(400))).containsExactly("parsing-failure");
        assertThat(ids(null, OptionalInt.of(486))).isEmpty();
        assertThat(ids(null, OptionalInt.empty())).isEmpty();
    }

    @Test
    void match_reasonAndStatus_giveEveryPhraseOnceInFileOrder() {
        assertThat(ids("Forbidden: parse error", OptionalInt.of(403))).containsExactly("parsing-failure", "forbidden");
    }

    @Test
    void match_wordsBeyondTheCap_areNotRead() {
        String filler = "x ".repeat(ReasonPhrases.MAX_REASON_CHARS);
        assertThat(ids(filler + "timeout", OptionalInt.empty())).isEmpty();
        assertThat(ids("timeout " + filler, OptionalInt.empty())).containsExactly("timeout");
    }

    /** Case, punctuation and spacing between words never change what matches; no input throws. */
    @RepeatedTest(200)
    void match_mutatedReason_matchesAsTheOriginal(RepetitionInfo repetition) {
        Random rnd = new Random(repetition.getCurrentRepetition());
        String[] reasons = {
            "Parsing failure",
            "Request Timed-out.",
            "Certificate trust with next-hop server could not be established.",
            "User not found in pool.",
            "From URI not authorized to communicate with public IM providers.",
            "Something odd happened"
        };
        String reason = reasons[rnd.nextInt(reasons.length)];
        StringBuilder mutated = new StringBuilder();
        for (String word : reason.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            mutated.append(" .,;:-_/()\"'\t\n".charAt(rnd.nextInt(14))).append(" ".repeat(rnd.nextInt(3)));
            mutated.append(rnd.nextBoolean() ? word.toUpperCase(Locale.ROOT) : word.toLowerCase(Locale.ROOT));
        }
        assertThat(ids(mutated.toString(), OptionalInt.empty())).isEqualTo(ids(reason, OptionalInt.empty()));

        char[] noise = new char[rnd.nextInt(300)];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (char) rnd.nextInt(0x3000);
        }
        assertThat(PHRASES.match(new String(noise), OptionalInt.of(rnd.nextInt(700))))
                .isNotNull();
    }
}
