package io.icewarn.bot.features.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icewarn.bot.Fixtures;
import io.icewarn.decoder.DecodeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DecodeServiceTest {
    private final List<String> decoded = new ArrayList<>();
    private final DecodeService service = new DecodeService(this::decode, 100, Duration.ofMinutes(1), 2);

    private DecodeResult decode(String text) {
        decoded.add(text);
        return Fixtures.nothing();
    }

    @Test
    void theSamePasteWithOtherLineEndingsAndTrailingBlanksIsDecodedOnce() {
        // GIVEN one paste sent three times with different whitespace
        service.decode("line one  \r\nline two\t\r\n");
        service.decode("  line one\nline two");
        DecodedText third = service.decode("line one \rline two \n\n");
        // THEN the decoder ran once on the normalised text and the stats show 2 hits
        assertThat(decoded).containsExactly("line one\nline two");
        assertThat(third.text()).isEqualTo("line one\nline two");
        CacheStats stats = service.stats();
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hitRate()).isEqualTo(2.0 / 3);
    }

    @Test
    void aNegativeCacheSizeOrLifetimeIsRefusedAtConstructionThoughTheCacheIsBuiltLater() {
        assertThatThrownBy(() -> new DecodeService(this::decode, -1, Duration.ofMinutes(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecodeService(this::decode, 10, Duration.ofMinutes(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void differentTextIsDecodedAgain() {
        // GIVEN two different pastes WHEN decoded THEN both reach the decoder
        service.decode("a");
        service.decode("b");
        assertThat(decoded).containsExactly("a", "b");
        assertThat(service.stats().misses()).isEqualTo(2);
    }

    @Test
    void aHugeTextIsDecodedButNotCached() {
        // GIVEN a text over the cache limit
        String big = "x".repeat(DecodeService.MAX_CACHED_CHARS + 1);
        // WHEN decoded twice THEN the decoder runs twice and the cache stays empty
        service.decode(big);
        service.decode(big);
        assertThat(decoded).hasSize(2);
        assertThat(service.stats().size()).isZero();
    }

    @Test
    void normaliseKeepsInnerSpacing() {
        assertThat(DecodeService.normalise("a  b\r\n\r\n c  ")).isEqualTo("a  b\n\n c");
    }

    @Test
    void emptyStatsHaveAFullHitRate() {
        assertThat(CacheStats.empty().hitRate()).isEqualTo(1.0);
    }

    @Test
    void tryDecodeRefusesAtOnceWhenEverySlotIsTaken() throws Exception {
        // GIVEN a service with one slot, held by a decode that waits
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        DecodeService one = new DecodeService(
                text -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Fixtures.nothing();
                },
                100,
                Duration.ofMinutes(1),
                1);
        Thread holder = new Thread(() -> one.decode("held"));
        holder.start();
        inside.await();
        // WHEN another text is tried THEN it is refused without waiting
        assertThat(one.tryDecode("other")).isEmpty();
        release.countDown();
        holder.join();
        // AND a cached text is served even when slots are taken, and a free slot decodes
        assertThat(one.tryDecode("held")).isPresent();
        assertThat(one.tryDecode("other")).isPresent();
    }

    @Test
    void normaliseMatchesTheLineRulesOnRandomText() {
        // GIVEN random text over blanks, line ends and letters (seeded)
        java.util.Random random = new java.util.Random(42);
        String alphabet = " \t\u000B\f\r\nab";
        java.util.regex.Pattern trailing = java.util.regex.Pattern.compile("[ \\t\\x0B\\f]+(?=\\n|$)");
        for (int run = 0; run < 5_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // WHEN normalised THEN it equals the reference rules (unify line ends, drop trailing blanks, strip)
            String unified = text.toString().replace("\r\n", "\n").replace('\r', '\n');
            String expected = trailing.matcher(unified).replaceAll("").strip();
            assertThat(DecodeService.normalise(text.toString()))
                    .as("run %d", run)
                    .isEqualTo(expected);
        }
    }

    @Test
    void normaliseIsLinearOnLongBlankRuns() {
        // GIVEN a hostile paste: a long blank run not followed by a line end (quadratic for the old regex)
        String hostile = " ".repeat(500_000) + "x" + "\t".repeat(500_000) + "\ny";
        // WHEN normalised THEN it returns (the test would hang, not fail, if this were quadratic)
        assertThat(DecodeService.normalise(hostile)).startsWith("x").endsWith("x\ny");
    }
}
