package io.icewarn.decoder.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class EndpointTest {

    @Test
    void parse_hostPort() {
        Endpoint e = Endpoint.parse("207.46.5.9:20702").orElseThrow();
        assertThat(e.host()).isEqualTo("207.46.5.9");
        assertThat(e.port()).isEqualTo(OptionalInt.of(20702));
        assertThat(e.isPublicIpv4()).isTrue();
    }

    @Test
    void parse_doubleColon() {
        Endpoint e = Endpoint.parse("192.168.100.1::58503").orElseThrow();
        assertThat(e.host()).isEqualTo("192.168.100.1");
        assertThat(e.port()).isEqualTo(OptionalInt.of(58503));
        assertThat(e.isPrivateIpv4()).isTrue();
    }

    @Test
    void parse_emptyOrBlank_isEmpty() {
        assertThat(Endpoint.parse("")).isEmpty();
        assertThat(Endpoint.parse("  ")).isEmpty();
        assertThat(Endpoint.parse(null)).isEmpty();
    }

    @Test
    void parse_hostWithoutPort() {
        Endpoint e = Endpoint.parse("lyncedge01.example.com").orElseThrow();
        assertThat(e.host()).isEqualTo("lyncedge01.example.com");
        assertThat(e.port()).isEmpty();
        assertThat(e.isPrivateIpv4()).isFalse();
        assertThat(e.isPublicIpv4()).isFalse();
    }

    @Test
    void parse_ipv6() {
        assertThat(Endpoint.parse("[2001:db8::1]:3478").orElseThrow().host()).isEqualTo("2001:db8::1");
        assertThat(Endpoint.parse("2001:db8::1").orElseThrow().port()).isEmpty();
    }

    @Test
    void isPrivateIpv4_ranges() {
        assertThat(Endpoint.parse("10.0.0.15:1").orElseThrow().isPrivateIpv4()).isTrue();
        assertThat(Endpoint.parse("172.16.0.1:1").orElseThrow().isPrivateIpv4()).isTrue();
        assertThat(Endpoint.parse("172.32.0.1:1").orElseThrow().isPrivateIpv4()).isFalse();
        assertThat(Endpoint.parse("100.64.1.1:1").orElseThrow().isPrivateIpv4()).isTrue();
        assertThat(Endpoint.parse("256.1.1.1:1").orElseThrow().isPublicIpv4()).isFalse();
    }

    @Test
    void ipv4Classification_matchesAReadingByParts_onSeededHosts() {
        Random rnd = new Random(20261203);
        String alphabet = "0123456789..:x ";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder host = new StringBuilder();
            if (rnd.nextBoolean()) {
                for (int k = 0; k < 4; k++) {
                    host.append(k > 0 ? "." : "").append(rnd.nextInt(rnd.nextBoolean() ? 300 : 1200));
                }
                if (rnd.nextInt(4) == 0) {
                    host.insert(rnd.nextInt(host.length() + 1), alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            } else {
                int length = rnd.nextInt(18);
                for (int k = 0; k < length; k++) {
                    host.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            Endpoint e = new Endpoint(host.toString(), host.toString(), OptionalInt.empty());
            int[] octets = octetsByParts(host.toString());
            boolean isPrivate = octets != null
                    && (octets[0] == 10
                            || octets[0] == 127
                            || (octets[0] == 172 && octets[1] >= 16 && octets[1] <= 31)
                            || (octets[0] == 192 && octets[1] == 168)
                            || (octets[0] == 169 && octets[1] == 254)
                            || (octets[0] == 100 && octets[1] >= 64 && octets[1] <= 127));
            assertThat(e.isPrivateIpv4()).as(host.toString()).isEqualTo(isPrivate);
            assertThat(e.isPublicIpv4()).as(host.toString()).isEqualTo(octets != null && !isPrivate);
        }
    }

    /** Four dot-separated parts of 1–3 ASCII digits, each at most 255; null otherwise. */
    private static int[] octetsByParts(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] o = new int[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return null;
            }
            o[i] = Integer.parseInt(parts[i]);
        }
        return o;
    }
}
