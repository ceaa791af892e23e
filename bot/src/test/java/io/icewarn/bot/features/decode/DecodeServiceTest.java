package io.icewarn.bot.features.decode;

import static org.assertj.core.api.Assertions.assertThat;

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
}
