package io.langop.proxy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheOverHttpTest {

    private static final String DETERMINISTIC =
            "{\"model\":\"m\",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"2+2?\"}]}";
    private static final String SAME_REORDERED =
            "{\"messages\":[{\"content\":\"2+2?\",\"role\":\"user\"}],\"model\":\"m\",\"temperature\":0}";
    private static final String SAMPLED =
            "{\"model\":\"m\",\"temperature\":0.8,\"messages\":[{\"role\":\"user\",\"content\":\"2+2?\"}]}";

    @TempDir
    Path dir;

    final ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("4", 10, 1)));
    ProxyFixture proxy;

    @BeforeEach
    void start() {
        proxy = new ProxyFixture(dir, """
        models:
          - name: m
            endpoints: [{url: "%s"}]
            cache: {enabled: true, ttl: 500ms}
            pricing: {inputPer1kTokens: 1, outputPer1kTokens: 1}
        """.formatted(upstream.baseUrl()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.close();
    }

    @Test
    void servesRepeatsFromTheCacheUntilTheTtlRunsOut() {
        HttpResponse<String> miss = proxy.post("/v1/chat/completions", DETERMINISTIC);
        HttpResponse<String> hit = proxy.post("/v1/chat/completions", SAME_REORDERED);

        assertThat(miss.headers().firstValue("X-Langop-Cache")).hasValue("miss");
        assertThat(hit.headers().firstValue("X-Langop-Cache")).hasValue("hit");
        assertThat(hit.headers().firstValue("X-Langop-Model")).hasValue("m");
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(upstream.requests()).hasSize(1);
        var usage = proxy.usage().path("models").path("m");
        assertThat(usage.path("cacheHits").asLong()).isEqualTo(1);
        assertThat(usage.path("cacheMisses").asLong()).isEqualTo(1);
        assertThat(usage.path("cost").decimalValue()).isEqualByComparingTo("0.011"); // the hit cost nothing

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> proxy.post("/v1/chat/completions", DETERMINISTIC)
                        .headers()
                        .firstValue("X-Langop-Cache")
                        .orElse("")
                        .equals("miss"));
        assertThat(upstream.requests()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void doesNotCacheSampledAnswers() {
        proxy.post("/v1/chat/completions", SAMPLED);
        HttpResponse<String> again = proxy.post("/v1/chat/completions", SAMPLED);

        assertThat(again.headers().firstValue("X-Langop-Cache")).isEmpty();
        assertThat(upstream.requests()).hasSize(2);
    }

    @Test
    void doesNotCacheErrors() {
        upstream.then(Behaviour.json(400, OpenAiBodies.error("bad", "invalid_request_error")));

        assertThat(proxy.post("/v1/chat/completions", DETERMINISTIC).statusCode())
                .isEqualTo(400);
        assertThat(proxy.post("/v1/chat/completions", DETERMINISTIC).statusCode())
                .isEqualTo(200);
        assertThat(upstream.requests()).hasSize(2);
    }
}
