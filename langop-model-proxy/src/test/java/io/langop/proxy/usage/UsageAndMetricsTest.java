package io.langop.proxy.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageAndMetricsTest {

    @TempDir
    Path dir;

    @Test
    void reportsTokensAndCostPerModelAndClientInUsageAndMetrics() throws Exception {
        Files.writeString(dir.resolve("k1"), "key-1");
        Files.writeString(dir.resolve("k2"), "key-2");
        try (ScriptedUpstream upstream =
                        new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("x", 1000, 2000)));
                ProxyFixture proxy = new ProxyFixture(
                        dir, """
             clientKeys:
               - {name: news-agent, key: {file: %s}}
               - {name: mail-agent, key: {file: %s}}
             models:
               - name: gpt
                 endpoints: [{url: "%s"}]
                 pricing: {currency: USD, inputPer1kTokens: 0.5, outputPer1kTokens: 1.5}
             """.formatted(dir.resolve("k1"), dir.resolve("k2"), upstream.baseUrl()))) {
            proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt", "a"), "Authorization", "Bearer key-1");
            upstream.then(Behaviour.json(200, OpenAiBodies.completion("y", 10, 20)));
            proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt", "b"), "Authorization", "Bearer key-2");
            proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("nope", "c"), "Authorization", "Bearer key-2");

            JsonNode usage = proxy.usage();
            JsonNode model = usage.path("models").path("gpt");
            assertThat(model.path("requests").asLong()).isEqualTo(2);
            assertThat(model.path("promptTokens").asLong()).isEqualTo(1010);
            assertThat(model.path("completionTokens").asLong()).isEqualTo(2020);
            assertThat(model.path("totalTokens").asLong()).isEqualTo(3030);
            // 1000 x 0.5/1k + 2000 x 1.5/1k + 10 x 0.5/1k + 20 x 1.5/1k = 0.5 + 3 + 0.005 + 0.03
            assertThat(model.path("cost").decimalValue()).isEqualByComparingTo("3.535");
            assertThat(model.path("currency").asText()).isEqualTo("USD");
            assertThat(usage.path("clients").path("news-agent").path("cost").decimalValue())
                    .isEqualByComparingTo("3.5");
            assertThat(usage.path("clients").path("mail-agent").path("cost").decimalValue())
                    .isEqualByComparingTo("0.035");
            assertThat(usage.path("clients").path("mail-agent").path("errors").asLong())
                    .isEqualTo(1);
            // A model name the configuration does not have is counted as "unknown", not as a series of its own.
            assertThat(usage.path("models").path("unknown").path("errors").asLong())
                    .isEqualTo(1);
            assertThat(usage.path("models").has("nope")).isFalse();

            String metrics = proxy.get("/metrics").body();
            assertThat(metrics)
                    .contains("langop_proxy_tokens_total{client=\"news-agent\",model=\"gpt\",type=\"prompt\"} 1000.0")
                    .contains("langop_proxy_tokens_total{client=\"mail-agent\",model=\"gpt\",type=\"completion\"} 20.0")
                    .contains(
                            "langop_proxy_requests_total{client=\"mail-agent\",model=\"unknown\",outcome=\"error_404\"} 1.0")
                    .containsPattern(
                            "langop_proxy_cost_USD_total\\{client=\"news-agent\",currency=\"USD\",model=\"gpt\"} 3.5");
            assertThat(proxy.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(proxy.get("/readyz").statusCode()).isEqualTo(200);
        }
    }
}
