package io.icewarn.bot.discord;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The bot's first request, before it opens its store or starts JDA: {@code GET gateway/bot} with the token,
 * the request JDA itself starts with. It tells a network failure (DNS, refused connection, TLS, timeout) from
 * a token Discord refuses (401), so the operator reads one line that names the right cause instead of JDA's
 * stack traces. Thread-safe.
 */
final class LoginCheck {
    /** The route asked: Discord answers it only to a valid bot token. */
    static final String ROUTE = "gateway/bot";
    /** How long the check waits for Discord's answer in all (connect, TLS, response). */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final OkHttpClient client;
    private final Duration timeout;

    /** Returns a check that asks through {@code client} with the call timeout {@code timeout} set on it. */
    LoginCheck(OkHttpClient client, Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = client.newBuilder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .build();
    }

    /** Returns a check with its own client and {@link #TIMEOUT}. */
    static LoginCheck standard() {
        return new LoginCheck(new OkHttpClient(), TIMEOUT);
    }

    /**
     * Asks Discord at {@code restBase} whether {@code token} logs in; returns empty when it does, else why
     * not. Never throws for a network failure; the token is sent in the header only and is in no message.
     */
    Optional<Refusal> check(URI restBase, String token) {
        Request request = new Request.Builder()
                .get()
                .url(restBase.resolve(ROUTE).toString())
                .header("Authorization", "Bot " + token)
                .build();
        try (Response response = client.newCall(request).execute()) {
            return Refusal.ofStatus(response.code(), restBase.getHost());
        } catch (IOException e) {
            return Optional.of(Refusal.of(e, restBase, timeout));
        } finally {
            client.connectionPool().evictAll();
        }
    }

    /**
     * Why the bot cannot log in: the exit status and the one line for standard error.
     *
     * @param exitStatus 1 when trying again later may work (network, Discord's trouble), {@link
     *     FatalClose#EXIT_STATUS} when Discord refused the token, so a restart would only repeat it
     * @param message one line without the {@code icewarn: } prefix, saying what failed and what to check
     */
    record Refusal(int exitStatus, String message) {
        /** The exit status of a login that may work later. */
        static final int CANNOT_LOG_IN = 1;

        Refusal {
            Objects.requireNonNull(message, "message");
        }

        /** Returns the refusal an HTTP {@code status} from {@code host} means, or empty for a success. */
        static Optional<Refusal> ofStatus(int status, String host) {
            if (status >= 200 && status < 300) {
                return Optional.empty();
            }
            if (status == 401) {
                return Optional.of(tokenRefused("401 Unauthorized"));
            }
            if (status == 429) {
                return Optional.of(new Refusal(
                        CANNOT_LOG_IN,
                        "Discord is rate-limiting requests from this address (429 from " + host
                                + "); wait a few minutes before starting the bot again"));
            }
            if (status >= 500) {
                return Optional.of(new Refusal(
                        CANNOT_LOG_IN,
                        "Discord could not answer the login (" + status + " from " + host + "); try again later"));
            }
            return Optional.of(new Refusal(
                    CANNOT_LOG_IN,
                    "Discord answered " + status + " to the login (GET " + ROUTE + " at " + host
                            + "); check ICEWARN_DISCORD_API_URL"));
        }

        /** Returns the refusal of a token Discord rejected, with {@code how} it said so. */
        static Refusal tokenRefused(String how) {
            return new Refusal(
                    FatalClose.EXIT_STATUS,
                    "Discord refused the bot token (" + how + "): copy the token again from the Developer Portal"
                            + " (https://discord.com/developers/applications, your application, Bot, Reset Token)"
                            + " into DISCORD_TOKEN");
        }

        /**
         * Returns what the network failure {@code e} reaching {@code base} means for an operator: the name
         * not found (DNS), the connection refused or with no route, the TLS handshake failed, or no answer
         * within {@code timeout}. Never blames the token.
         */
        static Refusal of(IOException e, URI base, Duration timeout) {
            String host = base.getHost();
            String where = host + ":" + port(base);
            String cause;
            if (e instanceof UnknownHostException) {
                cause = "the name " + host + " does not resolve (DNS); check this machine's DNS and network";
            } else if (e instanceof NoRouteToHostException) {
                cause = "no route to " + where + "; check the network and any firewall";
            } else if (e instanceof ConnectException) {
                cause = "the connection to " + where + " failed (" + reason(e, "refused")
                        + "); check the network, any firewall or proxy";
            } else if (e instanceof SSLException) {
                cause = "the TLS handshake with " + where + " failed ("
                        + e.getClass().getSimpleName()
                        + "); check the system clock, the JRE's CA certificates and any proxy that intercepts TLS";
            } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
                cause = "no answer from " + where + " within " + seconds(timeout)
                        + " s (timeout); check the network and any firewall or proxy";
            } else {
                cause = "a network error talking to " + where + " ("
                        + e.getClass().getSimpleName() + "); check the network";
            }
            return new Refusal(CANNOT_LOG_IN, "cannot reach Discord: " + cause);
        }

        /**
         * Returns the refusal an exception thrown by JDA's login means, when the check passed but JDA's own
         * requests then failed: a network failure or a rejected token in its causes, else a generic line.
         */
        static Refusal ofLogin(Throwable thrown, URI base, Duration timeout) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof InvalidTokenException) {
                    return tokenRefused("401 Unauthorized");
                }
                if (t instanceof IOException io) {
                    return of(io, base, timeout);
                }
            }
            return new Refusal(
                    CANNOT_LOG_IN,
                    "could not log in to Discord (" + thrown.getClass().getSimpleName() + ")");
        }

        private static String seconds(Duration d) {
            return d.toMillis() % 1000 == 0
                    ? String.valueOf(d.toSeconds())
                    : java.math.BigDecimal.valueOf(d.toMillis(), 3)
                            .stripTrailingZeros()
                            .toPlainString();
        }

        private static int port(URI base) {
            if (base.getPort() != -1) {
                return base.getPort();
            }
            return "http".equalsIgnoreCase(base.getScheme()) ? 80 : 443;
        }

        /** Returns the exception's short reason (its message's last clause, e.g. "Connection refused"). */
        private static String reason(IOException e, String fallback) {
            String m = e.getMessage();
            if (m == null || m.isBlank()) {
                return fallback;
            }
            // OkHttp wraps the socket's "Connection refused" as "Failed to connect to /127.0.0.1:9"
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String r = root.getMessage();
            String text = r != null && !r.isBlank() ? r : m;
            return text.length() > 60 || text.contains("\n") ? fallback : text;
        }
    }
}
