package io.langop.proxy.gateway;

import static io.langop.proxy.testing.ProxyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryAndFallbackTest {

    @TempDir
    Path dir;

    final ScriptedUpstream primary =
            new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("primary", 1, 1)));
    final ScriptedUpstream backup = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("backup", 1, 1)));
    ProxyFixture proxy;

    @AfterEach
    void stop() {
        proxy.close();
        primary.close();
        backup.close();
    }

    private void start(String primaryUrl, String primaryExtra) {
        proxy = new ProxyFixture(dir, """
        models:
          - name: main
            endpoints: [{url: "%s"}]
            retry: {maxAttempts: 3, initialBackoff: 50ms, maxBackoff: 1s, backoffMultiplier: 2}
            fallbacks: [spare]
            %s
          - name: spare
            endpoints: [{url: "%s"}]
            retry: {maxAttempts: 1}
        """.formatted(primaryUrl, primaryExtra, backup.baseUrl()));
    }

    private HttpResponse<String> ask() {
        return proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("main", "hi"));
    }

    @Test
    void retriesATransientFailureOnTheSameModel() {
        start(primary.baseUrl().toString(), "");
        primary.then(Behaviour.json(503, OpenAiBodies.error("overloaded", "server_error")));

        HttpResponse<String> response = ask();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Langop-Model")).hasValue("main");
        assertThat(primary.requests()).hasSize(2);
        assertThat(backup.requests()).isEmpty();
    }

    @Test
    void fallsBackAfterRetriesWithBackoffAndSaysWhichModelAnswered() {
        start(primary.baseUrl().toString(), "");
        primary.always(Behaviour.json(500, OpenAiBodies.error("boom", "server_error")));

        long started = System.nanoTime();
        HttpResponse<String> response = ask();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Langop-Model")).hasValue("spare");
        assertThat(json(response)
                        .path("choices")
                        .get(0)
                        .path("message")
                        .path("content")
                        .asText())
                .isEqualTo("backup");
        assertThat(primary.requests()).hasSize(3);
        assertThat(backup.requests()).hasSize(1);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(150)); // backoffs 50 ms + 100 ms
    }

    @Test
    void aFallbackWhoseConditionsDoNotCoverTheFailureIsNotTried() {
        start(primary.baseUrl().toString(), "fallbackWhen: {spare: [timeout, rate-limit]}");
        primary.always(Behaviour.json(500, OpenAiBodies.error("boom", "server_error")));

        HttpResponse<String> response = ask();

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(backup.requests()).isEmpty();
    }

    @Test
    void aFallbackWhoseConditionsCoverTheFailureIsTried() {
        start(primary.baseUrl().toString(), "timeout: 200ms\n    fallbackWhen: {spare: [timeout]}");
        primary.always(
                Behaviour.delayed(Duration.ofSeconds(3), Behaviour.json(200, OpenAiBodies.completion("late", 1, 1))));

        HttpResponse<String> response = ask();

        assertThat(response.headers().firstValue("X-Langop-Model")).hasValue("spare");
        assertThat(backup.requests()).hasSize(1);
    }

    @Test
    void fallsBackWhenTheEndpointCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        start("http://127.0.0.1:" + closedPort + "/v1", "");

        HttpResponse<String> response = ask();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Langop-Model")).hasValue("spare");
    }

    @Test
    void fallsBackWhenTheUpstreamIsTooSlow() {
        start(primary.baseUrl().toString(), "timeout: 200ms");
        primary.always(
                Behaviour.delayed(Duration.ofSeconds(3), Behaviour.json(200, OpenAiBodies.completion("late", 1, 1))));

        long started = System.nanoTime();
        HttpResponse<String> response = ask();

        assertThat(response.headers().firstValue("X-Langop-Model")).hasValue("spare");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void honoursTheUpstreamRetryAfter() {
        start(primary.baseUrl().toString(), "");
        primary.then(Behaviour.json(429, OpenAiBodies.error("slow down", "requests"), Map.of("Retry-After", "0.4")));

        long started = System.nanoTime();
        HttpResponse<String> response = ask();

        assertThat(response.headers().firstValue("X-Langop-Model")).hasValue("main");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void doesNotRetryOrFallBackOnTheClientsOwnMistake() {
        start(primary.baseUrl().toString(), "");
        primary.always(Behaviour.json(400, OpenAiBodies.error("Invalid 'messages[0].role'", "invalid_request_error")));

        HttpResponse<String> response = ask();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("message").asText()).isEqualTo("Invalid 'messages[0].role'");
        assertThat(primary.requests()).hasSize(1);
        assertThat(backup.requests()).isEmpty();
    }

    @Test
    void reportsTheLastErrorWhenTheWholeChainFails() {
        start(primary.baseUrl().toString(), "");
        primary.always(Behaviour.json(503, OpenAiBodies.error("down", "server_error")));
        backup.always(Behaviour.json(502, "bad gateway"));

        HttpResponse<String> response = ask();

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response).path("error").path("message").asText())
                .contains("spare")
                .contains("HTTP 502");
        assertThat(json(response).path("error").path("type").asText()).isEqualTo("server_error");
    }
}
