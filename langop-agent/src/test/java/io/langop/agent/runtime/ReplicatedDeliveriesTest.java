package io.langop.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.memory.redis.RedisServer;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.server.ServiceServer;
import io.langop.wire.AgentEnv;
import io.langop.wire.AgentTriggers;
import io.langop.wire.HmacSha256;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event-driven agent with two replicas, as a Deployment with {@code replicas: 2} behind one Service: two runtimes,
 * each with a workspace of its own, on loopback ports, sharing a real Redis (Debian's redis-server) as their memory
 * store. A sender that delivers one event to both (a redelivery the Service routed to the other pod) sees it run once.
 */
class ReplicatedDeliveriesTest {

    private static final String SECRET = "replicated-" + "0123456789abcdef".repeat(3);
    private static final String EVENT = "{\"alert\":\"disk full\",\"node\":\"node-3\"}";
    private static final String ANOTHER_REPLICA_RAN_IT =
            "langop_agent_repeated_deliveries_total{seen_by=\"another_replica\"} 1.0";

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();
    /** The events runs saw, whichever replica ran them. */
    private final List<JsonNode> runs = new CopyOnWriteArrayList<>();

    private final List<AutoCloseable> started = new ArrayList<>();
    private RedisServer redis;
    private ScriptedOpenAiServer llm;

    @BeforeEach
    void startStore() throws Exception {
        assumeTrue(RedisServer.program() != null, "redis-server is not installed (apt-get install redis-server)");
        redis = RedisServer.start(directory.resolve("redis"));
        llm = new ScriptedOpenAiServer();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started.reversed()) {
            closeable.close();
        }
        if (llm != null) {
            llm.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** A replica: its own workspace (its own journal), the agent's Redis. */
    private ServiceServer replica(String pod) throws Exception {
        var agent = AgentDefinition.builder("alerts")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Handle alerts")
                .workflow(w -> w.step(
                        "record",
                        s -> s.custom(results -> {
                            runs.add(results.event());
                            return "recorded";
                        })))
                .build();
        var config = AgentConfig.from(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llm.rootUrl(),
                "PORT",
                "0",
                AgentEnv.AGENT_WEBHOOK_SECRET,
                SECRET,
                AgentEnv.WORKSPACE_PATH,
                directory.resolve(pod).toString(),
                AgentEnv.AGENT_NAMESPACE,
                "ops",
                AgentEnv.MEMORY_STORE,
                "redis",
                AgentEnv.MEMORY_URL,
                redis.url()));
        AgentRuntime runtime = AgentRuntime.connect(config, () -> agent);
        started.add(runtime);
        ServiceServer server = runtime.serve();
        started.add(server);
        return server;
    }

    /** One signed delivery, as the sender sends it every time: the same body, signature and delivery id. */
    private final class Delivery {
        private final String timestamp = Long.toString(Instant.now().getEpochSecond());
        private final String signature = new HmacSha256(SECRET)
                .sign((timestamp + ".").getBytes(StandardCharsets.UTF_8), EVENT.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> sendTo(ServiceServer pod) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pod.port() + AgentTriggers.PATH))
                            .header("Content-Type", "application/json")
                            .header(AgentTriggers.TIMESTAMP_HEADER, timestamp)
                            .header(AgentTriggers.SIGNATURE_HEADER, signature)
                            .header(AgentTriggers.DELIVERY_HEADER, "alert-42")
                            .POST(HttpRequest.BodyPublishers.ofString(EVENT))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aDeliverySentAgainToTheOtherReplicaDoesNotRunThere() throws Exception {
        ServiceServer first = replica("pod-1");
        ServiceServer second = replica("pod-2");
        Delivery delivery = new Delivery();

        assertThat(delivery.sendTo(first).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.size() == 1);
        // the sender did not hear the 202 and sends again; the Service picks the other pod, which never saw it
        assertThat(delivery.sendTo(second).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> runs.size() > 1 || metrics(second).contains(ANOTHER_REPLICA_RAN_IT));
        assertThat(runs).as("runs of the delivery, on either replica").hasSize(1);
        assertThat(runs.getFirst().path("node").asText()).isEqualTo("node-3");
        assertThat(metrics(second)).contains(ANOTHER_REPLICA_RAN_IT);
        assertThat(delivery.sendTo(first).body()).contains("delivered before");
        assertThat(metrics(first)).contains("langop_agent_repeated_deliveries_total{seen_by=\"this_replica\"} 1.0");
        assertThat(runs).hasSize(1);
    }

    @Test
    void aDeliveryBothReplicasKeptAtOnceRunsOnOneOfThemOnly() throws Exception {
        ServiceServer first = replica("pod-1");
        ServiceServer second = replica("pod-2");
        Delivery delivery = new Delivery();

        var toFirst = CompletableFuture.supplyAsync(() -> send(delivery, first));
        var toSecond = CompletableFuture.supplyAsync(() -> send(delivery, second));
        assertThat(List.of(toFirst.get(), toSecond.get())).containsOnly(202);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> runs.size() > 1 || (metrics(first) + metrics(second)).contains(ANOTHER_REPLICA_RAN_IT));
        await().atMost(Duration.ofSeconds(10)).until(() -> !runs.isEmpty());
        assertThat(runs).as("runs of the delivery, on either replica").hasSize(1);
    }

    @Test
    void aReplicaThatCannotReachTheStoreRunsTheDeliveryAnyway() throws Exception {
        ServiceServer pod = replica("pod-1");
        redis.stop();
        try {
            assertThat(new Delivery().sendTo(pod).statusCode()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(10)).until(() -> runs.size() == 1);
        } finally {
            redis.restart(); // the run records its success in the store once it is back
        }
    }

    @Test
    void aClaimRetriedUntilTheStoreIsBackHoldsForTheOtherReplica() throws Exception {
        ServiceServer first = replica("pod-1");
        ServiceServer second = replica("pod-2");
        Delivery delivery = new Delivery();
        redis.stop();
        assertThat(delivery.sendTo(first).statusCode()).isEqualTo(202);
        Thread.sleep(300); // the first replica's claim is failing and being retried now
        redis.restart();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.size() == 1);

        assertThat(delivery.sendTo(second).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> runs.size() > 1 || metrics(second).contains(ANOTHER_REPLICA_RAN_IT));
        assertThat(runs).as("runs of the delivery, on either replica").hasSize(1);
    }

    private int send(Delivery delivery, ServiceServer pod) {
        try {
            return delivery.sendTo(pod).statusCode();
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private String metrics(ServiceServer pod) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(pod.uri().resolve("/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
