package io.langop.proxy.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.proxy.config.KeyDigests;
import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import io.langop.wire.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageAndMetricsTest {

    private static final String[] OPERATOR = {"Authorization", "Bearer operator-key"};
    private static final String OPERATOR_SHA256 = KeyDigests.sha256Hex("operator-key");

    @TempDir
    Path dir;

    @Test
    void reportsTokensAndCostPerModelAndClientInUsageAndMetrics() throws Exception {
        Files.writeString(dir.resolve("k1"), "key-1");
        Files.writeString(dir.resolve("k2"), "key-2");
        try (ScriptedUpstream upstream =
                        new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("x", 1000, 2000)));
                ProxyFixture proxy = new ProxyFixture(dir, """
             clientKeys:
               - {name: news-agent, key: {file: %s}}
               - {name: mail-agent, key: {file: %s}}
               - {name: operator, keySha256: %s, readsUsage: true}
             models:
               - name: gpt
                 endpoints: [{url: "%s"}]
                 pricing: {currency: USD, inputPer1kTokens: 0.5, outputPer1kTokens: 1.5}
             """.formatted(
                                dir.resolve("k1"), dir.resolve("k2"), OPERATOR_SHA256, upstream.baseUrl()))) {
            proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt", "a"), "Authorization", "Bearer key-1");
            upstream.then(Behaviour.json(200, OpenAiBodies.completion("y", 10, 20)));
            proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt", "b"), "Authorization", "Bearer key-2");
            proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("nope", "c"), "Authorization", "Bearer key-2");

            JsonNode usage = proxy.usage(OPERATOR);
            JsonNode model = usage.path("models").path("gpt");
            assertThat(model.path("requests").asLong()).isEqualTo(2);
            assertThat(model.path("promptTokens").asLong()).isEqualTo(1010);
            assertThat(model.path("completionTokens").asLong()).isEqualTo(2020);
            assertThat(model.path("totalTokens").asLong()).isEqualTo(3030);
            // 1000 x 0.5/1k + 2000 x 1.5/1k + 10 x 0.5/1k + 20 x 1.5/1k = 0.5 + 3 + 0.005 + 0.03
            assertThat(model.path("cost").decimalValue()).isEqualByComparingTo("3.535");
            assertThat(model.path("currency").asText()).isEqualTo("USD");
            assertThat(usage.path("clients").path("news-agent").path("cost").decimalValue())
                    .isEqualByComparingTo("3.5");
            assertThat(usage.path("clients").path("mail-agent").path("cost").decimalValue())
                    .isEqualByComparingTo("0.035");
            assertThat(usage.path("clients").path("mail-agent").path("errors").asLong())
                    .isEqualTo(1);
            // A model name the configuration does not have is counted as "unknown", not as a series of its own.
            assertThat(usage.path("models").path("unknown").path("errors").asLong())
                    .isEqualTo(1);
            assertThat(usage.path("models").has("nope")).isFalse();

            assertThat(model.path("averageLatencyMs").isIntegralNumber())
                    .as("latency in %s", model)
                    .isTrue();
            assertThat(model.path("p95LatencyMs").asLong()).isPositive();
            assertThat(usage.path("endpoints").path("gpt")).singleElement().satisfies(endpoint -> {
                assertThat(endpoint.path("url").asText())
                        .isEqualTo(upstream.baseUrl().toString());
                assertThat(endpoint.path("healthy").asBoolean()).isTrue();
            });

            String metrics = proxy.get("/metrics", OPERATOR).body();
            assertThat(metrics)
                    .contains("langop_proxy_tokens_total{client=\"news-agent\",model=\"gpt\",type=\"prompt\"} 1000.0")
                    .contains("langop_proxy_tokens_total{client=\"mail-agent\",model=\"gpt\",type=\"completion\"} 20.0")
                    .contains(
                            "langop_proxy_requests_total{client=\"mail-agent\",model=\"unknown\",outcome=\"error_404\"} 1.0")
                    .containsPattern(
                            "langop_proxy_cost_total\\{client=\"news-agent\",currency=\"USD\",model=\"gpt\"} 3.5");
            assertThat(proxy.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(proxy.get("/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void usageAndMetricsAnswerOnlyAKeyThatReadsUsage() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("x", 1, 1)));
                ProxyFixture proxy = new ProxyFixture(
                        dir, """
             clientKeys:
               - {name: ns/news-agent, keySha256: %s}
               - {name: operator, keySha256: %s, readsUsage: true}
             models:
               - name: gpt
                 endpoints: [{url: "%s"}]
             """.formatted(KeyDigests.sha256Hex("agent-key"), OPERATOR_SHA256, upstream.baseUrl()))) {
            String[] agent = {"Authorization", "Bearer agent-key"};
            for (String path : new String[] {"/usage", "/metrics"}) {
                assertThat(proxy.get(path).statusCode())
                        .as("%s without a key", path)
                        .isEqualTo(401);
                assertThat(proxy.get(path, agent).statusCode())
                        .as("%s with an agent's key", path)
                        .isEqualTo(403);
                assertThat(proxy.get(path, OPERATOR).statusCode())
                        .as("%s with the operator's", path)
                        .isEqualTo(200);
            }
            assertThat(proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("gpt", "a"), agent)
                            .statusCode())
                    .as("a key known by its hash only")
                    .isEqualTo(200);
            assertThat(proxy.post(
                                    "/v1/chat/completions",
                                    OpenAiBodies.chatRequest("gpt", "a"),
                                    "Authorization",
                                    "Bearer " + OPERATOR_SHA256)
                            .statusCode())
                    .as("the hash is no key")
                    .isEqualTo(401);
            assertThat(proxy.get("/healthz").statusCode())
                    .as("probes need no key")
                    .isEqualTo(200);
        }
    }

    @Test
    void countsTheRunsEachClientReportsUnderItsKey() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("x", 1, 1)));
                ProxyFixture proxy = new ProxyFixture(dir, """
             clientKeys:
               - {name: ns/a, keySha256: %s}
               - {name: ns/b, keySha256: %s}
               - {name: operator, keySha256: %s, readsUsage: true}
             models:
               - name: gpt
                 endpoints: [{url: "%s"}]
             """.formatted(
                                KeyDigests.sha256Hex("key-a"),
                                KeyDigests.sha256Hex("key-b"),
                                OPERATOR_SHA256,
                                upstream.baseUrl()))) {
            String[] a = {"Authorization", "Bearer key-a"};
            assertThat(proxy.post("/runs", new RunReport("succeeded", true).toJson(), a)
                            .statusCode())
                    .isEqualTo(202);
            proxy.post("/runs", new RunReport("constraint_timeout", false).toJson(), a);
            proxy.post("/runs", new RunReport("succeeded", true).toJson(), "Authorization", "Bearer key-b");
            assertThat(proxy.post("/runs", "{\"result\":\"ok\"}", a).statusCode())
                    .as("a report without its verdict")
                    .isEqualTo(400);
            assertThat(proxy.post("/runs", new RunReport("succeeded", true).toJson())
                            .statusCode())
                    .as("a report without a key")
                    .isEqualTo(401);

            JsonNode runs = proxy.usage(OPERATOR).path("runs");
            assertThat(runs.path("ns/a").path("runs").asLong()).isEqualTo(2);
            assertThat(runs.path("ns/a").path("succeeded").asLong()).isEqualTo(1);
            assertThat(runs.path("ns/a").path("failed").asLong()).isEqualTo(1);
            assertThat(runs.path("ns/a").path("lastResult").asText()).isEqualTo("constraint_timeout");
            assertThat(Instant.parse(runs.path("ns/a").path("lastEnded").asText()))
                    .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
            assertThat(runs.path("ns/b").path("runs").asLong()).isEqualTo(1);
        }
    }

    @Test
    void countsTheRunsOfEachCodeVersionWithTheirLastFailureAndKeepsTheVersionsReportedLast() throws Exception {
        try (ProxyFixture proxy =
                new ProxyFixture(dir, """
             clientKeys:
               - {name: ns/a, keySha256: %s}
               - {name: operator, keySha256: %s, readsUsage: true}
             models:
               - name: gpt
                 endpoints: [{url: "http://127.0.0.1:9/v1"}]
             """.formatted(KeyDigests.sha256Hex("key-a"), OPERATOR_SHA256))) {
            String[] a = {"Authorization", "Bearer key-a"};
            String good = "a".repeat(64);
            String failing = "b".repeat(64);
            proxy.post("/runs", new RunReport("succeeded", true, good, null).toJson(), a);
            proxy.post(
                    "/runs",
                    new RunReport("failed", false, failing, "step 'weather' failed: \"forecast\"").toJson(),
                    a);
            assertThat(proxy.post("/runs", new RunReport("failed", false, failing, "x".repeat(2000)).toJson(), a)
                            .statusCode())
                    .isEqualTo(202);
            proxy.post("/runs", new RunReport("succeeded", true).toJson(), a);
            assertThat(proxy.post("/runs", "{\"result\":\"failed\",\"succeeded\":false,\"codeHash\":\"v2\"}", a)
                            .statusCode())
                    .as("a code hash that is none")
                    .isEqualTo(400);

            JsonNode runs = proxy.usage(OPERATOR).path("runs").path("ns/a");
            assertThat(runs.path("runs").asLong())
                    .as("every run, with a code hash or without")
                    .isEqualTo(4);
            JsonNode byCode = runs.path("byCode");
            assertThat(byCode.path(good).path("succeeded").asLong()).isEqualTo(1);
            assertThat(byCode.path(good).path("lastFailure").isNull()).isTrue();
            assertThat(byCode.path(failing).path("runs").asLong()).isEqualTo(2);
            assertThat(byCode.path(failing).path("failed").asLong()).isEqualTo(2);
            assertThat(byCode.path(failing).path("lastFailure").asText())
                    .as("the last failure, cut to the report's bound")
                    .hasSize(RunReport.MAX_FAILURE_LENGTH)
                    .startsWith("xxx");
            assertThat(byCode.size()).isEqualTo(2);

            for (char version : "cdef".toCharArray()) {
                proxy.post(
                        "/runs",
                        new RunReport("succeeded", true, String.valueOf(version).repeat(64), null).toJson(),
                        a);
            }
            assertThat(proxy.usage(OPERATOR)
                            .path("runs")
                            .path("ns/a")
                            .path("byCode")
                            .fieldNames())
                    .toIterable()
                    .as("the versions reported last")
                    .containsExactlyInAnyOrder("c".repeat(64), "d".repeat(64), "e".repeat(64), "f".repeat(64));
        }
    }

    @Test
    void keepsTheLatestPendingApprovalsEachClientReportsUnderItsKey() throws Exception {
        try (ProxyFixture proxy =
                new ProxyFixture(dir, """
             clientKeys:
               - {name: ns/a, keySha256: %s}
               - {name: operator, keySha256: %s, readsUsage: true}
             models:
               - name: gpt
                 endpoints: [{url: "http://127.0.0.1:9/v1"}]
             """.formatted(KeyDigests.sha256Hex("key-a"), OPERATOR_SHA256))) {
            String[] a = {"Authorization", "Bearer key-a"};
            String twoCalls = """
                    [{"id": "a1", "tool": "send_email", "arguments": "{\\"to\\":\\"ops@example.com\\"}",
                      "deadline": "2026-12-06T10:15:00Z"},
                     {"id": "b2", "tool": "web_fetch", "arguments": "{}", "deadline": "2026-12-06T10:16:00Z"}]""";
            assertThat(proxy.post("/approvals", twoCalls, a).statusCode()).isEqualTo(202);
            assertThat(proxy.post("/approvals", "[{\"tool\": \"x\"}]", a).statusCode())
                    .as("a call without id and deadline")
                    .isEqualTo(400);
            assertThat(proxy.post("/approvals", "[]").statusCode())
                    .as("without a key")
                    .isEqualTo(401);

            JsonNode pending = proxy.usage(OPERATOR).path("approvals").path("ns/a");
            assertThat(pending).hasSize(2);
            assertThat(pending.get(0).path("tool").asText()).isEqualTo("send_email");
            assertThat(pending.get(0).path("arguments").asText()).isEqualTo("{\"to\":\"ops@example.com\"}");
            assertThat(pending.get(1).path("deadline").asText()).isEqualTo("2026-12-06T10:16:00Z");

            proxy.post("/approvals", "[]", a);
            assertThat(proxy.usage(OPERATOR).path("approvals").has("ns/a"))
                    .as("an empty list: nothing waits any more")
                    .isFalse();
        }
    }
}
