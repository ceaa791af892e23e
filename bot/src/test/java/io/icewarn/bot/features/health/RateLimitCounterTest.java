package io.icewarn.bot.features.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

final class RateLimitCounterTest {

    @Test
    void intercept_counts429Only() throws Exception {
        try (Metrics metrics = Metrics.create()) {
            RateLimitCounter counter = new RateLimitCounter(metrics);
            Request request = new Request.Builder()
                    .url("https://discord.invalid/api/v10/channels/1/messages")
                    .build();
            for (int code : new int[] {200, 429, 429, 500}) {
                Interceptor.Chain chain = mock(Interceptor.Chain.class);
                when(chain.request()).thenReturn(request);
                when(chain.proceed(request))
                        .thenReturn(new Response.Builder()
                                .request(request)
                                .protocol(Protocol.HTTP_1_1)
                                .code(code)
                                .message("status")
                                .build());
                counter.intercept(chain);
            }
            assertThat(metrics.scrape()).contains("icewarn_rest_ratelimit_hits_total 2.0");
        }
    }
}
