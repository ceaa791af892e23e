package io.icewarn.decoder.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class PortRangeTest {

    @ParameterizedTest
    @CsvSource({"50040:50049, 10", "1025:65000, 63976", "50000-50019, 20", "' 20000 : 20039 ', 40", "5:5, 1"})
    void parse_validRanges(String text, int size) {
        assertThat(PortRange.parse(text))
                .hasValueSatisfying(r -> assertThat(r.size()).isEqualTo(size));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "50049:50040", "1:70000", "a:b", "50040", "50040:"})
    void parse_invalid_isEmpty(String text) {
        assertThat(PortRange.parse(text)).isEmpty();
    }
}
