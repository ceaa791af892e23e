package io.icewarn.bot.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SanitizerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "@everyone",
                "@here",
                "@EveryOne",
                "<@123456789012345678>",
                "<@!123456789012345678>",
                "<@&123456789012345678>",
                "<#123456789012345678>",
                "</decode:123456789012345678>"
            })
    void mentionFormsAreNeutralised(String mention) {
        // GIVEN a paste holding a mention WHEN cleaned
        String out = Sanitizer.clean("hi " + mention + " there");
        // THEN no Discord mention syntax survives
        assertThat(out).doesNotContainPattern("@(everyone|here)|<@|<#|</").doesNotContain(mention);
    }

    @Test
    void bidiAndZeroWidthCharactersAreRemoved() {
        // GIVEN text with every bidi override/isolate and zero-width character
        String in =
                "a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u200Bk\u200Cl\u200Dm\u2060n\uFEFFo";
        // WHEN cleaned THEN only the letters remain
        assertThat(Sanitizer.clean(in)).isEqualTo("abcdefghijklmno");
    }

    @Test
    void zeroWidthCharactersCannotHideAMention() {
        // GIVEN a mention split by a zero-width space WHEN cleaned THEN it is still neutralised
        assertThat(Sanitizer.clean("@\u200Beveryone")).doesNotContain("@everyone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"```", "````", "``````", "a```b```c", "``\u200B`"})
    void pastedTextCannotCloseACodeFence(String in) {
        // GIVEN backtick runs WHEN cleaned THEN no three backticks remain in a row
        assertThat(Sanitizer.clean(in)).doesNotContain("```");
    }

    @Test
    void cleaningTwiceChangesNothing() {
        // GIVEN a nasty string
        String in = "@everyone <@&1> ``` \u202E evil \r\n next";
        String once = Sanitizer.clean(in);
        // WHEN cleaned again THEN it is unchanged
        assertThat(Sanitizer.clean(once)).isEqualTo(once);
    }

    @Test
    void cleanLineFoldsLineBreaks() {
        assertThat(Sanitizer.cleanLine("a\nb\r\nc\td")).isEqualTo("a b c d");
    }

    @Test
    void plainDiagnosticTextIsKept() {
        // GIVEN an ordinary diagnostic WHEN cleaned THEN it is unchanged
        String d = "ms-client-diagnostics: 24; reason=\"x\";CallerMediaDebug=\"audio:ICEWarn=0x320\"";
        assertThat(Sanitizer.clean(d)).isEqualTo(d);
    }
}
