package io.langop.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.config.CircuitBreakerSettings;
import io.langop.proxy.config.EndpointConfig;
import io.langop.proxy.testing.FakeClock;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointTest {

    private static Endpoint endpoint(String base) {
        return new Endpoint(
                new EndpointConfig(URI.create(base), 1, null),
                null,
                new CircuitBreaker(new CircuitBreakerSettings(3, Duration.ofSeconds(10)), new FakeClock()));
    }

    @Test
    void joinsItsBaseAndAnOperationWithOneSlash() {
        assertThat(endpoint("http://vllm:8000/v1").url("/chat/completions"))
                .isEqualTo(URI.create("http://vllm:8000/v1/chat/completions"));
        assertThat(endpoint("https://api.example.com/v1/").url("/embeddings"))
                .isEqualTo(URI.create("https://api.example.com/v1/embeddings"));
        assertThat(endpoint("https://x.openai.azure.com").url("/openai/deployments/gpt/chat/completions?api-version=1"))
                .hasPath("/openai/deployments/gpt/chat/completions")
                .hasQuery("api-version=1");
    }

    @Test
    void parsesEachUrlOnce() {
        Endpoint endpoint = endpoint("http://vllm:8000/v1");

        assertThat(endpoint.url("/chat/completions")).isSameAs(endpoint.url("/chat/completions"));
    }
}
