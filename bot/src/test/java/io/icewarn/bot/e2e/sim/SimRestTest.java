package io.icewarn.bot.e2e.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's own parsing: route templates, multipart bodies, buckets and planned faults. */
final class SimRestTest {

    @ParameterizedTest
    @CsvSource({
        "gateway/bot, gateway/bot",
        "users/@me, users/@me",
        "channels/1234/messages, channels/{id}/messages",
        "channels/1234/messages/5678/threads, channels/{id}/messages/{id}/threads",
        "interactions/99/aW50ZXJhY3Rpb246OTk6abc/callback, interactions/{id}/{token}/callback",
        "webhooks/77/aW50ZXJhY3Rpb246OTk6abc, webhooks/{id}/{token}",
        "webhooks/77/tok/messages/@original, webhooks/{id}/{token}/messages/@original",
        "applications/77/commands, applications/{id}/commands"
    })
    void template_replacesIdsAndTokens(String path, String template) {
        assertThat(SimRest.template(path)).isEqualTo(template);
    }

    @Test
    void multipartBody_givesPayloadJsonAndFiles() {
        String body = "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + "{\"content\":\"caf\u00e9\"}\r\n"
                + "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"files[0]\"; filename=\"ticket.md\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n"
                + "# ticket\r\n"
                + "--XyZ--\r\n";
        Body b = Body.of("multipart/form-data; boundary=XyZ", body.getBytes(StandardCharsets.UTF_8));
        assertThat(b.node().path("content").asText()).isEqualTo("caf\u00e9");
        assertThat(b.files())
                .containsExactly(new Upload(
                        "files[0]", "ticket.md", "text/markdown", "# ticket".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void multipartBody_keepsBinaryFilesByteForByte() {
        // GIVEN a body with a PNG part whose bytes are not UTF-8, after the JSON part
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff, (byte) 0xfe, '-', '-'};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n\r\n{}\r\n"
                        + "--b0undary\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"call-flow.png\"\r\n"
                        + "Content-Type: image/png\r\nContent-Length: 13\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(png);
        out.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
        // WHEN the simulator reads it
        Body b = Body.of("multipart/form-data; boundary=b0undary", out.toByteArray());
        // THEN the file is whole, with its field, name and media type
        assertThat(b.files()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("files[0]");
            assertThat(f.name()).isEqualTo("call-flow.png");
            assertThat(f.contentType()).isEqualTo("image/png");
            assertThat(f.data()).isEqualTo(png);
        });
    }

    @Test
    void jsonBody_isKeptAsIs() {
        Body b = Body.of("application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(b.json()).isEqualTo("{\"a\":1}");
        assertThat(b.files()).isEmpty();
    }

    @Test
    void bucket_refusesOverItsLimitWithinTheWindow() {
        SimRest.Bucket bucket = new SimRest.Bucket("abc", 2, Duration.ofHours(1));
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
        assertThat(bucket.resetAfter()).isPositive();
    }

    @Test
    void plannedFaults_hitTheirRouteTheGivenNumberOfTimes() {
        RestControl control = new RestControl();
        control.failNext("POST channels/{id}/messages", 2, 502);
        assertThat(control.take("GET users/@me")).isEmpty();
        assertThat(control.take("POST channels/{id}/messages"))
                .hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(502));
        assertThat(control.take("POST channels/{id}/messages")).isPresent();
        assertThat(control.take("POST channels/{id}/messages")).isEmpty();
    }
}
