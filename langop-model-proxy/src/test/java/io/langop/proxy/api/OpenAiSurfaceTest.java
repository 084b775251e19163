package io.langop.proxy.api;

import static io.langop.proxy.testing.ProxyFixture.json;
import static io.langop.proxy.testing.ProxyFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiSurfaceTest {

    private static final String[] OPERATOR = {"Authorization", "Bearer lk-operator"};

    @TempDir
    Path dir;

    ScriptedUpstream upstream;
    ProxyFixture proxy;

    @BeforeEach
    void start() throws Exception {
        upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("Hello from upstream", 12, 5)));
        Files.writeString(dir.resolve("upstream-key"), "sk-upstream-secret\n");
        Files.writeString(dir.resolve("agent-key"), "lk-agent-one\n");
        Files.writeString(dir.resolve("operator-key"), "lk-operator\n");
        proxy = new ProxyFixture(dir, """
        maxRequestBytes: 2000
        clientKeys:
          - name: agent-one
            key: {file: %s}
          - name: operator
            key: {file: %s}
            readsUsage: true
        models:
          - name: gpt-test
            provider: openai-compatible
            upstreamModel: upstream-model-v2
            apiKey: {file: %s}
            endpoints: [{url: "%s"}]
            retry: {maxAttempts: 1}
        """.formatted(
                        dir.resolve("agent-key"),
                        dir.resolve("operator-key"),
                        dir.resolve("upstream-key"),
                        upstream.baseUrl()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.close();
    }

    @Test
    void anOpenAiClientChatsThroughTheProxy() {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(proxy.openAiBaseUrl())
                .apiKey("lk-agent-one")
                .modelName("gpt-test")
                .maxRetries(0)
                .build();

        String answer = model.chat("Say hello");

        assertThat(answer).isEqualTo("Hello from upstream");
        ScriptedUpstream.Recorded forwarded = upstream.requests().getFirst();
        assertThat(forwarded.uri().getPath()).isEqualTo("/v1/chat/completions");
        assertThat(forwarded.header("Authorization")).isEqualTo("Bearer sk-upstream-secret");
        assertThat(parse(forwarded.body()).path("model").asText()).isEqualTo("upstream-model-v2");
        assertThat(parse(forwarded.body())
                        .path("messages")
                        .get(0)
                        .path("content")
                        .asText())
                .isEqualTo("Say hello");
    }

    @Test
    void anOpenAiClientGetsEmbeddings() {
        upstream.always(Behaviour.json(200, """
        {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.25,-0.5]}],
         "model":"upstream-model-v2","usage":{"prompt_tokens":3,"total_tokens":3}}
        """));
        OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder()
                .baseUrl(proxy.openAiBaseUrl())
                .apiKey("lk-agent-one")
                .modelName("gpt-test")
                .maxRetries(0)
                .build();

        float[] vector = model.embed("some text").content().vector();

        assertThat(vector).containsExactly(0.25f, -0.5f);
        assertThat(upstream.requests().getFirst().uri().getPath()).isEqualTo("/v1/embeddings");
        assertThat(proxy.usage(OPERATOR)
                        .path("models")
                        .path("gpt-test")
                        .path("promptTokens")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void namesTheAnsweringModelInAHeader() {
        HttpResponse<String> response = proxy.post(
                "/v1/chat/completions",
                OpenAiBodies.chatRequest("gpt-test", "hi"),
                "Authorization",
                "Bearer lk-agent-one");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Langop-Model")).hasValue("gpt-test");
    }

    @Test
    void listsModels() {
        JsonNode models = json(proxy.get("/v1/models", "Authorization", "Bearer lk-agent-one"));

        assertThat(models.path("object").asText()).isEqualTo("list");
        assertThat(models.path("data").get(0).path("id").asText()).isEqualTo("gpt-test");
        assertThat(models.path("data").get(0).path("object").asText()).isEqualTo("model");
    }

    @Test
    void refusesMissingAndWrongClientKeys() {
        OpenAiChatModel wrongKey = OpenAiChatModel.builder()
                .baseUrl(proxy.openAiBaseUrl())
                .apiKey("lk-guess")
                .modelName("gpt-test")
                .maxRetries(0)
                .build();

        assertThatThrownBy(() -> wrongKey.chat("hi")).hasMessageContaining("Incorrect API key provided");
        HttpResponse<String> none = proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt-test", "hi"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).path("error").path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void answersBadInputWithOpenAiErrors() {
        String[] auth = {"Authorization", "Bearer lk-agent-one"};

        assertError(proxy.post("/v1/chat/completions", "{not json", auth), 400, "invalid_request_error", null);
        assertError(
                proxy.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", auth),
                400,
                "invalid_request_error",
                "model");
        assertError(
                proxy.post("/v1/chat/completions", "{\"model\":\"gpt-test\",\"messages\":[]}", auth),
                400,
                "invalid_request_error",
                "messages");
        assertError(proxy.post("/v1/chat/completions", "[1,2]", auth), 400, "invalid_request_error", null);
        assertError(
                proxy.post("/v1/embeddings", "{\"model\":\"gpt-test\"}", auth), 400, "invalid_request_error", "input");
        HttpResponse<String> unknown = proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt-9", "x"), auth);
        assertError(unknown, 404, "invalid_request_error", "model");
        assertThat(json(unknown).path("error").path("code").asText()).isEqualTo("model_not_found");
        // Made-up model names are counted together, not one /usage entry and metric series each.
        assertThat(proxy.usage(OPERATOR).path("models").has("gpt-9")).isFalse();
        assertThat(proxy.usage(OPERATOR)
                        .path("models")
                        .path("unknown")
                        .path("errors")
                        .asLong())
                .isPositive();
        assertThat(proxy.get("/metrics", OPERATOR).body()).doesNotContain("gpt-9");
        HttpResponse<String> tooLarge =
                proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt-test", "x".repeat(3000)), auth);
        assertError(tooLarge, 413, "invalid_request_error", null);
        assertError(proxy.get("/v1/chat/completions", auth), 405, "invalid_request_error", null);
        assertError(proxy.get("/v1/nothing-here", auth), 404, "invalid_request_error", null);
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void mapsUpstreamErrorsWithoutLeakingCredentials() {
        upstream.then(
                Behaviour.json(
                        400,
                        OpenAiBodies.error(
                                "This model's maximum context length is 8192 tokens.", "invalid_request_error")),
                Behaviour.json(
                        401,
                        OpenAiBodies.error("Incorrect API key provided: sk-upst****cret.", "invalid_request_error")),
                Behaviour.json(500, "<html>internal error</html>"));
        String[] auth = {"Authorization", "Bearer lk-agent-one"};

        HttpResponse<String> contextTooLong =
                proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt-test", "x"), auth);
        HttpResponse<String> badUpstreamKey =
                proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt-test", "x"), auth);
        HttpResponse<String> upstreamCrash =
                proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt-test", "x"), auth);

        assertError(contextTooLong, 400, "invalid_request_error", null);
        assertThat(json(contextTooLong).path("error").path("message").asText()).contains("maximum context length");
        assertError(badUpstreamKey, 502, "server_error", null);
        assertThat(badUpstreamKey.body()).doesNotContain("sk-upst").contains("credentials");
        assertError(upstreamCrash, 502, "server_error", null);
        assertThat(upstreamCrash.body()).contains("HTTP 500").doesNotContain("html");
        assertThat(proxy.usage(OPERATOR)
                        .path("models")
                        .path("gpt-test")
                        .path("errors")
                        .asLong())
                .isEqualTo(3);
    }

    private static void assertError(HttpResponse<String> response, int status, String type, String param) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode error = json(response).path("error");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("type").asText()).isEqualTo(type);
        if (param != null) {
            assertThat(error.path("param").asText()).isEqualTo(param);
        }
    }
}
