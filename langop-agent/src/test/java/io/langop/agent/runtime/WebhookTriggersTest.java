package io.langop.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.server.ServiceServer;
import io.langop.wire.AgentEnv;
import io.langop.wire.AgentTriggers;
import io.langop.wire.AgentTriggers.Webhook;
import io.langop.wire.HmacSha256;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook triggers served by the runtime over real HTTP on loopback: each authentication, CloudEvents in both modes,
 * conditions and mappings, repeated deliveries, back-pressure and events kept across a restart.
 */
class WebhookTriggersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GITHUB_SECRET = "gh-" + "0123456789abcdef".repeat(4);
    private static final String GITLAB_SECRET = "gl-" + "fedcba9876543210".repeat(4);
    private static final String HMAC_SECRET = "hm-" + "00112233445566778899".repeat(3);
    private static final String ISSUE_OPENED =
            "{\"action\":\"opened\",\"issue\":{\"number\":7,\"title\":\"OOM\"},\"repository\":{\"full_name\":\"acme/shop\"}}";
    private static final String ISSUE_CLOSED = ISSUE_OPENED.replace("opened", "closed");

    @TempDir
    Path workspace;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<JsonNode> runEvents = new CopyOnWriteArrayList<>();
    private ScriptedOpenAiServer llm;
    private AgentRuntime runtime;
    private ServiceServer server;

    @BeforeEach
    void startModel() throws Exception {
        llm = new ScriptedOpenAiServer();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            runtime.close();
        }
        llm.close();
    }

    /** GitHub issues, mapped; GitLab; langop's HMAC; a CloudEvent endpoint with a condition on its type. */
    private static List<Webhook> triggers() {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("repo", "event.repository.full_name");
        mapping.put("number", "event.issue.number");
        return List.of(
                new Webhook(
                        "github",
                        AgentTriggers.GITHUB,
                        "GH_SECRET",
                        Map.of("headers.x-github-event", "issues"),
                        "event.action == 'opened'",
                        mapping),
                new Webhook("gitlab", AgentTriggers.GITLAB, "GL_SECRET", null, null, null),
                new Webhook("", AgentTriggers.HMAC, "HM_SECRET", null, null, null),
                new Webhook("orders", AgentTriggers.NONE, null, null, "ce.type == 'com.acme.order.created'", null));
    }

    private void start(Map<String, String> extra, CountDownLatch runsMayEnd) throws Exception {
        var agent = AgentDefinition.builder("triage")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Triage events")
                .workflow(w -> w.step(
                        "record",
                        s -> s.custom(results -> {
                            runEvents.add(results.event());
                            if (!runsMayEnd.await(20, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the test never let the run end");
                            }
                            return "recorded";
                        })))
                .build();
        Map<String, String> env = new HashMap<>(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llm.rootUrl(),
                "PORT",
                "0",
                AgentEnv.WORKSPACE_PATH,
                workspace.toString(),
                AgentEnv.AGENT_TRIGGERS,
                JSON.writeValueAsString(new AgentTriggers(triggers())),
                "GH_SECRET",
                GITHUB_SECRET,
                "GL_SECRET",
                GITLAB_SECRET,
                "HM_SECRET",
                HMAC_SECRET));
        env.putAll(extra);
        runtime = AgentRuntime.connect(AgentConfig.from(env), () -> agent);
        server = runtime.serve();
    }

    private void start() throws Exception {
        start(Map.of(), new CountDownLatch(0));
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> github(String body, String delivery, String secret) throws Exception {
        return post(
                "/webhook/github",
                body,
                Map.of(
                        "X-GitHub-Event",
                        "issues",
                        "X-GitHub-Delivery",
                        delivery,
                        "X-Hub-Signature-256",
                        new HmacSha256(secret).sign(body.getBytes(StandardCharsets.UTF_8))));
    }

    private HttpResponse<String> hmac(String body, long timestamp, String delivery) throws Exception {
        String signature = new HmacSha256(HMAC_SECRET)
                .sign((timestamp + ".").getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>(Map.of(
                AgentTriggers.SIGNATURE_HEADER, signature, AgentTriggers.TIMESTAMP_HEADER, Long.toString(timestamp)));
        if (delivery != null) {
            headers.put(AgentTriggers.DELIVERY_HEADER, delivery);
        }
        return post("/webhook", body, headers);
    }

    private void awaitRuns(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> runEvents.size() >= count);
    }

    @Test
    void aSignedGitHubDeliveryStartsARunWithTheMappedEventAndABadSignatureIsRefused() throws Exception {
        start();

        HttpResponse<String> forged = github(ISSUE_OPENED, "d-0", "not-the-secret");
        HttpResponse<String> unsigned = post("/webhook/github", ISSUE_OPENED, Map.of("X-GitHub-Event", "issues"));
        HttpResponse<String> accepted = github(ISSUE_OPENED, "d-1", GITHUB_SECRET);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).path("event").asText()).isEqualTo("d-1");
        awaitRuns(1);
        assertThat(runEvents.getFirst().toString()).isEqualTo("{\"repo\":\"acme/shop\",\"number\":7}");
        Thread.sleep(200); // no run of the refused deliveries comes after
        assertThat(runEvents).hasSize(1);
    }

    @Test
    void aConditionThatIsFalseAnswers200AndStartsNoRun() throws Exception {
        start();

        HttpResponse<String> closed = github(ISSUE_CLOSED, "d-2", GITHUB_SECRET);
        HttpResponse<String> opened = github(ISSUE_OPENED, "d-3", GITHUB_SECRET);

        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(closed.body()).path("reason").asText()).isEqualTo("condition is false");
        assertThat(opened.statusCode()).isEqualTo(202);
        awaitRuns(1);
        assertThat(runEvents).hasSize(1);
    }

    @Test
    void aRepeatedDeliveryRunsOnce() throws Exception {
        start();

        assertThat(github(ISSUE_OPENED, "d-4", GITHUB_SECRET).statusCode()).isEqualTo(202);
        awaitRuns(1);
        HttpResponse<String> again = github(ISSUE_OPENED, "d-4", GITHUB_SECRET);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("reason").asText()).isEqualTo("delivered before");
        assertThat(github(ISSUE_OPENED, "d-5", GITHUB_SECRET).statusCode()).isEqualTo(202);
        awaitRuns(2);
        assertThat(runEvents).hasSize(2);
    }

    @Test
    void gitLabsTokenMustBeTheSecretAndNoConditionSeesIt() throws Exception {
        start();

        assertThat(post("/webhook/gitlab", "{\"object_kind\":\"push\"}", Map.of("X-Gitlab-Token", "guess"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(
                                "/webhook/gitlab",
                                "{\"object_kind\":\"push\"}",
                                Map.of("X-Gitlab-Token", GITLAB_SECRET, "X-Gitlab-Event-UUID", "gl-1"))
                        .statusCode())
                .isEqualTo(202);
        awaitRuns(1);
        assertThat(runEvents.getFirst().path("object_kind").asText()).isEqualTo("push");
    }

    @Test
    void langopsHmacRefusesAStaleTimestampAndARequestSentAgainWithinTheWindow() throws Exception {
        start();
        long now = Instant.now().getEpochSecond();

        assertThat(hmac("{\"n\":1}", now - 600, null).statusCode())
                .as("10 minutes old")
                .isEqualTo(401);
        assertThat(hmac("{\"n\":1}", now + 600, null).statusCode())
                .as("10 minutes ahead")
                .isEqualTo(401);
        assertThat(hmac("{\"n\":1}", now, null).statusCode()).isEqualTo(202);
        HttpResponse<String> replayed = hmac("{\"n\":1}", now, null);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).contains("delivered before");
        awaitRuns(1);
        assertThat(runEvents.getFirst().path("n").asInt()).isEqualTo(1);
    }

    @Test
    void cloudEventsInBinaryAndStructuredModeStartRunsWithTheirData() throws Exception {
        start();

        HttpResponse<String> binary = post(
                "/webhook/orders",
                "{\"order\":\"A-1\"}",
                Map.of(
                        "ce-specversion", "1.0",
                        "ce-id", "e-1",
                        "ce-source", "/shop",
                        "ce-type", "com.acme.order.created",
                        "ce-subject", "order%20A-1"));
        HttpResponse<String> structured = post(
                "/webhook/orders",
                "{\"specversion\":\"1.0\",\"id\":\"e-2\",\"source\":\"/shop\",\"type\":\"com.acme.order.created\","
                        + "\"datacontenttype\":\"application/json\",\"data\":{\"order\":\"A-2\"}}",
                Map.of("Content-Type", "application/cloudevents+json; charset=utf-8"));
        HttpResponse<String> otherType = post(
                "/webhook/orders",
                "{}",
                Map.of(
                        "ce-specversion",
                        "1.0",
                        "ce-id",
                        "e-3",
                        "ce-source",
                        "/shop",
                        "ce-type",
                        "com.acme.order.paid"));
        HttpResponse<String> noId = post(
                "/webhook/orders",
                "{}",
                Map.of("ce-specversion", "1.0", "ce-source", "/shop", "ce-type", "com.acme.order.created"));
        HttpResponse<String> sameIdAgain = post(
                "/webhook/orders",
                "{\"order\":\"A-1\"}",
                Map.of(
                        "ce-specversion",
                        "1.0",
                        "ce-id",
                        "e-1",
                        "ce-source",
                        "/shop",
                        "ce-type",
                        "com.acme.order.created"));

        assertThat(binary.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(binary.body()).path("event").asText()).isEqualTo("/shop e-1");
        assertThat(structured.statusCode()).isEqualTo(202);
        assertThat(otherType.statusCode()).isEqualTo(200);
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("CloudEvent attribute id is required");
        assertThat(sameIdAgain.statusCode()).isEqualTo(200);
        awaitRuns(2);
        assertThat(runEvents).extracting(event -> event.path("order").asText()).containsExactly("A-1", "A-2");
    }

    @Test
    void aFullQueueAnswers429WithRetryAfterInsteadOfDroppingTheEvent() throws Exception {
        CountDownLatch runsMayEnd = new CountDownLatch(1);
        start(Map.of(AgentEnv.AGENT_EVENT_QUEUE, "2"), runsMayEnd);

        assertThat(github(ISSUE_OPENED, "q-1", GITHUB_SECRET).statusCode()).isEqualTo(202);
        awaitRuns(1); // running, and still counted
        assertThat(github(ISSUE_OPENED, "q-2", GITHUB_SECRET).statusCode()).isEqualTo(202);
        HttpResponse<String> full = github(ISSUE_OPENED, "q-3", GITHUB_SECRET);

        assertThat(full.statusCode()).isEqualTo(429);
        assertThat(full.headers().firstValue("Retry-After")).hasValue("10");
        runsMayEnd.countDown();
        awaitRuns(2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> github(ISSUE_OPENED, "q-3", GITHUB_SECRET).statusCode() == 202);
        awaitRuns(3);
    }

    @Test
    void eventsAcceptedBeforeARestartRunAfterIt() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        start(Map.of(), never);
        assertThat(github(ISSUE_OPENED, "r-1", GITHUB_SECRET).statusCode()).isEqualTo(202);
        awaitRuns(1); // r-1 runs and hangs
        assertThat(github(ISSUE_OPENED.replace("7", "8"), "r-2", GITHUB_SECRET).statusCode())
                .isEqualTo(202);
        try (var files = Files.list(workspace.resolve(AgentRuntime.EVENT_DIRECTORY))) {
            assertThat(files.filter(file -> file.toString().endsWith(".event.json")))
                    .as("both kept on disk before 202")
                    .hasSize(2);
        }

        server.close();
        runtime.close(); // interrupts the hanging run of r-1
        runEvents.clear();
        start();

        awaitRuns(2);
        assertThat(runEvents)
                .extracting(event -> event.path("number").asInt())
                .as("the interrupted event and the waiting one, in order")
                .containsExactly(7, 8);
        assertThat(github(ISSUE_OPENED, "r-2", GITHUB_SECRET).statusCode())
                .as("a repeated delivery after the restart")
                .isEqualTo(200);
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        start();

        assertThat(post("/webhook/nothing", "{}", Map.of()).statusCode()).isEqualTo(404);
    }
}
