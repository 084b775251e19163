package io.langop.sdk.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.sdk.retry.Backoff;
import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What an LLM failure says when the client library says nothing: never {@code ": null"}. */
class LlmExceptionTest {

    @Test
    void aServerWhoseNameDoesNotResolveIsSaidSoWithTheNextStep() {
        // .invalid never resolves (RFC 2606); the client library reports it without a message
        LlmClient client = LlmClient.openAiCompatible(
                "http://langop-llm.invalid/v1",
                "sk-test",
                "gpt-4o-mini",
                Duration.ofSeconds(5),
                new Backoff(1, Duration.ofMillis(10), Duration.ofMillis(10)));

        LlmException failure = org.junit.jupiter.api.Assertions.assertThrows(
                LlmException.class,
                () -> client.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                        .messages(dev.langchain4j.data.message.UserMessage.from("hi"))
                        .build()));

        assertThat(failure.getMessage())
                .doesNotContain("null")
                .contains("does not resolve")
                .endsWith("check the endpoint and that it runs");
    }

    @Test
    void aMessagelessFailureIsExplainedByItsCause() {
        RuntimeException unresolved = new RuntimeException(null, new UnresolvedAddressException());
        RuntimeException refused = new IllegalStateException(null, new ConnectException());
        RuntimeException unknown = new IllegalStateException((String) null);

        assertThat(LlmException.reason(unresolved))
                .isEqualTo("the server's host name does not resolve (UnresolvedAddressException); "
                        + "check the endpoint and that it runs");
        assertThat(LlmException.reason(refused)).startsWith("the server refused the connection (ConnectException)");
        assertThat(LlmException.reason(unknown)).isEqualTo("no reason given (IllegalStateException)");
        assertThat(LlmException.reason(new IllegalStateException("wrapper", new ConnectException("refused"))))
                .isEqualTo("wrapper");
    }
}
