package io.icewarn.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLHandshakeException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class LoginCheckTest {
    private static final String TOKEN = "MTIzNDU2.abcdef.secret-part-of-the-token";
    private static final URI DISCORD = URI.create("https://discord.com/api/v10/");
    private static final Duration SHORT = Duration.ofMillis(500);
    /** Long enough for a loopback server on a loaded machine to answer. */
    private static final Duration PATIENT = Duration.ofSeconds(10);

    // ---- unit: what each failure says ----

    @Test
    void aSuccessIsNoRefusal() {
        assertThat(LoginCheck.Refusal.ofStatus(200, "discord.com")).isEmpty();
    }

    @Test
    void a401BlamesTheTokenAndEndsLikeAGatewayRefusal() {
        LoginCheck.Refusal r = LoginCheck.Refusal.ofStatus(401, "discord.com").orElseThrow();

        assertThat(r.exitStatus()).isEqualTo(FatalClose.EXIT_STATUS);
        assertThat(r.message()).contains("refused the bot token", "401", "Reset Token", "DISCORD_TOKEN");
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 404})
    void otherStatusesDoNotBlameTheToken(int status) {
        LoginCheck.Refusal r =
                LoginCheck.Refusal.ofStatus(status, "discord.com").orElseThrow();

        assertThat(r.exitStatus()).isEqualTo(1);
        assertThat(r.message()).contains(String.valueOf(status)).doesNotContainIgnoringCase("token");
    }

    @Test
    void eachNetworkFailureNamesItsCauseInOneLineWithoutBlamingTheToken() {
        List<IOException> failures = List.of(
                new UnknownHostException("discord.com: Name or service not known"),
                new ConnectException("Failed to connect to discord.com/162.159.138.232:443"),
                new SSLHandshakeException("PKIX path building failed"),
                new SocketTimeoutException("connect timed out"));
        List<String> says = List.of("DNS", "connection to discord.com:443 failed", "TLS handshake", "timeout");

        for (int i = 0; i < failures.size(); i++) {
            LoginCheck.Refusal r = LoginCheck.Refusal.of(failures.get(i), DISCORD, Duration.ofSeconds(15));

            assertThat(r.exitStatus()).isEqualTo(1);
            assertThat(r.message())
                    .startsWith("cannot reach Discord: ")
                    .contains(says.get(i))
                    .doesNotContainIgnoringCase("token")
                    .doesNotContain("\n");
        }
    }

    @Test
    void aFailureInsideJdasLoginIsClassifiedByItsCause() {
        RuntimeException dns =
                new CompletionException(new UncheckedIOException(new UnknownHostException("discord.com")));

        assertThat(LoginCheck.Refusal.ofLogin(dns, DISCORD, SHORT).message()).contains("DNS");
        assertThat(LoginCheck.Refusal.ofLogin(new InvalidTokenException(), DISCORD, SHORT)
                        .exitStatus())
                .isEqualTo(FatalClose.EXIT_STATUS);
        assertThat(LoginCheck.Refusal.ofLogin(new IllegalStateException("odd"), DISCORD, SHORT)
                        .message())
                .contains("IllegalStateException")
                .doesNotContainIgnoringCase("token");
    }

    // ---- component: the check against real sockets on loopback ----

    @Test
    void aRefusedConnectionIsReportedAsSuch() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        Optional<LoginCheck.Refusal> r = check(URI.create("http://127.0.0.1:" + port + "/api/v10/"));

        assertThat(r)
                .hasValueSatisfying(x -> assertThat(x.message())
                        .contains("connection to 127.0.0.1:" + port + " failed", "refused")
                        .doesNotContain(TOKEN));
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws IOException {
        // accepts the connection (the backlog does) but never answers
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Optional<LoginCheck.Refusal> r = new LoginCheck(new OkHttpClient(), SHORT)
                    .check(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/api/v10/"), TOKEN);

            assertThat(r).hasValueSatisfying(x -> assertThat(x.message()).contains("within 0.5 s (timeout)"));
        }
    }

    @Test
    void aNameThatDoesNotResolveIsDns() {
        OkHttpClient noDns = new OkHttpClient.Builder()
                .dns(host -> {
                    throw new UnknownHostException(host);
                })
                .build();

        Optional<LoginCheck.Refusal> r = new LoginCheck(noDns, SHORT).check(DISCORD, TOKEN);

        assertThat(r).hasValueSatisfying(x -> assertThat(x.message()).contains("discord.com does not resolve (DNS)"));
    }

    @Test
    void tlsAgainstAPlainServerIsAHandshakeFailure() throws Exception {
        // a plain-text server that answers whatever it gets with an HTTP line, as a TLS-less proxy would
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.getInputStream().read();
                } catch (IOException e) {
                    // the client gave up: done
                }
            });
            answering.start();

            Optional<LoginCheck.Refusal> r =
                    check(URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/api/v10/"));

            assertThat(r).hasValueSatisfying(x -> assertThat(x.message()).contains("TLS handshake"));
            answering.join(5_000);
        }
    }

    @Test
    void aTokenDiscordRefusesIsA401AndTheTokenTravelsOnlyInTheHeader() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = server(401, seen);
        try {
            Optional<LoginCheck.Refusal> r =
                    check(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/"));

            assertThat(r).hasValueSatisfying(x -> {
                assertThat(x.exitStatus()).isEqualTo(FatalClose.EXIT_STATUS);
                assertThat(x.message()).contains("401").doesNotContain(TOKEN);
            });
            assertThat(seen).containsExactly("GET /api/v10/gateway/bot Bot " + TOKEN);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTokenDiscordAcceptsPasses() throws IOException {
        HttpServer server = server(200, new CopyOnWriteArrayList<>());
        try {
            assertThat(check(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/")))
                    .isEmpty();
        } finally {
            server.stop(0);
        }
    }

    private static Optional<LoginCheck.Refusal> check(URI base) {
        return new LoginCheck(new OkHttpClient(), PATIENT).check(base, TOKEN);
    }

    /** Returns a started HTTP server answering every request with {@code status}, noting each in {@code seen}. */
    private static HttpServer server(int status, List<String> seen) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"url\":\"wss://gateway.discord.gg\",\"shards\":1}".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
