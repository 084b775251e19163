package io.langop.proxy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.openai.Json;
import io.langop.proxy.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

    private final FakeClock clock = new FakeClock();

    @Test
    void entriesExpireAfterTheirTtl() {
        MemoryResponseCache cache = new MemoryResponseCache(Duration.ofSeconds(30), 1000, clock);
        cache.put("k", new byte[] {1}, "m");

        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get("k")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("k")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void evictsLeastRecentlyUsedBeyondTheByteBound() {
        MemoryResponseCache cache = new MemoryResponseCache(Duration.ofMinutes(1), 10, clock);
        cache.put("a", new byte[4], "m");
        cache.put("b", new byte[4], "m");
        cache.get("a");

        cache.put("c", new byte[4], "m");

        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("c")).isPresent();
        cache.put("huge", new byte[11], "m");
        assertThat(cache.get("huge")).isEmpty();
    }

    @Test
    void keysIgnoreKeyOrderButNotValues() throws Exception {
        ObjectNode one = (ObjectNode)
                Json.read("{\"model\":\"m\",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        ObjectNode reordered = (ObjectNode)
                Json.read("{\"messages\":[{\"content\":\"hi\",\"role\":\"user\"}],\"temperature\":0,\"model\":\"m\"}");
        ObjectNode other = (ObjectNode)
                Json.read("{\"model\":\"m\",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"ho\"}]}");

        assertThat(ResponseCache.key("/v1/chat/completions", one))
                .isEqualTo(ResponseCache.key("/v1/chat/completions", reordered))
                .isNotEqualTo(ResponseCache.key("/v1/chat/completions", other))
                .isNotEqualTo(ResponseCache.key("/v1/embeddings", one));
    }

    @Test
    void onlyTemperatureZeroIsDeterministic() throws Exception {
        assertThat(ResponseCache.isDeterministic(Json.read("{\"temperature\":0}")))
                .isTrue();
        assertThat(ResponseCache.isDeterministic(Json.read("{\"temperature\":0.7}")))
                .isFalse();
        assertThat(ResponseCache.isDeterministic(Json.read("{}"))).isFalse();
    }
}
