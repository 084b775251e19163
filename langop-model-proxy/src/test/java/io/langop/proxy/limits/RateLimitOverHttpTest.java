package io.langop.proxy.limits;

import static io.langop.proxy.testing.ProxyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.config.KeyDigests;
import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitOverHttpTest {

    @TempDir
    Path dir;

    final ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("ok", 60, 40)));
    ProxyFixture proxy;

    @AfterEach
    void stop() {
        proxy.close();
        upstream.close();
    }

    private void start(String modelLimits, String clientKeys) {
        proxy = new ProxyFixture(dir, """
        %s
        models:
          - name: m
            endpoints: [{url: "%s"}]
            rateLimits: %s
        """.formatted(clientKeys, upstream.baseUrl(), modelLimits));
    }

    @Test
    void admitsExactlyTheLimitUnderConcurrentLoad() throws Exception {
        start("{requestsPerMinute: 5}", "");
        upstream.always(
                Behaviour.delayed(Duration.ofMillis(50), Behaviour.json(200, OpenAiBodies.completion("ok", 1, 1))));

        List<HttpResponse<String>> responses =
                concurrently(40, () -> proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "hi")));

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(5);
        List<HttpResponse<String>> refused =
                responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(refused).hasSize(35);
        assertThat(refused).allSatisfy(r -> {
            assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 12L);
            assertThat(json(r).path("error").path("type").asText()).isEqualTo("requests");
            assertThat(json(r).path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
        });
        assertThat(upstream.requests()).hasSize(5);
    }

    @Test
    void limitsEachClientKeyOnItsOwn() throws Exception {
        Files.writeString(dir.resolve("a"), "key-a");
        Files.writeString(dir.resolve("b"), "key-b");
        start("{}", """
        clientKeys:
          - {name: agent-a, key: {file: %s}, rateLimits: {requestsPerMinute: 2}}
          - {name: agent-b, key: {file: %s}}
          - {name: operator, keySha256: %s, readsUsage: true}
        """.formatted(dir.resolve("a"), dir.resolve("b"), KeyDigests.sha256Hex("key-operator")));

        List<Integer> statusesA = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statusesA.add(proxy.post(
                            "/v1/chat/completions",
                            OpenAiBodies.chatRequest("m", "hi"),
                            "Authorization",
                            "Bearer key-a")
                    .statusCode());
        }
        int statusB = proxy.post(
                        "/v1/chat/completions", OpenAiBodies.chatRequest("m", "hi"), "Authorization", "Bearer key-b")
                .statusCode();

        assertThat(statusesA).containsExactly(200, 200, 429);
        assertThat(statusB).isEqualTo(200);
        assertThat(proxy.usage("Authorization", "Bearer key-operator")
                        .path("clients")
                        .path("agent-a")
                        .path("errors")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void limitsTokensPerMinuteByReportedUsage() {
        start("{tokensPerMinute: 100}", "");

        HttpResponse<String> first = proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "hi"));
        HttpResponse<String> second = proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "hi"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429); // the first answer used all 100 tokens of the minute
        assertThat(json(second).path("error").path("type").asText()).isEqualTo("tokens");
        assertThat(upstream.requests()).hasSize(1);
    }

    @Test
    void limitsRequestsInFlight() throws Exception {
        start("{concurrentRequests: 2}", "");
        CountDownLatch release = new CountDownLatch(1);
        upstream.always((exchange, up) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Behaviour.json(200, OpenAiBodies.completion("ok", 1, 1)).respond(exchange, up);
        });

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> one =
                    threads.submit(() -> proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "1")));
            Future<HttpResponse<String>> two =
                    threads.submit(() -> proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "2")));
            org.awaitility.Awaitility.await().until(() -> upstream.requests().size() == 2);

            HttpResponse<String> third = proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "3"));

            assertThat(third.statusCode()).isEqualTo(429);
            release.countDown();
            assertThat(one.get().statusCode()).isEqualTo(200);
            assertThat(two.get().statusCode()).isEqualTo(200);
        }
        assertThat(proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "4"))
                        .statusCode())
                .isEqualTo(200);
    }

    private static <T> List<T> concurrently(int count, java.util.concurrent.Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
