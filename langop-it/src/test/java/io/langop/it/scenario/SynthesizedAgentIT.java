package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.tool.AvailableTool;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.it.harness.LocalWebSite;
import io.langop.operator.OperatorSettings;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole flow from plain words to a running agent: the operator asks the synthesis LLM (a
 * scripted OpenAI-compatible server) to write the agent from its instructions, refuses an answer calling a
 * tool the agent does not have (the repair request lists the real ones), checks and dry-runs the repaired
 * code and rolls it out; the real runtime runs it, fetching a page through the real web tool over MCP and
 * summarizing it through the real model proxy, which forwards to a second scripted LLM; the result
 * lands in the workspace. New instructions: a second synthesis, a new pod, the new behaviour.
 */
class SynthesizedAgentIT {

    private static final String NAMESPACE = "writers";
    private static final String RELEASE_NOTES = "<html><body><h1>Kubernetes 1.99</h1>"
            + "<p>Sidecar containers are now enabled by default in every cluster.</p></body></html>";
    private static final String SECURITY_NOTES = "<html><body><p>CVE-2099-0001 is fixed in 1.99.1.</p></body></html>";
    private static final String SUMMARY = "Kubernetes 1.99 turns sidecar containers on everywhere.";

    /** The LLM that writes agents; the agents' own model is another server, so neither's script depends on the other's calls. */
    private static final ScriptedOpenAiServer SYNTHESIS_LLM = scriptedServer();

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension(() -> OperatorSettings.defaults()
            .withSynthesis(new SynthesisSettings(
                    Optional.of(SYNTHESIS_LLM.baseUrl()),
                    Optional.of("synthesis-model"),
                    Optional.of("sk-synthesis"),
                    1,
                    10,
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(30),
                    2)));

    @AfterAll
    static void stopSynthesisLlm() {
        SYNTHESIS_LLM.close();
    }

