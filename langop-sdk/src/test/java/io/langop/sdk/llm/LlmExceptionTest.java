package io.langop.sdk.llm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.langop.sdk.retry.Backoff;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every failed LLM call says which endpoint and model failed and why, in words — never {@code ": null"},
 * which is what the client library says when a host does not resolve — and never with the key.
 */
class LlmExceptionTest {

    private static final Backoff ONCE = new Backoff(1, Duration.ofMillis(10), Duration.ofMillis(10));
    private static final ChatRequest HI =
            ChatRequest.builder().messages(List.of(UserMessage.from("hi"))).build();

    @Test
    void aServerWhoseNameDoesNotResolveIsSaidSoWithTheEndpointTheModelAndTheNextStep() {
        // .invalid never resolves (RFC 2606); the client library reports it without a message
        String endpoint = "http://writer-model.drafting.svc.cluster.local.invalid:8080/v1";
        LlmClient client = LlmClient.openAiCompatible(endpoint, "sk-test", "gpt-4o-mini", Duration.ofSeconds(5), ONCE);

        assertThatThrownBy(() -> client.chat(HI))
                .isInstanceOf(LlmException.class)
                .hasMessageStartingWith("LLM call to " + endpoint + " (model gpt-4o-mini) failed: ")
                .hasMessageContaining("the server's host name does not resolve")
                .hasMessageEndingWith("; check the endpoint and that it runs")
                .hasMessageNotContaining("null");
    }

    @Test
    void nothingListeningIsARefusedConnection() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + port + "/v1";
        LlmClient client = LlmClient.openAiCompatible(endpoint, "sk-test", "gpt", Duration.ofSeconds(5), ONCE);

        assertThatThrownBy(() -> client.chat(HI))
                .hasMessageStartingWith("LLM call to " + endpoint + " (model gpt) failed: ")
                .hasMessageContaining("ConnectException")
                .hasMessageEndingWith("; check the endpoint and that it runs")
                .hasMessageNotContaining(": null");
    }

    @Test
    void anErrorAnswerIsQuotedWithoutTheKeyOrTheCredentialsOfTheUrl() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer()) {
            server.thenError(401, "Incorrect API key provided: sk-live-123.");
            String endpoint = server.baseUrl().replace("http://", "http://user:secret@");
            LlmClient client = LlmClient.openAiCompatible(endpoint, "sk-live-123", "gpt", Duration.ofSeconds(5), ONCE);

            assertThatThrownBy(() -> client.chat(HI))
                    .hasMessageStartingWith("LLM call to " + server.baseUrl() + " (model gpt) failed: ")
                    .hasMessageContaining("Incorrect API key provided: <redacted>.")
                    .hasMessageNotContaining("sk-live-123")
                    .hasMessageNotContaining("secret")
                    .hasMessageNotContaining("check the endpoint");
        }
    }
}
