package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * spec.eventTriggers end to end: the operator generates the GitHub webhook's secret and configures the agent, a signed
 * delivery through the agent's Service starts a run whose prompt holds the mapped event, a forged one is refused, the
 * condition holds back other events, a repeated delivery runs once, a CloudEvent starts a run, and events accepted
 * when the agent's pod is deleted run in the pod that replaces it.
 */
class WebhookTriggersIT {

    private static final String NAMESPACE = "webhooks";
    private static final String OPENED = "{\"action\":\"opened\",\"issue\":{\"number\":%d,\"title\":\"%s\"},"
            + "\"repository\":{\"full_name\":\"acme/shop\"}}";

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void signedDeliveriesAndCloudEventsStartRunsWithTheMappedEventAndSurviveAPodRestart() throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer()) {
            llm.otherwise(new ScriptedOpenAiServer.Text("triaged", 5, 1));
            cluster.createNamespace(NAMESPACE);
            cluster.createAgentCode(NAMESPACE, "triage-code", "agents/TriageAgent.java");
            Map<String, String> values = Map.of("NAMESPACE", NAMESPACE, "LLM_URL", llm.baseUrl());
            cluster.applyResource("scenarios/scripted-model.yaml", values);
            cluster.applyResource("scenarios/webhook-agent.yaml", values);

            await("agent running")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> cluster.agentPhase(NAMESPACE, "triage") == AgentPhase.RUNNING);
            Secret secrets = cluster.client()
                    .secrets()
                    .inNamespace(NAMESPACE)
                    .withName("triage-webhooks")
                    .get();
            String secret = new String(
                    Base64.getDecoder().decode(secrets.getData().get("webhook-github")), StandardCharsets.UTF_8);
            URI agent = URI.create("http://127.0.0.1:" + cluster.servicePort(NAMESPACE, "triage-agent", 8000));
            await("webhook endpoint ready")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> http.send(
                                            HttpRequest.newBuilder(agent.resolve("/readyz"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);

            // a forged delivery is refused and runs nothing; the signed one runs with the mapped event
            assertThat(github(agent, issue(7, "OOM in checkout"), "d-1", "forged")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(github(agent, issue(7, "OOM in checkout"), "d-1", secret).statusCode())
                    .isEqualTo(202);
            await("run of the issue")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> llm.firstMessages().size() == 1);
            assertThat(llm.firstMessages()).containsExactly("user: Triage issue 7 of acme/shop: OOM in checkout");

            // the condition holds a closed issue back; the same delivery again runs nothing
            HttpResponse<String> closed = github(agent, issue(8, "ignored").replace("opened", "closed"), "d-2", secret);
            assertThat(closed.statusCode()).isEqualTo(200);
            assertThat(closed.body()).contains("condition is false");
            HttpResponse<String> again = github(agent, issue(7, "OOM in checkout"), "d-1", secret);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("delivered before");

            // a CloudEvent in binary mode
            HttpResponse<String> order = http.send(
                    HttpRequest.newBuilder(agent.resolve("/webhook/orders"))
                            .header("Content-Type", "application/json")
                            .header("ce-specversion", "1.0")
                            .header("ce-id", "o-42")
                            .header("ce-source", "/checkout")
                            .header("ce-type", "com.acme.order.created")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"blue teapot\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(order.statusCode()).isEqualTo(202);
            await("run of the order")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> llm.firstMessages().size() == 2);
            assertThat(llm.firstMessages().get(1)).isEqualTo("user: Triage order o-42 of /checkout: blue teapot");

            // the model hangs: one event is in its run, one waits, when the pod is deleted
            llm.delayReplies(Duration.ofMinutes(1));
            assertThat(github(agent, issue(9, "slow"), "d-9", secret).statusCode())
                    .isEqualTo(202);
            assertThat(github(agent, issue(10, "waiting"), "d-10", secret).statusCode())
                    .isEqualTo(202);
            await("run of issue 9 started")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> llm.firstMessages().size() == 3);
            Path events = cluster.claimDir(NAMESPACE, "triage-workspace").resolve(".langop/events");
            assertThat(eventFiles(events)).hasSize(2);
            cluster.client()
                    .pods()
                    .inNamespace(NAMESPACE)
                    .withLabel("app.kubernetes.io/instance", "triage")
                    .delete();
            llm.delayReplies(Duration.ZERO);

            await("both events run by the new pod")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> eventFiles(events).isEmpty()
                            && llm.firstMessages()
                                    .subList(3, llm.firstMessages().size())
                                    .containsAll(List.of(
                                            "user: Triage issue 9 of acme/shop: slow",
                                            "user: Triage issue 10 of acme/shop: waiting")));
            assertThat(llm.firstMessages())
                    .as("no event ran twice after the restart but the one whose run was cut off")
                    .filteredOn(prompt -> prompt.contains("issue 10 "))
                    .hasSize(1);
        }
    }

    private static String issue(int number, String title) {
        return OPENED.formatted(number, title);
    }

    private HttpResponse<String> github(URI agent, String body, String delivery, String secret) throws Exception {
        return http.send(
                HttpRequest.newBuilder(agent.resolve("/webhook/github"))
                        .header("Content-Type", "application/json")
                        .header("X-GitHub-Event", "issues")
                        .header("X-GitHub-Delivery", delivery)
                        .header("X-Hub-Signature-256", githubSignature(secret, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** As GitHub signs: HMAC-SHA256 of the body with the webhook's secret, in hex. */
    private static String githubSignature(String secret, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Path> eventFiles(Path events) throws java.io.IOException {
        if (!Files.isDirectory(events)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(events)) {
            return files.filter(file -> file.toString().endsWith(".event.json")).toList();
        }
    }
}