    @Test
    void writesTheAgentFromItsInstructionsRunsItThenRewritesItWhenTheInstructionsChange() throws Exception {
        try (ScriptedOpenAiServer model = new ScriptedOpenAiServer();
                LocalWebSite site =
                        LocalWebSite.serving(Map.of("/releases", RELEASE_NOTES, "/security", SECURITY_NOTES))) {
            model.otherwise(new ScriptedOpenAiServer.Text(SUMMARY, 10, 5));
            int before = SYNTHESIS_LLM.requests().size();
            // the first answer calls the web tool by its server's name: refused with the real tools, then repaired
            String repaired = digestAgent(site.url("/releases"), "digest.md");
            SYNTHESIS_LLM
                    .thenText(
                            "```java\n" + repaired.replace("s.tool(\"web_fetch\")", "s.tool(\"web\")") + "\n```",
                            900,
                            300)
                    .thenText("Here is the agent:\n```java\n" + repaired + "\n```", 900, 300);
            cluster.createNamespace(NAMESPACE);
            cluster.applyResource(
                    "scenarios/scripted-model.yaml", Map.of("NAMESPACE", NAMESPACE, "LLM_URL", model.baseUrl()));
            cluster.applyResource(
                    "scenarios/synthesized-agent.yaml",
                    Map.of("NAMESPACE", NAMESPACE, "PAGE_URL", site.url("/releases")));

            Path digest = cluster.claimDir(NAMESPACE, "notes-workspace").resolve("digest.md");
            await("synthesized agent wrote its digest")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() ->
                            Files.exists(digest) && !Files.readString(digest).isBlank());
            assertThat(Files.readString(digest)).contains(SUMMARY);
            assertThat(SYNTHESIS_LLM.requests()).hasSize(before + 2);
            assertThat(SYNTHESIS_LLM.messagesOf(before + 1).getLast())
                    .as("the repair request lists the tools the agent really has")
                    .contains("unknown tool 'web'; this agent has: ")
                    .contains("web_fetch(url");
            assertThat(SYNTHESIS_LLM.requests().get(before).path("model").asText())
                    .isEqualTo("synthesis-model");
            assertThat(String.join("\n", SYNTHESIS_LLM.messagesOf(before)))
                    .as("the instructions reached the prompt")
                    .contains("write a one-line summary of them to digest.md")
                    .as("with the catalog of the sidecar tool, listed by its catalog pod, and of the service tool")
                    .contains("- `web_fetch(url: string")
                    .contains("- `send_email(")
                    .doesNotContain("Not listed");
            assertThat(tool("web").getStatus().getAvailableTools())
                    .extracting(AvailableTool::getName)
                    .contains("web_fetch", "web_search");
            assertThat(tool("email").getStatus().getAvailableTools())
                    .extracting(AvailableTool::getName)
                    .contains("send_email");
            assertThat(cluster.client()
                            .apps()
                            .deployments()
                            .inNamespace(NAMESPACE)
                            .withName("web-tool")
                            .get())
                    .as("the sidecar's catalog pod is gone once it listed its tools")
                    .isNull();
            assertThat(site.visits())
                    .as("the page was fetched by the web tool")
                    .first()
                    .satisfies(visit -> {
                        assertThat(visit.path()).isEqualTo("/releases");
                        assertThat(visit.userAgent()).contains("langop-tool-web");
                    });
            assertThat(model.requests().getFirst().path("model").asText())
                    .as("through the model proxy")
                    .isEqualTo("scripted-model");
            // until the code is written (after the tools' catalogs are listed) the pod runs the instructions alone
            assertThat(IntStream.range(0, model.requests().size())
                            .mapToObj(request -> String.join("\n", model.messagesOf(request))))
                    .as("the written code's summary step got the page the web tool fetched")
                    .anySatisfy(
                            messages -> assertThat(messages).contains("Sidecar containers are now enabled by default"));
            LanguageAgent written = agent();
            assertThat(written.getStatus().getSynthesis().getAttempts()).isEqualTo(2);
            assertThat(written.getStatus().getConditions())
                    .as("the repaired code ran once on stand-ins before it rolled out")
                    .anySatisfy(condition -> {
                        assertThat(condition.getType()).isEqualTo("DryRun");
                        assertThat(condition.getStatus()).isEqualTo("True");
                        assertThat(condition.getMessage())
                                .isEqualTo("ran 2 step(s) with 1 tool call(s) and 1 LLM step(s) answered by stand-ins");
                    });
            assertThat(written.getStatus().getSynthesis().getModel()).isEqualTo("synthesis-model");

            // new instructions: written again, rolled out, and the new code does the new thing
            SYNTHESIS_LLM.thenText("```java\n" + digestAgent(site.url("/security"), "security.md") + "\n```", 900, 300);
            cluster.client()
                    .resources(LanguageAgent.class)
                    .inNamespace(NAMESPACE)
                    .withName("notes")
                    .edit(agent -> {
                        agent.getSpec()
                                .setInstructions("Read the security notes at " + site.url("/security")
                                        + " and write a one-line summary of them to security.md.");
                        return agent;
                    });
            Path security = digest.resolveSibling("security.md");
            await("re-synthesized agent wrote the security summary")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> Files.exists(security)
                            && !Files.readString(security).isBlank());
            assertThat(SYNTHESIS_LLM.requests()).hasSize(before + 3);
            assertThat(String.join("\n", SYNTHESIS_LLM.messagesOf(before + 2))).contains("security notes");
            assertThat(site.visits()).extracting(LocalWebSite.Visit::path).contains("/security");
            assertThat(Files.readString(digest))
                    .as("the workspace outlived the first pod")
                    .contains(SUMMARY);
            assertThat(cluster.client()
                            .configMaps()
                            .inNamespace(NAMESPACE)
                            .withName("notes-code")
                            .get()
                            .getData()
                            .get("Agent.java"))
                    .contains("security.md");
        }
    }

    /**
     * {@code spec.synthesis.modelRef} names a LanguageModel: the operator writes the agent through that model's
     * proxy, which it reaches where it runs — here through the pod runner's loopback port for the proxy's
     * Service, not the cluster DNS name no one outside a cluster can resolve.
     */
    @Test
    void writesTheAgentThroughTheLanguageModelThatSpecSynthesisModelRefNames() {
        int before = SYNTHESIS_LLM.requests().size();
        SYNTHESIS_LLM.thenText(
                "```java\n" + LocalClusterExtension.resource("agents/HaikuAgent.java") + "\n```", 400, 120);
        cluster.createNamespace("drafting");
        cluster.applyResource(
                "scenarios/synthesis-model-ref.yaml",
                Map.of("NAMESPACE", "drafting", "LLM_URL", SYNTHESIS_LLM.baseUrl()));

        LanguageAgent written = await("the agent written through the writer model's proxy")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> cluster.client()
                                .resources(LanguageAgent.class)
                                .inNamespace("drafting")
                                .withName("haiku")
                                .get(),
                        agent -> agent.getStatus() != null
                                && agent.getStatus().getSynthesis() != null
                                && agent.getStatus().getSynthesis().getCodeHash() != null);
        assertThat(written.getStatus().getSynthesis().getModel()).isEqualTo("writer");
        assertThat(SYNTHESIS_LLM.requests()).hasSize(before + 1);
        assertThat(SYNTHESIS_LLM.requests().get(before).path("model").asText())
                .as("the proxy forwarded the request as its model")
                .isEqualTo("writer-model");
        assertThat(String.join("\n", SYNTHESIS_LLM.messagesOf(before))).contains("a haiku about Kubernetes");
    }

    private static LanguageTool tool(String name) {
        return cluster.client()
                .resources(LanguageTool.class)
                .inNamespace(NAMESPACE)
                .withName(name)
                .get();
    }

    private static LanguageAgent agent() {
        return cluster.client()
                .resources(LanguageAgent.class)
                .inNamespace(NAMESPACE)
                .withName("notes")
                .get();
    }

    private static String digestAgent(String pageUrl, String outputFile) {
        return LocalClusterExtension.fill(
                LocalClusterExtension.resource("agents/DigestAgent.java"),
                Map.of("PAGE_URL", pageUrl, "OUTPUT_FILE", outputFile));
    }

    private static ScriptedOpenAiServer scriptedServer() {
        try {
            return new ScriptedOpenAiServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
