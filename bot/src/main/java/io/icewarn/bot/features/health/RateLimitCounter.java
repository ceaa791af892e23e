package io.icewarn.bot.features.health;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * An OkHttp interceptor that counts HTTP 429 responses from Discord as {@link Metrics#restRateLimitHit()}.
 *
 * <p>JDA queues requests per route bucket, so a 429 means a limit it did not foresee (a shared or global limit).
 * Install with {@code DefaultShardManagerBuilder.setHttpClientBuilder(new OkHttpClient.Builder()
 * .addInterceptor(new RateLimitCounter(metrics)))}. Thread safe.
 */
public final class RateLimitCounter implements Interceptor {

    private final Metrics metrics;

    /** Returns an interceptor that counts into {@code metrics}. */
    public RateLimitCounter(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() == 429) {
            metrics.restRateLimitHit();
        }
        return response;
    }
}
