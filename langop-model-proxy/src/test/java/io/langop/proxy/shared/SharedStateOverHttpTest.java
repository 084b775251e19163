package io.langop.proxy.shared;

import static io.langop.proxy.testing.ProxyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.memory.redis.RedisServer;
import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import io.langop.wire.RunReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two proxies, as two replicas of one LanguageModel, sharing one real redis-server on loopback: one rate limit, one
 * usage total, one response cache; and what each does while Redis is stopped, or stops answering.
 */
class SharedStateOverHttpTest {

    private static final String CACHEABLE =
            "{\"model\":\"m\",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"2+2?\"}]}";

    @TempDir
    Path dir;

    final ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("4", 10, 5)));
    final List<ProxyFixture> proxies = new ArrayList<>();
    RedisServer redis;
    Path redisUrl;

    @BeforeEach
    void startRedis() throws Exception {
        assumeTrue(RedisServer.program() != null, "redis-server is not installed (apt-get install redis-server)");
        redis = RedisServer.start(dir.resolve("redis"));
        redisUrl = dir.resolve("redis-url");
        Files.writeString(redisUrl, redis.url() + "\n");
    }

    @AfterEach
    void stop() throws Exception {
        proxies.forEach(ProxyFixture::close);
        upstream.close();
        if (redis != null) {
            redis.close();
        }
    }

    /** A replica of the model {@code m}: 6 requests per minute, cached in Redis, priced. */
    private ProxyFixture replica(String name) throws IOException {
        return replica(name, redisUrl, "200ms");
    }

    private ProxyFixture replica(String name, Path url, String timeout) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        ProxyFixture proxy = new ProxyFixture(home, """
        sharedState: {redis: {file: "%s"}, keyPrefix: "langop:proxy:test/m:", replicas: 2, timeout: %s}
        models:
          - name: m
            endpoints: [{url: "%s"}]
            rateLimits: {requestsPerMinute: 6}
            cache: {enabled: true, ttl: 1m, backend: redis}
            pricing: {inputPer1kTokens: 1, outputPer1kTokens: 2}
        """.formatted(url, timeout, upstream.baseUrl()));
        proxies.add(proxy);
        return proxy;
    }

    private static HttpResponse<String> ask(ProxyFixture proxy) {
        return proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "hello"));
    }

    @Test
    void twoReplicasAdmitOneRateLimitBetweenThem() throws Exception {
        ProxyFixture a = replica("a");
        ProxyFixture b = replica("b");

        List<Integer> fromA = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fromA.add(ask(a).statusCode());
        }
        List<Integer> fromB = List.of(ask(b).statusCode(), ask(b).statusCode());

        // a takes the whole limit (its own share would be 3), and b has nothing left (alone it would have 6)
        assertThat(fromA).containsOnly(200);
        assertThat(fromB).containsOnly(429);
        assertThat(upstream.requests()).hasSize(6);
    }

    @Test
    void twoReplicasReportOneUsageTotalThatOutlivesThem() throws Exception {
        ProxyFixture a = replica("a");
        ProxyFixture b = replica("b");
        for (int i = 0; i < 3; i++) {
            assertThat(ask(a).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(ask(b).statusCode()).isEqualTo(200);
        }

        // a replica sends what it counted every second, and before it reads the totals
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(a.usage()
                                .path("models")
                                .path("m")
                                .path("requests")
                                .asLong())
                        .isEqualTo(5));
        JsonNode fromB = b.usage();
        assertThat(fromB.path("models").path("m").path("requests").asLong()).isEqualTo(5);
        assertThat(fromB.path("models").path("m").path("promptTokens").asLong()).isEqualTo(50);
        // 5 x (10 x 1 + 5 x 2) / 1000, exactly
        assertThat(fromB.path("models").path("m").path("cost").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(fromB.path("clients").path("anonymous").path("requests").asLong())
                .isEqualTo(5);
        String since = fromB.path("since").asText();

        proxies.forEach(ProxyFixture::close);
        proxies.clear();
        ProxyFixture restarted = replica("c");

        JsonNode afterRestart = restarted.usage();
        assertThat(afterRestart.path("models").path("m").path("requests").asLong())
                .isEqualTo(5);
        assertThat(afterRestart.path("since").asText()).isEqualTo(since);
    }

    @Test
    void theApprovalsAnAgentReportedToOneReplicaAreWhatTheOtherReports() throws Exception {
        ProxyFixture a = replica("a");
        ProxyFixture b = replica("b");
        String waiting = "[{\"id\": \"a1\", \"tool\": \"send_email\", \"arguments\": \"{}\","
                + " \"deadline\": \"2026-12-06T10:15:00Z\"}]";

        assertThat(a.post("/approvals", waiting).statusCode()).isEqualTo(202);

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(b.usage().path("approvals").path("anonymous"))
                        .singleElement()
                        .satisfies(
                                call -> assertThat(call.path("tool").asText()).isEqualTo("send_email")));
        assertThat(b.post("/approvals", "[]").statusCode()).isEqualTo(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(a.usage().path("approvals").has("anonymous"))
                        .as("the later, empty list reported to b")
                        .isFalse());
    }

    @Test
    void theRunsOfEachCodeVersionReportedToBothReplicasAddUpAndOnlyTheVersionsReportedLastAreKept() throws Exception {
        ProxyFixture a = replica("a");
        ProxyFixture b = replica("b");
        String failing = "b".repeat(64);
        assertThat(a.post("/runs", new RunReport("succeeded", true, "a".repeat(64), null).toJson())
                        .statusCode())
                .isEqualTo(202);
        a.post("/runs", new RunReport("failed", false, failing, "the first failure").toJson());
        Thread.sleep(5); // the later report's time is later, also across replicas
        b.post("/runs", new RunReport("failed", false, failing, "step 'weather' failed:\ntool 'forecast'").toJson());

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(b.usage()
                                .path("runs")
                                .path("anonymous")
                                .path("byCode")
                                .path(failing)
                                .path("failed")
                                .asLong())
                        .isEqualTo(2));
        JsonNode byCode = a.usage().path("runs").path("anonymous").path("byCode");
        assertThat(byCode.path(failing).path("lastFailure").asText())
                .isEqualTo("step 'weather' failed:\ntool 'forecast'");
        assertThat(byCode.path("a".repeat(64)).path("succeeded").asLong()).isEqualTo(1);

        for (char version : "cdef".toCharArray()) {
            Thread.sleep(5);
            a.post(
                    "/runs",
                    new RunReport("succeeded", true, String.valueOf(version).repeat(64), null).toJson());
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(b.usage()
                                .path("runs")
                                .path("anonymous")
                                .path("runs")
                                .asLong())
                        .isEqualTo(7));
        assertThat(b.usage().path("runs").path("anonymous").path("byCode").fieldNames())
                .toIterable()
                .as("the versions reported last, also in Redis")
                .containsExactlyInAnyOrder("c".repeat(64), "d".repeat(64), "e".repeat(64), "f".repeat(64));
    }

    @Test
    void anAnswerOneReplicaGotIsServedFromTheCacheByTheOther() throws Exception {
        ProxyFixture a = replica("a");
        ProxyFixture b = replica("b");

        HttpResponse<String> miss = a.post("/v1/chat/completions", CACHEABLE);
        HttpResponse<String> hit = b.post("/v1/chat/completions", CACHEABLE);

        assertThat(miss.headers().firstValue("X-Langop-Cache")).hasValue("miss");
        assertThat(hit.headers().firstValue("X-Langop-Cache")).hasValue("hit");
        assertThat(hit.headers().firstValue("X-Langop-Model")).hasValue("m");
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(upstream.requests()).hasSize(1);
    }

    @Test
    void whileRedisIsStoppedTheCacheMissesEachReplicaKeepsItsShareAndUsageWaitsUntilRedisIsBack() throws Exception {
        ProxyFixture a = replica("a");
        ProxyFixture b = replica("b");
        assertThat(a.post("/v1/chat/completions", CACHEABLE).statusCode()).isEqualTo(200);
        a.usage(); // sent

        redis.stop();

        HttpResponse<String> uncached = b.post("/v1/chat/completions", CACHEABLE);
        assertThat(uncached.statusCode()).isEqualTo(200);
        assertThat(uncached.headers().firstValue("X-Langop-Cache")).hasValue("miss");
        assertThat(upstream.requests()).hasSize(2);
        // the limit of 6 is 3 per replica while they cannot count together; b has answered 1 already
        List<Integer> fromB = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fromB.add(ask(b).statusCode());
        }
        assertThat(fromB).containsExactly(200, 200, 429, 429);
        HttpResponse<String> usage = b.get("/usage");
        assertThat(usage.statusCode()).isEqualTo(503);
        assertThat(json(usage).path("error").path("code").asText()).isEqualTo("shared_state_unavailable");
        assertThat(usage.body()).doesNotContain(RedisServer.PASSWORD);

        redis.restart();

        // 1 request through a before the stop; 3 answered and 2 refused through b while Redis was down
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode model = a.usage().path("models").path("m");
            assertThat(model.path("requests").asLong()).isEqualTo(4);
            assertThat(model.path("errors").asLong()).isEqualTo(2);
        });
    }

    @Test
    void aRedisThatStopsAnsweringDelaysARequestByTheTimeoutAndNeverTheEventLoops() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path silentUrl = dir.resolve("silent-url");
            Files.writeString(silentUrl, "redis://127.0.0.1:" + silent.getLocalPort());
            ProxyFixture proxy = replica("silent", silentUrl, "1s");

            long started = System.nanoTime();
            CompletableFuture<HttpResponse<String>> waiting =
                    CompletableFuture.supplyAsync(() -> proxy.post("/v1/chat/completions", CACHEABLE));
            Thread.sleep(200);
            // new connections are spread over every event loop: one of them carries the waiting request
            for (int i = 0; i < 4; i++) {
                long asked = System.nanoTime();
                assertThat(proxy.get("/healthz").statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(500));
            }
            assertThat(waiting).isNotDone();

            HttpResponse<String> answered = waiting.get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.headers().firstValue("X-Langop-Cache")).hasValue("miss");
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
        }
    }
}
