package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.it.harness.LocalWebSite;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An autonomous agent with its code from {@code spec.codeRef} and the web tool as a sidecar: the
 * operator's Deployment runs as processes, the agent fetches a page through the web tool over MCP
 * and summarizes it through the model proxy, which forwards to the scripted LLM. Then the agent
 * is pointed at new code: the Deployment's pod is replaced and the new version runs.
 */
class AutonomousAgentIT {

    private static final String NAMESPACE = "newsroom";
    private static final String RELEASE_NOTES = "<html><body><h1>Kubernetes 1.99</h1>"
            + "<p>Sidecar containers are now enabled by default in every cluster.</p></body></html>";
    private static final String SECURITY_NOTES = "<html><body><p>No new CVEs this week.</p></body></html>";
    private static final String SUMMARY = "Kubernetes 1.99 turns sidecar containers on everywhere.";

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    @Test
    void fetchesThroughTheSidecarAndSummarizesThroughTheModelProxyThenRollsOutNewCode() throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer();
                LocalWebSite site =
                        LocalWebSite.serving(Map.of("/releases", RELEASE_NOTES, "/security", SECURITY_NOTES))) {
            // every run of the agent, the first and the one after the code changes, gets the same answer
            llm.otherwise(new ScriptedOpenAiServer.Text(SUMMARY, 10, 5));
            cluster.createNamespace(NAMESPACE);
            cluster.createConfigMap(NAMESPACE, "digest-code", digestAgent(site.url("/releases"), "digest.md"));
            Map<String, String> values = Map.of("NAMESPACE", NAMESPACE, "LLM_URL", llm.baseUrl());
            cluster.applyResource("scenarios/scripted-model.yaml", values);
            cluster.applyResource("scenarios/autonomous-agent.yaml", values);

            await("agent running")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> cluster.agentPhase(NAMESPACE, "digest") == AgentPhase.RUNNING);

            Path digest = cluster.claimDir(NAMESPACE, "digest-workspace").resolve("digest.md");
            await("digest written to the workspace")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() ->
                            Files.exists(digest) && !Files.readString(digest).isBlank());
            assertThat(Files.readString(digest)).contains(SUMMARY);

            assertThat(site.visits())
                    .as("the page was fetched by the web tool")
                    .first()
                    .satisfies(visit -> {
                        assertThat(visit.path()).isEqualTo("/releases");
                        assertThat(visit.userAgent()).contains("langop-tool-web");
                    });
            var request = llm.requests().getFirst();
            assertThat(request.path("model").asText())
                    .as("the proxy sends the LanguageModel's upstream model")
                    .isEqualTo("scripted-model");
            assertThat(String.join("\n", llm.messagesOf(0)))
                    .as("the fetched page reached the prompt")
                    .contains("Sidecar containers are now enabled by default");

            // new code: the pod template changes, the pod is replaced, the workspace outlives it
            cluster.createConfigMap(NAMESPACE, "digest-code-v2", digestAgent(site.url("/security"), "security.md"));
            cluster.client()
                    .resources(LanguageAgent.class)
                    .inNamespace(NAMESPACE)
                    .withName("digest")
                    .edit(agent -> {
                        agent.getSpec().getCodeRef().setName("digest-code-v2");
                        return agent;
                    });
            Path security = digest.resolveSibling("security.md");
            await("new code ran")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> Files.exists(security)
                            && !Files.readString(security).isBlank());
            assertThat(site.visits()).extracting(LocalWebSite.Visit::path).contains("/security");
            assertThat(Files.readString(digest))
                    .as("the first version's output is still in the workspace")
                    .contains(SUMMARY);
            assertThat(cluster.client()
                            .apps()
                            .deployments()
                            .inNamespace(NAMESPACE)
                            .withName("digest-agent")
                            .get()
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getVolumes())
                    .filteredOn(volume -> volume.getConfigMap() != null)
                    .extracting(volume -> volume.getConfigMap().getName())
                    .containsExactly("digest-code-v2");
        }
    }

    private static Map<String, String> digestAgent(String pageUrl, String outputFile) {
        return Map.of(
                "Agent.java",
                LocalClusterExtension.fill(
                        LocalClusterExtension.resource("agents/DigestAgent.java"),
                        Map.of("PAGE_URL", pageUrl, "OUTPUT_FILE", outputFile)));
    }
}
