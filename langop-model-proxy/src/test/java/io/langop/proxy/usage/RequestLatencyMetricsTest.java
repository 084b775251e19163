package io.langop.proxy.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import io.langop.server.telemetry.Telemetry;
import io.langop.trace.OtlpReceiver;
import io.langop.wire.Meters;
import io.langop.wire.TelemetryEnv;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy's request latency histogram on its real {@code /metrics}, after real requests through it. */
class RequestLatencyMetricsTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String LATENCY = Meters.PROXY_REQUEST_DURATION.name() + "_seconds";

    @TempDir
    Path dir;

    @Test
    void timesAnswersWholeStreamedAndFromTheCachePerModel() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("x", 3, 4)));
                ProxyFixture proxy = new ProxyFixture(dir, """
             models:
               - name: gpt
                 endpoints: [{url: "%s"}]
                 cache: {enabled: true}
             """.formatted(upstream.baseUrl()))) {
            proxy.post("/v1/chat/completions", deterministic("a"));
            proxy.post("/v1/chat/completions", deterministic("a"));
            upstream.then(Behaviour.sse(
                    Duration.ofMillis(30),
                    OpenAiBodies.chunk("Hel"),
                    OpenAiBodies.chunk("lo"),
                    OpenAiBodies.finalChunk(),
                    OpenAiBodies.usageChunk(3, 2),
                    OpenAiBodies.DONE));
            proxy.post(
                    "/v1/chat/completions",
                    "{\"model\":\"gpt\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"b\"}]}");

            assertThat(proxy.get("/metrics").body())
                    .contains(LATENCY + "_count{model=\"gpt\",outcome=\"answered\"} 2")
                    .contains(LATENCY + "_count{model=\"gpt\",outcome=\"cache_hit\"} 1")
                    .containsPattern(LATENCY + "_bucket\\{model=\"gpt\",outcome=\"answered\",le=\"300.0\"} 2");
        }
    }

    @Test
    void theHistogramsExemplarIsTheTraceOfTheCallerThatAsked() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver();
                Telemetry ignored = Telemetry.start(
                        "langop-model-proxy", Map.of(TelemetryEnv.OTLP_ENDPOINT, collector.endpoint()));
                ScriptedUpstream upstream =
                        new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("x", 3, 4)));
                ProxyFixture proxy = new ProxyFixture(dir, """
             models:
               - name: gpt
                 endpoints: [{url: "%s"}]
             """.formatted(upstream.baseUrl()))) {
            proxy.post(
                    "/v1/chat/completions",
                    OpenAiBodies.chatRequest("gpt", "a"),
                    "traceparent",
                    "00-" + TRACE_ID + "-b7ad6b7169203331-01");

            var scraped = proxy.get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");
            assertThat(scraped.headers().firstValue("content-type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/openmetrics-text"));
            assertThat(scraped.body())
                    .containsPattern(LATENCY + "_bucket\\{model=\"gpt\",outcome=\"answered\",le=\"[0-9.]+\"} 1 "
                            + "# \\{span_id=\"[0-9a-f]{16}\",trace_id=\"" + TRACE_ID + "\"}");
        }
    }

    private static String deterministic(String content) {
        return "{\"model\":\"gpt\",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"" + content
                + "\"}]}";
    }
}
