package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.memory.ServerProcess;
import io.langop.memory.StoreServers;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.memory.RestartableServer;
import io.langop.wire.ServiceWire;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 21's end to end, for each store: LanguageAgents whose {@code spec.memoryStore} names a real Redis, Postgres
 * or S3 server through a Secret, and no workspace, so that the store is all they remember. An interactive agent's
 * conversation outlives its pod (the pod is deleted and replaced, and the next turn of the session reaches the model
 * with the turns before it, which the client did not send again); a scheduled agent's state and last successful run
 * reach its next run. A store that cannot be used is a condition on the agent or an error of what needs it, never a
 * crash loop.
 */
class MemoryStoreIT {

    private static final String NAMESPACE = "memory";
    private static final String ANSWER = "Noted.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    @TempDir
    static Path data;

    private static ScriptedOpenAiServer llm;
    /** The server of each store this machine can run, with its Secret and interactive agent applied. */
    private static final Map<StoreServers, RestartableServer> stores = new EnumMap<>(StoreServers.class);

    /**
     * The model, then every store's server started at once and its agent applied, so that the agents' pods start
     * together while the first case runs.
     */
    @BeforeAll
    static void theModelTheStoresAndTheirAgents() throws Exception {
        llm = new ScriptedOpenAiServer().otherwise(new ScriptedOpenAiServer.Text(ANSWER, 5, 1));
        cluster.createNamespace(NAMESPACE);
        cluster.createAgentCode(NAMESPACE, "chat-code", "agents/ConciergeAgent.java");
        cluster.createAgentCode(NAMESPACE, "counter-code", "agents/CounterAgent.java");
        cluster.applyResource(
                "scenarios/scripted-model.yaml", Map.of("NAMESPACE", NAMESPACE, "LLM_URL", llm.baseUrl()));
        Map<StoreServers, Future<RestartableServer>> starting = new EnumMap<>(StoreServers.class);
        try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
            for (StoreServers store : StoreServers.values()) {
                if (store.unavailable().isEmpty()) {
                    starting.put(store, starters.submit(() -> store.start(data.resolve(store.type()))));
                }
            }
            for (var server : starting.entrySet()) {
                stores.put(server.getKey(), server.getValue().get());
            }
        }
        stores.forEach((store, server) -> cluster.applyResource("scenarios/memory-chat-agent.yaml", values(store)));
    }

    @AfterAll
    static void stopTheServers() throws Exception {
        for (RestartableServer server : stores.values()) {
            server.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreServers.class)
    void anInteractiveAgentsConversationOutlivesItsPod(StoreServers store) throws Exception {
        String agent = "chat-" + on(store);
        await(agent + " running")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> cluster.agentPhase(NAMESPACE, agent) == AgentPhase.RUNNING);
        OpenAiChatModel session = chatSession(agent, "ada");

        assertThat(session.chat(UserMessage.from("My name is Ada.")).aiMessage().text())
                .isEqualTo(ANSWER);
        replacePodOf(agent);
        assertThat(session.chat(UserMessage.from("What is my name?"))
                        .aiMessage()
                        .text())
                .isEqualTo(ANSWER);

        List<String> messages = llm.messagesOf(llm.requests().size() - 1);
        assertThat(messages.getFirst()).as("the persona").startsWith("system: ");
        assertThat(messages.subList(1, messages.size()))
                .as("the turn before the restart, read back from %s", store.type())
                .containsExactly("user: My name is Ada.", "assistant: " + ANSWER, "user: What is my name?");
    }

    /**
     * One store is enough here: the CronJob's pod is made from the same template as the Deployment's, and the
     * contract suite shows each store keeps what one process wrote for the next.
     */
    @Test
    void aScheduledAgentsStateAndLastSuccessfulRunReachItsNextRun() {
        StoreServers store = StoreServers.POSTGRES;
        cluster.applyResource("scenarios/memory-counter-agent.yaml", values(store));
        String cronJob = "counter-" + on(store) + "-agent";
        int before = llm.requests().size();

        for (int run = 0; run < 2; run++) {
            assertThat(LocalClusterExtension.outcome(cluster.runCronJobOnce(NAMESPACE, cronJob)))
                    .as("run %d", run + 1)
                    .isEqualTo("Complete");
        }

        assertThat(llm.requests()).as("one model call per run").hasSize(before + 2);
        assertThat(llm.messagesOf(before).getLast())
                .isEqualTo("user: Write a note on run 1 (last successful run: never)");
        assertThat(llm.messagesOf(before + 1).getLast())
                .as("the count and the first run's time, read back from %s", store.type())
                .matches("user: Write a note on run 2 \\(last successful run: \\d{4}-\\d\\d-\\d\\dT[^)]+Z\\)");
    }

    /**
     * A bad memory store is a condition on the agent, not a crash loop: without its Secret the pod waits and the
     * agent's status says for what; with a Secret naming a store that does not answer, the agent runs, and a chat
     * that needs the store is answered 503 {@code memory_unavailable}, naming the store without its password.
     */
    @Test
    void aMissingSecretIsTheAgentsConditionAndAStoreThatIsDownFailsOnlyWhatNeedsIt() throws Exception {
        cluster.applyResource("scenarios/lost-memory-agent.yaml", Map.of("NAMESPACE", NAMESPACE));
        await("the missing Secret in the status")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(readyCondition("forgetful"))
                        .isNotNull()
                        .satisfies(ready -> assertThat(ready.getStatus()).isEqualTo("False"))
                        .satisfies(ready -> assertThat(ready.getReason()).isEqualTo("CreateContainerConfigError"))
                        .satisfies(ready ->
                                assertThat(ready.getMessage()).contains("Secret memory/lost-memory (key url)")));

        String password = "never-in-a-message-5e1";
        int nothingListens = ServerProcess.freePort();
        cluster.apply(LocalClusterExtension.fill(
                """
                apiVersion: v1
                kind: Secret
                metadata: {name: lost-memory, namespace: ${NAMESPACE}}
                stringData: {url: "redis://:${PASSWORD}@127.0.0.1:${PORT}"}
                """, Map.of("NAMESPACE", NAMESPACE, "PASSWORD", password, "PORT", Integer.toString(nothingListens))));
        await("forgetful running")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> cluster.agentPhase(NAMESPACE, "forgetful") == AgentPhase.RUNNING);

        HttpResponse<String> answer = chatWithoutRetries("forgetful", "lost", "Do you remember me?");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(answer.body()).at("/error/code").asText()).isEqualTo("memory_unavailable");
        assertThat(answer.body())
                .contains("memory store redis at 127.0.0.1:" + nothingListens + " is unavailable")
                .doesNotContain(password);
        assertThat(cluster.client()
                        .pods()
                        .inNamespace(NAMESPACE)
                        .withLabel("app.kubernetes.io/instance", "forgetful")
                        .list()
                        .getItems())
                .singleElement()
                .satisfies(pod -> assertThat(pod.getStatus().getContainerStatuses())
                        .allSatisfy(container -> assertThat(container.getRestartCount())
                                .as("restarts")
                                .isZero()));
    }

    /**
     * The store's type, the suffix of its agents' names; a store whose server this machine cannot run skips the
     * test.
     */
    private static String on(StoreServers store) {
        store.unavailable().ifPresent(why -> assumeTrue(false, why));
        return store.type();
    }

    private static Map<String, String> values(StoreServers store) {
        return Map.of(
                "NAMESPACE",
                NAMESPACE,
                "STORE",
                store.type(),
                "STORE_URL",
                stores.get(store).url());
    }

    /** An OpenAI client of the agent's Service, as a client in the cluster uses it, in one session of the agent. */
    private static OpenAiChatModel chatSession(String agent, String session) {
        int port = cluster.servicePort(NAMESPACE, agent + "-agent", ServiceWire.AGENT_PORT);
        return OpenAiChatModel.builder()
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .apiKey("unused")
                .modelName(agent)
                .customHeaders(Map.of(ServiceWire.SESSION_HEADER, session))
                .maxRetries(0)
                .timeout(Duration.ofSeconds(60))
                .build();
    }

    /** One chat request in a session, as plain HTTP: the status and body of an error are what is asserted. */
    private static HttpResponse<String> chatWithoutRetries(String agent, String session, String text) throws Exception {
        int port = cluster.servicePort(NAMESPACE, agent + "-agent", ServiceWire.AGENT_PORT);
        ObjectNode body = JSON.createObjectNode();
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ServiceWire.AGENT_CHAT_PATH))
                            .header("Content-Type", "application/json")
                            .header(ServiceWire.SESSION_HEADER, session)
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * Deletes the agent's pod and waits until the one its Deployment starts instead is ready (a new Pod object: the
     * pod runner may give it the name the deleted one had, never its uid).
     */
    private static void replacePodOf(String agent) {
        FilterWatchListDeletable<Pod, PodList, PodResource> pods =
                cluster.client().pods().inNamespace(NAMESPACE).withLabel("app.kubernetes.io/instance", agent);
        List<String> deleted = uids(pods.list());
        assertThat(deleted).as("the pod of %s", agent).hasSize(1);
        pods.delete();
        await("a new pod of " + agent + " ready")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    List<Pod> now = pods.list().getItems();
                    return now.size() == 1
                            && !deleted.contains(now.getFirst().getMetadata().getUid())
                            && ready(now.getFirst());
                });
    }

    private static List<String> uids(PodList pods) {
        return pods.getItems().stream().map(pod -> pod.getMetadata().getUid()).toList();
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(condition -> condition.getType().equals("Ready")
                                && condition.getStatus().equals("True"));
    }

    private static Condition readyCondition(String agent) {
        LanguageAgentStatus status = cluster.agentStatus(NAMESPACE, agent);
        return status == null || status.getConditions() == null
                ? null
                : status.getConditions().stream()
                        .filter(condition -> condition.getType().equals("Ready"))
                        .findFirst()
                        .orElse(null);
    }
}
