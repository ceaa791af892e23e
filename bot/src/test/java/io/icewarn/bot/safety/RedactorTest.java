package io.icewarn.bot.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class RedactorTest {

    @Test
    void addressesAndHostNamesAreHidden() {
        // GIVEN fields with IPv4 (with ports and a double colon), IPv6 and a host name
        String in =
                "LocalSite=10.0.0.15:50010, LocalMR=192.168.100.1::58503 via lyncedge01.ucsorted.com [2001:db8::1]:443";
        // WHEN redacted
        String out = Redactor.redact(in);
        // THEN no address or host is left, the ports and keys are
        assertThat(out).isEqualTo("LocalSite=[ip]:50010, LocalMR=[ip]::58503 via [host] [ip]:443");
    }

    @Test
    void ordinaryWordsAndValuesAreKept() {
        // GIVEN a diagnostic without addresses WHEN redacted THEN nothing changes
        String in = "application-sharing:ICEWarn=0x320, PortRange=50040:50049, e.g. version 1.2";
        assertThat(Redactor.redact(in)).isEqualTo(in);
    }
}
