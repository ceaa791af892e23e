package io.icewarn.decoder.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class IceWarnTest {

    @ParameterizedTest
    @CsvSource({
        "0x320, 800, HEX",
        "0X4000320, 67109664, HEX",
        "3a0, 928, HEX_UNPREFIXED",
        "800, 800, DECIMAL",
        "0x0, 0, HEX",
        "0, 0, DECIMAL",
        "0xffffffff, 4294967295, HEX",
        "4294967295, 4294967295, DECIMAL",
        "' 0x80012b ', 8388907, HEX"
    })
    void parse_acceptsHexAndDecimal(String text, long value, IceWarn.Radix radix) {
        assertThat(IceWarn.parse(text)).hasValueSatisfying(w -> {
            assertThat(w.value()).isEqualTo(value);
            assertThat(w.radix()).isEqualTo(radix);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "0x1ffffffff", "4294967296", "0xg1", "-1", "12 34", "0x12,", "99999999999"})
    void parse_rejectsNonNumbers(String text) {
        assertThat(IceWarn.parse(text)).isEmpty();
    }

    @Test
    void parse_null_isEmpty() {
        assertThat(IceWarn.parse(null)).isEmpty();
    }

    @Test
    void setBits_knownValues() {
        assertThat(IceWarn.parse("0x320").orElseThrow().setBits()).containsExactly(0x20L, 0x100L, 0x200L);
        assertThat(IceWarn.parse("0x12b").orElseThrow().setBits()).containsExactly(0x1L, 0x2L, 0x8L, 0x20L, 0x100L);
        assertThat(IceWarn.parse("0x80000").orElseThrow().setBits()).containsExactly(0x80000L);
        assertThat(IceWarn.parse("0x1").orElseThrow().setBits()).containsExactly(0x1L);
        assertThat(IceWarn.parse("0x80000000").orElseThrow().setBits()).containsExactly(0x80000000L);
        assertThat(IceWarn.parse("0x0").orElseThrow().setBits()).isEmpty();
    }

    @Test
    void setBits_randomMasks_areExactlyTheirBits() {
        Random random = new Random(20261124L);
        for (int i = 0; i < 5_000; i++) {
            long mask = random.nextLong() & 0xFFFF_FFFFL;
            if (i % 3 == 0) {
                mask &= random.nextLong(); // sparser masks too
            }
            List<Long> expected = new ArrayList<>();
            for (int b = 0; b < 32; b++) {
                if ((mask & (1L << b)) != 0) {
                    expected.add(1L << b);
                }
            }
            IceWarn hex = IceWarn.parse("0x" + Long.toHexString(mask)).orElseThrow();
            IceWarn dec = IceWarn.parse(Long.toString(mask)).orElseThrow();
            assertThat(hex.setBits()).isEqualTo(expected);
            assertThat(dec.value()).isEqualTo(mask);
            assertThat(hex.setBits().stream().mapToLong(Long::longValue).sum()).isEqualTo(mask);
            assertThat(hex.hex()).isEqualTo("0x" + Long.toHexString(mask));
        }
    }

    @Test
    void problem_saysPreciselyWhatIsWrong() {
        assertThat(IceWarn.problem("0x320")).isEmpty();
        assertThat(IceWarn.problem("0x100000000"))
                .hasValueSatisfying(m -> assertThat(m).contains("over 32 bits").contains("0xffffffff"));
        assertThat(IceWarn.problem("4294967296"))
                .hasValueSatisfying(m -> assertThat(m).contains("over 32 bits"));
        assertThat(IceWarn.problem("0x")).hasValueSatisfying(m -> assertThat(m).contains("no digits"));
        assertThat(IceWarn.problem("0x32g"))
                .hasValueSatisfying(m -> assertThat(m).contains("'g'"));
        assertThat(IceWarn.problem("-5")).hasValueSatisfying(m -> assertThat(m).contains("negative"));
        assertThat(IceWarn.problem(" ")).hasValueSatisfying(m -> assertThat(m).contains("empty"));
        assertThat(IceWarn.problem("0x000000320"))
                .hasValueSatisfying(m -> assertThat(m).contains("0x320"));
    }
}
