package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.tool.AvailableTool;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.it.harness.LocalWebSite;
import io.langop.operator.OperatorSettings;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.wire.PodAnnotations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * lands in the workspace. New instructions: a second synthesis, a new pod, the new behaviour. New code that fails
 * its first runs is rolled back to the last code that ran well, and written again with the failure.
 */
class SynthesizedAgentIT {

    private static final String NAMESPACE = "writers";
    private static final String RELEASE_NOTES = "<html><body><h1>Kubernetes 1.99</h1>"
            + "<p>Sidecar containers are now enabled by default in every cluster.</p></body></html>";
    private static final String SECURITY_NOTES = "<html><body><p>CVE-2099-0001 is fixed in 1.99.1.</p></body></html>";
    private static final String SUMMARY = "Kubernetes 1.99 turns sidecar containers on everywhere.";

    /** The LLM that writes agents; the agents' own model is another server, so neither's script depends on the other's calls. */
    private static final ScriptedOpenAiServer SYNTHESIS_LLM = scriptedServer();

    /** How often the operator reads the proxies' counts, which decide a rollback: the default is a minute. */
    private static final Duration USAGE_INTERVAL = Duration.ofMillis(500);

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension(() -> OperatorSettings.defaults()
            .withUsageInterval(USAGE_INTERVAL)
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

    /**
     * Rollback on the user's path: an event-driven agent's first code logs the shop's orders and remembers the last
     * order's id. The user asks for numbered orders; the new code passes every check and its dry run (which starts
     * with empty memory, as a first run does) but reads the count from the key where the first code left an order id,
     * so its first two runs fail, as the runtime reports them to the model proxy. The operator puts the first code
     * back, whose next run succeeds, and writes new code with the failure in the prompt, which runs.
     */
    @Test
    void putsTheLastGoodCodeBackWhenNewCodeFailsItsFirstRunsAndWritesItAgainWithTheFailure() throws Exception {
        String namespace = "shop";
        String first = LocalClusterExtension.resource("agents/OrderLogAgent.java");
        String failing = numberedOrderLog("last-order");
        String rewritten = numberedOrderLog("order-count");
        try (ScriptedOpenAiServer model = new ScriptedOpenAiServer()) {
            int before = SYNTHESIS_LLM.requests().size();
            SYNTHESIS_LLM.thenText("```java\n" + first + "\n```", 600, 200);
            cluster.createNamespace(namespace);
            cluster.applyResource(
                    "scenarios/scripted-model.yaml", Map.of("NAMESPACE", namespace, "LLM_URL", model.baseUrl()));
            cluster.applyResource("scenarios/order-log-agent.yaml", Map.of("NAMESPACE", namespace));
            Orders orders = new Orders(namespace);

            String good = orders.awaitCodeOtherThan(List.of());
            orders.awaitServing(good);
            orders.post("o-1", "blue teapot");
            Path log = cluster.claimDir(namespace, "orders-workspace").resolve("orders");
            awaitFile(log.resolve("o-1.txt"), "blue teapot");
            await("the operator keeps the code a run succeeded with")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> orders.configMap("orders-good-code") != null);

            // numbered orders: the new code passes its checks and dry run, and rolls out
            SYNTHESIS_LLM.thenText("```java\n" + failing + "\n```", 600, 200);
            SYNTHESIS_LLM.thenText("```java\n" + rewritten + "\n```", 600, 200);
            cluster.client()
                    .resources(LanguageAgent.class)
                    .inNamespace(namespace)
                    .withName("orders")
                    .edit(agent -> {
                        agent.getSpec()
                                .setInstructions("For each order the shop posts, number it: write the order's id and"
                                        + " item to orders/<n>.txt, n counting up from 1.");
                        return agent;
                    });
            String numbered = orders.awaitCodeOtherThan(List.of(good));
            assertThat(orders.configMap("orders-code").getData().get("Agent.java"))
                    .contains("last-order");
            orders.awaitServing(numbered);

            // its first two runs fail on what the first code left in memory; the rewrite waits for a look at the
            // rollback
            SYNTHESIS_LLM.holdReplies();
            try {
                orders.post("o-2", "green mug");
                orders.post("o-3", "red kettle");
                LanguageAgent rolledBack = await("rolled back")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(orders::agent, agent -> hasCondition(agent, "RolledBack", "True"));
                assertThat(condition(rolledBack, "RolledBack").getMessage())
                        .startsWith("code " + numbered.substring(0, 12) + " failed its first runs, so the last good"
                                + " code " + good.substring(0, 12) + " runs again: 2 run(s) failed and none"
                                + " succeeded, as the agent reported them; the last: step 'log' failed: For input"
                                + " string: \"o-1\"");
                assertThat(rolledBack.getStatus().getSynthesis().getCodeHash()).isEqualTo(good);
                assertThat(orders.configMap("orders-code").getData().get("Agent.java"))
                        .isEqualTo(first.strip());
                assertThat(orders.eventReasons()).contains("RolledBack");

                // the first code runs the next order
                orders.awaitServing(good);
                orders.post("o-4", "white teapot");
                awaitFile(log.resolve("o-4.txt"), "white teapot");
                assertThat(log).isDirectoryNotContaining("glob:**/1.txt");
                await("the run reported as a success")
                        .atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> orders.agent().getStatus().getSuccessfulExecutions(), Long.valueOf(2)::equals);
            } finally {
                SYNTHESIS_LLM.releaseReplies();
            }

            // written again, with how the runs failed in the prompt: the new code counts in a key of its own
            String again = orders.awaitCodeOtherThan(List.of(good, numbered));
            assertThat(SYNTHESIS_LLM.requests()).hasSize(before + 3);
            assertThat(String.join("\n", SYNTHESIS_LLM.messagesOf(before + 2)))
                    .contains("number it: write the order's id")
                    .contains("## How the previous code failed")
                    .contains("For input string: \"o-1\"");
            orders.awaitServing(again);
            orders.post("o-5", "black teapot");
            awaitFile(log.resolve("1.txt"), "o-5: black teapot");
            LanguageAgent rewrittenAgent = orders.agent();
            assertThat(condition(rewrittenAgent, "RolledBack").getStatus()).isEqualTo("False");
            assertThat(condition(rewrittenAgent, "RolledBack").getReason()).isEqualTo("Rewritten");
            await("the rewrite announced")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> orders.eventReasons().contains("RewrittenAfterRollback"));
        }
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

    /** The order-log agent of one namespace as the user sees it: its status, code, Events, pods and webhook. */
    private record Orders(String namespace) {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        LanguageAgent agent() {
            return cluster.client()
                    .resources(LanguageAgent.class)
                    .inNamespace(namespace)
                    .withName("orders")
                    .get();
        }

        ConfigMap configMap(String name) {
            return cluster.client()
                    .configMaps()
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
        }

        /** The hash of the code the agent runs, once it is none of {@code earlier}. */
        String awaitCodeOtherThan(List<String> earlier) {
            return await("code other than " + earlier)
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> {
                                LanguageAgent agent = agent();
                                return agent == null
                                                || agent.getStatus() == null
                                                || agent.getStatus().getSynthesis() == null
                                        ? null
                                        : agent.getStatus().getSynthesis().getCodeHash();
                            },
                            hash -> hash != null && !earlier.contains(hash));
        }

        /** Waits until the agent's only pod runs this code and is ready, so that no older pod takes an order. */
        void awaitServing(String codeHash) {
            await("a ready pod of code " + codeHash.substring(0, 12))
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        List<Pod> pods = cluster.client()
                                .pods()
                                .inNamespace(namespace)
                                .withLabel("app.kubernetes.io/instance", "orders")
                                .list()
                                .getItems();
                        return pods.size() == 1
                                && codeHash.equals(pods.getFirst()
                                        .getMetadata()
                                        .getAnnotations()
                                        .get(PodAnnotations.CODE_HASH))
                                && pods.getFirst().getStatus().getConditions().stream()
                                        .anyMatch(c -> c.getType().equals("Ready")
                                                && c.getStatus().equals("True"));
                    });
        }

        /** The shop posts an order, as a CloudEvent in binary mode, to the agent's Service. */
        void post(String id, String item) throws IOException, InterruptedException {
            URI webhook = URI.create(
                    "http://127.0.0.1:" + cluster.servicePort(namespace, "orders-agent", 8000) + "/webhook/orders");
            HttpResponse<String> accepted = HTTP.send(
                    HttpRequest.newBuilder(webhook)
                            .header("Content-Type", "application/json")
                            .header("ce-specversion", "1.0")
                            .header("ce-id", id)
                            .header("ce-source", "/shop")
                            .header("ce-type", "com.example.order.created")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"id\":\"" + id + "\",\"item\":\"" + item + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }

        List<String> eventReasons() {
            return cluster.client().v1().events().inNamespace(namespace).list().getItems().stream()
                    .filter(event -> "orders".equals(event.getInvolvedObject().getName()))
                    .map(Event::getReason)
                    .toList();
        }
    }

    private static void awaitFile(Path file, String content) {
        await(file.getFileName() + " written")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(file) && Files.readString(file).equals(content));
    }

    private static boolean hasCondition(LanguageAgent agent, String type, String status) {
        return agent.getStatus() != null
                && agent.getStatus().getConditions() != null
                && agent.getStatus().getConditions().stream()
                        .anyMatch(c -> c.getType().equals(type) && c.getStatus().equals(status));
    }

    private static Condition condition(LanguageAgent agent, String type) {
        return agent.getStatus().getConditions().stream()
                .filter(c -> c.getType().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + agent.getStatus()));
    }

    private static String numberedOrderLog(String counterKey) {
        return LocalClusterExtension.fill(
                LocalClusterExtension.resource("agents/NumberedOrderLogAgent.java"), Map.of("COUNTER_KEY", counterKey));
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
