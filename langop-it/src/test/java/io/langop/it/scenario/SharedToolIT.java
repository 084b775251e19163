package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.it.harness.LocalWebSite;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One service-mode web tool (its own Deployment and Service) shared by two agents: a scheduled agent
 * whose tick reads a page through it, and an interactive agent that answers a chat request through
 * its OpenAI-compatible endpoint, calling the same tool server on the model's request.
 */
class SharedToolIT {

    private static final String NAMESPACE = "support";
    private static final String RELEASE_NOTES =
            "<html><body><h1>Kubernetes 1.99</h1>" + "<p>In-place pod resize is generally available.</p></body></html>";
    private static final String SCOUT_NOTE = "Kubernetes 1.99: in-place pod resize is GA.";
    private static final String ANSWER = "Yes: since 1.99 pods can be resized in place.";

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    @Test
    void aServiceToolServesAScheduledAndAnInteractiveAgent() throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer();
                LocalWebSite site = LocalWebSite.serving(Map.of("/releases", RELEASE_NOTES))) {
            String page = site.url("/releases");
            cluster.createNamespace(NAMESPACE);
            cluster.createAgentCode(
                    NAMESPACE,
                    "scout-code",
                    "agents/DigestAgent.java",
                    Map.of("PAGE_URL", page, "OUTPUT_FILE", "digest.md"));
            cluster.createAgentCode(NAMESPACE, "concierge-code", "agents/ConciergeAgent.java");
            Map<String, String> values = Map.of("NAMESPACE", NAMESPACE, "LLM_URL", llm.baseUrl());
            cluster.applyResource("scenarios/scripted-model.yaml", values);
            cluster.applyResource("scenarios/shared-tool.yaml", values);

            await("tool server and chat agent running")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> readyReplicas("web-tool") == 1
                            && cluster.agentPhase(NAMESPACE, "concierge") == AgentPhase.RUNNING);
            assertThat(deployment("concierge-agent")
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getInitContainers())
                    .as("a service-mode tool is no sidecar")
                    .isEmpty();

            // the scheduled agent reads the page through the shared tool
            llm.thenText(SCOUT_NOTE);
            Job scoutRun = cluster.runCronJobOnce(NAMESPACE, "scout-agent");
            assertThat(LocalClusterExtension.outcome(scoutRun))
                    .as("job %s", scoutRun.getMetadata().getName())
                    .isEqualTo("Complete");
            assertThat(Files.readString(
                            cluster.claimDir(NAMESPACE, "scout-workspace").resolve("digest.md")))
                    .contains(SCOUT_NOTE);

            // the interactive agent answers a chat request and reads the page through the same tool on the way
            llm.thenToolCall("web_fetch", "{\"url\":\"" + page + "\"}").thenText(ANSWER);
            // through the Service the operator gives an interactive agent, as a client in the cluster would
            await("chat Service")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> cluster.client()
                                    .services()
                                    .inNamespace(NAMESPACE)
                                    .withName("concierge-agent")
                                    .get()
                            != null);
            int chatPort = cluster.servicePort(
                    NAMESPACE,
                    "concierge-agent",
                    cluster.client()
                            .services()
                            .inNamespace(NAMESPACE)
                            .withName("concierge-agent")
                            .get()
                            .getSpec()
                            .getPorts()
                            .getFirst()
                            .getPort());
            await("chat endpoint ready")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> ready(chatPort));
            OpenAiChatModel chat = OpenAiChatModel.builder()
                    .baseUrl("http://127.0.0.1:" + chatPort + "/v1")
                    .apiKey("unused")
                    .modelName("concierge")
                    .maxRetries(0)
                    .timeout(Duration.ofSeconds(60))
                    .build();
            ChatResponse response = chat.chat(ChatRequest.builder()
                    .messages(UserMessage.from("Can pods be resized without a restart now?"))
                    .build());

            assertThat(response.aiMessage().text()).isEqualTo(ANSWER);
            assertThat(String.join("\n", llm.messagesOf(2)))
                    .as("the chat's tool call fetched the page")
                    .contains("In-place pod resize is generally available");
            assertThat(site.visits())
                    .as("both agents read the page through the one tool server")
                    .hasSize(2)
                    .allSatisfy(visit -> assertThat(visit.userAgent()).contains("langop-tool-web"));
        }
    }

    private static boolean ready(int port) {
        try {
            return HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Deployment deployment(String name) {
        return cluster.client()
                .apps()
                .deployments()
                .inNamespace(NAMESPACE)
                .withName(name)
                .get();
    }

    private static int readyReplicas(String name) {
        Deployment deployment = deployment(name);
        return deployment == null
                        || deployment.getStatus() == null
                        || deployment.getStatus().getReadyReplicas() == null
                ? 0
                : deployment.getStatus().getReadyReplicas();
    }
}
