package io.icewarn.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class InputReaderTest {

    @Test
    void utf8WithABomIsRead() {
        // GIVEN UTF-8 with a byte-order mark WHEN decoded THEN the text comes back without it
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "ICEWarn=0x320 😀".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        assertThat(InputReader.decode(all).text()).contains("ICEWarn=0x320 😀");
    }

    @Test
    void utf16IsRefusedAsBinary() {
        // GIVEN a UTF-16 file (NUL bytes) WHEN decoded THEN it is refused with a reason
        assertThat(InputReader.decode("abc".getBytes(StandardCharsets.UTF_16LE)).error())
                .hasValueSatisfying(e -> assertThat(e).contains("binary"));
    }

    @Test
    void tooLargeIsRefused() {
        assertThat(InputReader.decode(new byte[InputReader.MAX_BYTES + 1]).error())
                .hasValueSatisfying(e -> assertThat(e).contains("larger than 64 MB"));
    }
}
