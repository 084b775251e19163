package io.langop.proxy.api;

import static io.langop.proxy.testing.ProxyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverloadTest {

    @TempDir
    Path dir;

    @Test
    void answersBeyondItsCapacityWith503InsteadOfQueueingWithoutEnd() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Behaviour answer = Behaviour.json(200, OpenAiBodies.completion("done", 1, 1));
        try (ScriptedUpstream upstream = new ScriptedUpstream((exchange, up) -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer.respond(exchange, up);
                });
                ProxyFixture proxy = new ProxyFixture(dir, """
             maxRequestsInProgress: 1
             models:
               - name: m
                 endpoints: [{url: "%s"}]
             """.formatted(upstream.baseUrl()))) {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                    () -> proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "hi")));
            Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> upstream.requests().size() == 1);

            HttpResponse<String> refused = proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "hi"));
            release.countDown();

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(json(refused).path("error").path("type").asText()).isEqualTo("server_error");
            assertThat(json(refused).path("error").path("code").asText()).isEqualTo("server_overloaded");
            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(upstream.requests()).hasSize(1);
            // The slot is free again once the first answer is out.
            assertThat(proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "hi"))
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
