package io.langop.proxy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.langop.proxy.openai.Json;
import io.langop.proxy.testing.CapturedOutput;
import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Upstreams that echo what they were sent: the key the proxy presented (as some providers' error messages do) and
 * the request (where a client may have put its own key). Neither key may reach a client or a log line, whatever
 * the status, in whole answers and in streams, for OpenAI and Anthropic upstreams.
 */
class KeyRedactionTest {

    private static final String UPSTREAM_KEY = "sk-upstream-Ab3dEf6hIj9kLm2nOp5q";
    private static final String CLIENT_KEY = "lk-client-0123456789abcdef";
    private static final String[] AUTH = {"Authorization", "Bearer " + CLIENT_KEY};

    @TempDir
    Path dir;

    final ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("x", 1, 1)));
    ProxyFixture proxy;
    CapturedOutput log;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(dir.resolve("upstream-key"), UPSTREAM_KEY + "\n");
        Files.writeString(dir.resolve("client-key"), CLIENT_KEY);
        log = new CapturedOutput();
        proxy = new ProxyFixture(dir, """
        clientKeys:
          - name: agent
            key: {file: "%1$s/client-key"}
        models:
          - name: gpt
            apiKey: {file: "%1$s/upstream-key"}
            endpoints: [{url: "%2$s"}]
            retry: {maxAttempts: 1}
          - name: claude
            provider: anthropic
            apiKey: {file: "%1$s/upstream-key"}
            endpoints: [{url: "%2$s"}]
            retry: {maxAttempts: 1}
        """.formatted(dir, upstream.baseUrl()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.close();
        log.close();
    }

    @ParameterizedTest(name = "{0} upstream answering {1}")
    @CsvSource({
        "gpt, 400, 400",
        "gpt, 404, 404",
        "gpt, 422, 422",
        "gpt, 429, 429",
        "gpt, 500, 502",
        "gpt, 502, 502",
        "gpt, 503, 502",
        "claude, 400, 400",
        "claude, 404, 404",
        "claude, 429, 429",
        "claude, 529, 502"
    })
    void anUpstreamErrorEchoingBothKeysShowsThemToNobody(String model, int upstreamStatus, int clientStatus) {
        upstream.then(
                echoing(upstreamStatus, model.equals("claude") ? KeyRedactionTest::anthropicError : openAiError()));

        HttpResponse<String> answer = proxy.post("/v1/chat/completions", chat(model, false), AUTH);

        assertThat(answer.statusCode()).isEqualTo(clientStatus);
        assertThat(ProxyFixture.json(answer).path("error").path("message").asText())
                .as("the upstream's message is passed on, redacted")
                .contains("Incorrect API key provided: [REDACTED]")
                .contains("my key is [REDACTED]");
        assertNoKeyIn(answer.body());
        assertNoKeyIn(log.text());
    }

    @Test
    void theLogShowsTheRedactedMessageOfAnUpstreamThatFailed() {
        upstream.then(echoing(503, openAiError()));

        proxy.post("/v1/chat/completions", chat("gpt", false), AUTH);

        assertThat(log.text()).contains("model gpt gave up").contains("Incorrect API key provided: [REDACTED]");
        assertNoKeyIn(log.text());
    }

    @Test
    void aWholeAnswerEchoingTheKeysIsRedactedForTheClientAndTheCache() {
        upstream.always(echoing(
                200,
                (sent, prompt) -> Json.bytes(Json.object()
                        .put("id", "chatcmpl-1")
                        .put("object", "chat.completion")
                        .set(
                                "choices",
                                Json.MAPPER
                                        .createArrayNode()
                                        .add(Json.object()
                                                .put("index", 0)
                                                .set(
                                                        "message",
                                                        Json.object()
                                                                .put("role", "assistant")
                                                                .put("content", sent + " / " + prompt)))))));

        String first =
                proxy.post("/v1/chat/completions", chat("gpt", false), AUTH).body();
        String cached =
                proxy.post("/v1/chat/completions", chat("gpt", false), AUTH).body();

        assertThat(first).contains("[REDACTED] / ").contains("my key is [REDACTED]");
        assertNoKeyIn(first);
        assertNoKeyIn(cached);
    }

    @Test
    void anOpenAiStreamEchoingTheKeysInContentAndInAnErrorEventShowsThemToNobody() {
        upstream.always((exchange, up) -> sse(
                exchange,
                OpenAiBodies.chunk("you sent " + presentedKey(exchange)),
                "data: " + new String(openAiError().body(presentedKey(exchange), "x"), StandardCharsets.UTF_8)));

        HttpResponse<String> answer = proxy.post("/v1/chat/completions", chat("gpt", true), AUTH);

        assertThat(answer.body()).contains("you sent [REDACTED]").contains("Incorrect API key provided: [REDACTED]");
        assertNoKeyIn(answer.body());
        assertNoKeyIn(log.text());
    }

    @Test
    void anAnthropicStreamEchoingTheKeyInItsErrorEventShowsItToNobody() {
        upstream.always((exchange, up) -> sse(
                exchange,
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                        + "\"model\":\"claude\",\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}",
                "event: error\ndata: "
                        + new String(anthropicError(presentedKey(exchange), "x"), StandardCharsets.UTF_8)));

        HttpResponse<String> answer = proxy.post("/v1/chat/completions", chat("claude", true), AUTH);

        assertThat(answer.body()).contains("Incorrect API key provided: [REDACTED]");
        assertNoKeyIn(answer.body());
        assertNoKeyIn(log.text());
    }

    private static void assertNoKeyIn(String text) {
        assertThat(text).doesNotContain(UPSTREAM_KEY).doesNotContain(CLIENT_KEY);
    }

    private static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"my key is " + CLIENT_KEY
                + "\"}]}";
    }

    /** Builds an answer body from the key the upstream was sent and the prompt it was sent. */
    private interface Echo {
        byte[] body(String presentedKey, String prompt);
    }

    private static Behaviour echoing(int status, Echo echo) {
        return (exchange, up) -> {
            String prompt = promptOf(up);
            byte[] body = echo.body(presentedKey(exchange), prompt);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    private static Echo openAiError() {
        return (key, prompt) -> error(
                Json.object(),
                body -> body.put("type", "invalid_request_error")
                        .put("param", key)
                        .put("code", key),
                key,
                prompt);
    }

    private static byte[] anthropicError(String key, String prompt) {
        return error(Json.object().put("type", "error"), body -> body.put("type", "authentication_error"), key, prompt);
    }

    private static byte[] error(ObjectNode root, Function<ObjectNode, ObjectNode> fields, String key, String prompt) {
        fields.apply(root.putObject("error"))
                .put("message", "Incorrect API key provided: " + key + ". Your request said: " + prompt);
        return Json.bytes(root);
    }

    /** The key the proxy presented: OpenAI's bearer token or Anthropic's header. */
    private static String presentedKey(HttpExchange exchange) {
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        return bearer != null
                ? bearer.substring("Bearer ".length())
                : exchange.getRequestHeaders().getFirst("x-api-key");
    }

    /** The last request as the upstream got it, whatever shape its protocol gives the messages. */
    private static String promptOf(ScriptedUpstream up) {
        return up.requests().getLast().body();
    }

    private static void sse(HttpExchange exchange, String... events) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String event : events) {
            out.write((event + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
