package io.icewarn.bot.features.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class LogReaderTest {
    private final LogReader reader = new LogReader();

    private LogReader.Read read(byte[] data, long budget) throws IOException {
        return reader.read(new ByteArrayInputStream(data), budget);
    }

    @Test
    void read_utf8Text() throws IOException {
        LogReader.Read r = read("ICEWarn=0x320\n".getBytes(StandardCharsets.UTF_8), 1000);
        assertThat(r.binary()).isFalse();
        assertThat(r.text()).isEqualTo("ICEWarn=0x320\n");
    }

    @Test
    void read_utf16WithAndWithoutBom() throws IOException {
        String s = "ms-diagnostics: 1008;reason=\"x\"";
        byte[] le = s.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[le.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(le, 0, withBom, 2, le.length);
        assertThat(read(withBom, 1000).text()).isEqualTo(s);
        assertThat(read(le, 1000).text()).isEqualTo(s);
    }

    @Test
    void read_binaryIsRefused() throws IOException {
        assertThat(read(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}, 1000)
                        .binary())
                .isTrue();
    }

    @Test
    void read_gzipAndZip() throws IOException {
        byte[] text = "hello log".getBytes(StandardCharsets.UTF_8);
        assertThat(read(Archives.gzip(text), 1000).text()).isEqualTo("hello log");
        LogReader.Read zip = read(Archives.zip("x.log", text), 1000);
        assertThat(zip.text()).contains("----- x.log -----").contains("hello log");
    }

    @Test
    void read_stopsAtTheBudget() throws IOException {
        byte[] big = new byte[1_000_000];
        java.util.Arrays.fill(big, (byte) 'x');
        LogReader.Read r = read(Archives.gzip(big), 10_000);
        assertThat(r.truncated()).isTrue();
        assertThat(r.bytes()).isEqualTo(10_000);
    }

    @Test
    void read_brokenGzipThrows() {
        byte[] broken = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(broken, 1000))
                .isInstanceOf(IOException.class);
    }
}
