package io.icewarn.decoder.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class FieldsTest {

    @Test
    void get_ignoresCaseAndReturnsFirst() {
        Fields f = Fields.of(
                List.of(new Field("ICEWarn", "0x320"), new Field("icewarn", "0x1"), new Field("RemoteSite", "")));
        assertThat(f.get("icewarn")).hasValue("0x320");
        assertThat(f.get("remotesite")).hasValue("");
        assertThat(f.nonEmpty("RemoteSite")).isEmpty();
        assertThat(f.get("LocalMR")).isEmpty();
    }

    @Test
    void field_blankKey_isRejected() {
        assertThatThrownBy(() -> new Field(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mediaInfo_of_readsTypedViews() {
        MediaInfo i = MediaInfo.of(Fields.of(List.of(
                new Field("ICEWarn", "0x4000320"),
                new Field("LocalSite", "207.46.5.9:20702"),
                new Field("LocalMR", "207.46.5.63:54829"),
                new Field("PortRange", "1025:65000"),
                new Field("LocalLocation", "1"),
                new Field("RemoteLocation", "2"),
                new Field("FederationType", "x"))));
        assertThat(i.iceWarn().orElseThrow().value()).isEqualTo(0x4000320L);
        assertThat(i.localMr().orElseThrow().port()).hasValue(54829);
        assertThat(i.portRange().orElseThrow().size()).isEqualTo(63976);
        assertThat(i.localLocation()).hasValue(1);
        assertThat(i.remoteLocation()).hasValue(2);
        assertThat(i.federationType()).isEmpty();
        assertThat(i.remoteSite()).isEmpty();
    }
}
