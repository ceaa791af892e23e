package io.icewarn.decoder.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
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
}
