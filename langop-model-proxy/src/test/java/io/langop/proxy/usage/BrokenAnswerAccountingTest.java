package io.langop.proxy.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers that did not end well are errors in {@code /usage} and the metrics, not requests, and are charged only
 * what they delivered: the usage the upstream reported, or else the prompt estimate and a token per chunk sent.
 */
class BrokenAnswerAccountingTest {

    private static final String STREAM_REQUEST =
            "{\"model\":\"%s\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"say 3 words\"}]}";
    /** What the proxy estimates a prompt of so many bytes at, without the upstream's usage: four bytes a token. */
    private static final long GPT_PROMPT_ESTIMATE =
            STREAM_REQUEST.formatted("gpt").length() / 4;

    @TempDir
    Path dir;

    final ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("x", 1, 1)));
    ProxyFixture proxy;

    @BeforeEach
    void start() {
        proxy = new ProxyFixture(dir, """
        models:
          - name: gpt
            endpoints: [{url: "%1$s"}]
            timeout: 500ms
            retry: {maxAttempts: 1}
            pricing: {inputPer1kTokens: 1, outputPer1kTokens: 2}
          - name: claude
            provider: anthropic
            endpoints: [{url: "%1$s"}]
            retry: {maxAttempts: 1}
            pricing: {inputPer1kTokens: 1, outputPer1kTokens: 2}
        """.formatted(upstream.baseUrl()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.close();
    }

    @Test
    void aStreamThatBreaksOffIsAnErrorChargedForTheChunksItDelivered() {
        // Three chunks, then the end of the body without [DONE]: the answer is incomplete.
        upstream.then(Behaviour.sse(
                Duration.ZERO, OpenAiBodies.chunk("one"), OpenAiBodies.chunk("two"), OpenAiBodies.chunk("three")));

        String body = stream("gpt");

        assertThat(body).contains("three").contains("ended the stream before the answer was complete");
        JsonNode usage = proxy.usage().path("models").path("gpt");
        assertThat(usage.path("requests").asLong()).isZero();
        assertThat(usage.path("errors").asLong()).isEqualTo(1);
        assertThat(usage.path("promptTokens").asLong()).isEqualTo(GPT_PROMPT_ESTIMATE);
        assertThat(usage.path("completionTokens").asLong()).isEqualTo(3);
        assertThat(usage.path("cost").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(GPT_PROMPT_ESTIMATE * 1 + 3 * 2, 3));
        assertThat(proxy.get("/metrics").body())
                .contains("langop_proxy_requests_total{client=\"anonymous\",model=\"gpt\",outcome=\"error_502\"} 1.0")
                .contains("langop_proxy_requests_total{client=\"anonymous\",model=\"gpt\",outcome=\"answered\"} 0.0")
                .contains("langop_proxy_request_duration_seconds_count{model=\"gpt\",outcome=\"broken\"} 1");
    }

    @Test
    void aStreamThatFallsSilentIsATimeoutErrorChargedWithTheUsageTheUpstreamReported() {
        upstream.then(Behaviour.sse(
                Duration.ofSeconds(3), OpenAiBodies.chunk("one") + "\n\n" + OpenAiBodies.usageChunk(7, 1), "late"));

        String body = stream("gpt");

        assertThat(body)
                .contains("was silent for longer than its timeout of 500ms")
                .contains("upstream_timeout");
        JsonNode usage = proxy.usage().path("models").path("gpt");
        assertThat(usage.path("requests").asLong()).isZero();
        assertThat(usage.path("errors").asLong()).isEqualTo(1);
        assertThat(usage.path("promptTokens").asLong()).isEqualTo(7);
        assertThat(usage.path("completionTokens").asLong()).isEqualTo(1);
        assertThat(proxy.get("/metrics").body())
                .contains("langop_proxy_requests_total{client=\"anonymous\",model=\"gpt\",outcome=\"error_504\"} 1.0");
    }

    @Test
    void anAnthropicStreamThatBreaksOffIsChargedItsReportedPromptAndTheDeltasItDelivered() {
        upstream.then(Behaviour.sse(
                Duration.ZERO,
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                        + "\"model\":\"claude\",\"usage\":{\"input_tokens\":11,\"output_tokens\":1}}}",
                delta("one"),
                delta("two"),
                delta("three"),
                delta("four")));

        String body = stream("claude");

        assertThat(body).contains("four").contains("ended the stream before the answer was complete");
        JsonNode usage = proxy.usage().path("models").path("claude");
        assertThat(usage.path("requests").asLong()).isZero();
        assertThat(usage.path("errors").asLong()).isEqualTo(1);
        assertThat(usage.path("promptTokens").asLong()).isEqualTo(11);
        assertThat(usage.path("completionTokens").asLong()).isEqualTo(4);
    }

    @Test
    void aWholeAnswerThatIsNotJsonIsAnErrorAndChargesNothing() {
        upstream.then(Behaviour.json(200, "{\"choices\": [ this is not json"));

        HttpResponse<String> answer = proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt", "hi"));

        assertThat(answer.statusCode()).isEqualTo(502);
        JsonNode usage = proxy.usage().path("models").path("gpt");
        assertThat(usage.path("requests").asLong()).isZero();
        assertThat(usage.path("errors").asLong()).isEqualTo(1);
        assertThat(usage.path("totalTokens").asLong()).isZero();
        assertThat(usage.path("cost").decimalValue()).isZero();
    }

    @Test
    void aCompleteStreamIsStillARequest() {
        upstream.then(Behaviour.sse(
                Duration.ZERO, OpenAiBodies.chunk("one"), OpenAiBodies.usageChunk(5, 1), OpenAiBodies.DONE));

        stream("gpt");

        JsonNode usage = proxy.usage().path("models").path("gpt");
        assertThat(usage.path("requests").asLong()).isEqualTo(1);
        assertThat(usage.path("errors").asLong()).isZero();
        assertThat(usage.path("totalTokens").asLong()).isEqualTo(6);
    }

    private static String delta(String text) {
        return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}";
    }

    private String stream(String model) {
        return proxy.post("/v1/chat/completions", STREAM_REQUEST.formatted(model))
                .body();
    }
}
