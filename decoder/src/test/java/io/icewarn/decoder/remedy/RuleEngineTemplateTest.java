package io.icewarn.decoder.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RuleEngineTemplateTest {

    @Test
    void fill_replacesPlaceholdersIgnoringCase() {
        assertThat(RuleEngine.fill(
                        "Range {PortRange} has {portRangeSize} ports",
                        Map.of("portrange", "50040:50049", "portrangesize", "10")))
                .hasValue("Range 50040:50049 has 10 ports");
    }

    @Test
    void fill_missingValue_dropsTheStep() {
        assertThat(RuleEngine.fill("Check {LocalMR}", Map.of())).isEmpty();
    }

    @Test
    void fill_unclosedBrace_isLiteral() {
        assertThat(RuleEngine.fill("a { b", Map.of())).hasValue("a { b");
    }

    @Test
    void mask_orsBits() {
        assertThat(RuleEngine.mask(List.of("0x100", "0x200", "0x20"))).isEqualTo(0x320L);
    }
}
