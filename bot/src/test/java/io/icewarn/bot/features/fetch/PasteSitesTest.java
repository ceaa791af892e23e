package io.icewarn.bot.features.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class PasteSitesTest {
    private final PasteSites sites = PasteSites.standard();

    static Stream<Arguments> links() {
        return Stream.of(
                Arguments.of("https://pastebin.com/AbCd1234", "https://pastebin.com/raw/AbCd1234"),
                Arguments.of("https://pastebin.com/raw/AbCd1234", "https://pastebin.com/raw/AbCd1234"),
                Arguments.of(
                        "https://gist.github.com/someone/0123456789abcdef",
                        "https://gist.githubusercontent.com/someone/0123456789abcdef/raw"),
                Arguments.of("https://hastebin.com/abcdefgh.txt", "https://hastebin.com/raw/abcdefgh"),
                Arguments.of("https://paste.ee/p/AbC12", "https://paste.ee/r/AbC12"),
                Arguments.of("https://termbin.com/x7k2", "https://termbin.com/x7k2"));
    }

    @ParameterizedTest
    @MethodSource("links")
    void raw_knownSite(String link, String raw) {
        assertThat(sites.raw(link)).isEqualTo(raw);
    }

    @Test
    void raw_unknownSiteIsNotFetched() {
        assertThat(sites.raw("https://example.com/AbCd1234")).isNull();
        assertThat(sites.raw("https://pastebin.com.evil.example/AbCd1234")).isNull();
    }

    @Test
    void links_atMostThreeInOrderWithoutTrailingPunctuation() {
        String text = "see https://pastebin.com/AAAA1111, https://termbin.com/b2c4 https://example.com/x "
                + "(https://paste.ee/p/CCC3) and https://pastebin.com/DDDD4444!";
        assertThat(sites.links(text))
                .extracting(FileRef::url)
                .containsExactly(
                        "https://pastebin.com/raw/AAAA1111", "https://termbin.com/b2c4", "https://paste.ee/r/CCC3");
    }
}
