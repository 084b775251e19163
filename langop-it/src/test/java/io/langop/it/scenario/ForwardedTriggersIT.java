package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.server.telemetry.Telemetry;
import io.langop.trace.OtlpReceiver;
import io.langop.trace.OtlpReceiver.ReceivedSpan;
import io.langop.wire.TelemetryEnv;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Triggers the operator forwards, end to end: the real operator watches a ConfigMap for an event-driven agent (which has
 * no API access) and fires a schedule; each change starts a run whose event carries the change (the CEL condition holds
 * one back), the schedule starts runs, and a change made while the operator is stopped is delivered once by the
 * operator that starts next. The operator (in this JVM) and the agent trace to an OTLP receiver in the test: a change's
 * delivery and the run it starts are one trace.
 */
class ForwardedTriggersIT {

    private static final String NAMESPACE = "forwarded";
    private static final String SCHEDULE = "@every 3s";

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void configMapChangesAndScheduleTimesStartRunsOnceEvenAcrossAnOperatorRestart() throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer();
                OtlpReceiver collector = new OtlpReceiver();
                Telemetry operatorTracing = Telemetry.start(
                        "langop-operator",
                        Map.of(TelemetryEnv.OTLP_ENDPOINT, collector.endpoint(), "OTEL_BSP_SCHEDULE_DELAY", "200"))) {
            llm.otherwise(new ScriptedOpenAiServer.Text("handled", 5, 1));
            cluster.createNamespace(NAMESPACE);
            cluster.createAgentCode(NAMESPACE, "guard-code", "agents/GuardAgent.java");
            settings("calm");
            Map<String, String> values = Map.of(
                    "NAMESPACE",
                    NAMESPACE,
                    "LLM_URL",
                    llm.baseUrl(),
                    "SCHEDULE",
                    SCHEDULE,
                    "OTLP_ENDPOINT",
                    collector.endpoint());
            cluster.applyResource("scenarios/scripted-model.yaml", values);
            cluster.applyResource("scenarios/forwarded-triggers-agent.yaml", values);

            await("agent running")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> phase() == AgentPhase.RUNNING);
            URI agent = URI.create("http://127.0.0.1:" + cluster.servicePort(NAMESPACE, "guard-agent", 8000));
            await("agent ready")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> http.send(
                                            HttpRequest.newBuilder(agent.resolve("/readyz"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
            await("the operator watches the ConfigMap")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> deliveredState().contains(version(settingsMap())));

            // a change the condition lets through runs with the change in its event
            ConfigMap storm = settings("storm");
            await("run of the change")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> prompts(llm).contains("user: Handle config modified checkout-settings storm"));
            assertDeliveryAndRunAreOneTrace(collector, storm);

            // one it holds back is delivered (and noted) but runs nothing
            ConfigMap calm = settings("calm");
            await("calm delivered")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> deliveredState().contains(version(calm)));
            assertThat(prompts(llm)).noneMatch(prompt -> prompt.contains(" calm"));

            // the schedule starts runs with the schedule in their event
            await("run of the schedule")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> prompts(llm).contains("user: Handle tick of " + SCHEDULE));

            // the ConfigMap changes while no operator runs: the next one delivers the change, once
            cluster.cluster().stopOperator();
            ConfigMap fog = settings("fog");
            cluster.cluster().startOperator();
            await("run of the change made while the operator was stopped")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> prompts(llm).contains("user: Handle config modified checkout-settings fog"));
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveredState().contains(version(fog)));
            Thread.sleep(1000); // a second delivery would have been made by now
            assertThat(prompts(llm))
                    .filteredOn(prompt -> prompt.startsWith("user: Handle config"))
                    .as("each change ran once, none before the restart ran again: %s", version(storm))
                    .containsExactly(
                            "user: Handle config modified checkout-settings storm",
                            "user: Handle config modified checkout-settings fog");
        }
    }

    /**
     * The operator's delivery of {@code change} starts a trace; its accepted attempt's {@code traceparent} made the
     * agent's run a child of that attempt.
     */
    private static void assertDeliveryAndRunAreOneTrace(OtlpReceiver collector, ConfigMap change) {
        String eventId =
                change.getMetadata().getUid() + "/" + change.getMetadata().getResourceVersion();
        await("the delivery's and the run's spans")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> runOf(collector.spans(), eventId).isPresent());
        List<ReceivedSpan> spans = collector.spans();
        ReceivedSpan delivery = deliveryOf(spans, eventId).orElseThrow();
        assertThat(delivery.service()).isEqualTo("langop-operator");
        assertThat(delivery.kind()).isEqualTo("PRODUCER");
        assertThat(delivery.isRoot()).as("a delivery starts its trace").isTrue();
        assertThat(delivery.attributes())
                .containsEntry("langop.agent", "guard")
                .containsEntry("k8s.namespace.name", NAMESPACE)
                .containsEntry("langop.trigger.type", "kubernetes-event")
                .containsEntry("cloudevents.event_type", "io.k8s.configmap.modified")
                .containsEntry("http.response.status_code", "202");
        ReceivedSpan run = runOf(spans, eventId).orElseThrow();
        ReceivedSpan attempt = spans.stream()
                .filter(span -> span.spanId().equals(run.parentSpanId()))
                .findFirst()
                .orElseThrow();
        assertThat(attempt.name()).isEqualTo("POST");
        assertThat(attempt.kind()).isEqualTo("CLIENT");
        assertThat(attempt.parentSpanId()).isEqualTo(delivery.spanId());
        assertThat(run.service()).isEqualTo("guard");
        assertThat(run.traceId()).isEqualTo(delivery.traceId());
        assertThat(spans)
                .filteredOn(span -> span.traceId().equals(delivery.traceId()) && span.isRoot())
                .as("one trace, one root")
                .containsExactly(delivery);
    }

    private static Optional<ReceivedSpan> deliveryOf(List<ReceivedSpan> spans, String eventId) {
        return spans.stream()
                .filter(span -> span.name().equals("deliver guard/settings")
                        && eventId.equals(span.attribute("cloudevents.event_id")))
                .findFirst();
    }

    /** The agent's run in the trace of {@code eventId}'s delivery. */
    private static Optional<ReceivedSpan> runOf(List<ReceivedSpan> spans, String eventId) {
        return deliveryOf(spans, eventId)
                .flatMap(delivery -> spans.stream()
                        .filter(span -> span.name().equals("run settings-guard")
                                && span.traceId().equals(delivery.traceId()))
                        .findFirst());
    }

    private static ConfigMap settings(String mode) {
        cluster.createConfigMap(NAMESPACE, "checkout-settings", Map.of("mode", mode));
        return settingsMap();
    }

    private static ConfigMap settingsMap() {
        return cluster.client()
                .configMaps()
                .inNamespace(NAMESPACE)
                .withName("checkout-settings")
                .get();
    }

    private static String version(ConfigMap configMap) {
        return "\"resourceVersion\":\"" + configMap.getMetadata().getResourceVersion() + "\"";
    }

    /** What the operator noted as delivered to the settings trigger (empty before it watches). */
    private static String deliveredState() {
        ConfigMap state = cluster.client()
                .configMaps()
                .inNamespace(NAMESPACE)
                .withName("guard-triggers")
                .get();
        return state == null || state.getData() == null ? "" : state.getData().getOrDefault("settings", "");
    }

    /** The first message of each model request: the handle step's prompt. */
    private static List<String> prompts(ScriptedOpenAiServer llm) {
        return IntStream.range(0, llm.requests().size())
                .mapToObj(i -> llm.messagesOf(i).getFirst())
                .toList();
    }

    private static AgentPhase phase() {
        LanguageAgent current = cluster.client()
                .resources(LanguageAgent.class)
                .inNamespace(NAMESPACE)
                .withName("guard")
                .get();
        return current == null || current.getStatus() == null
                ? null
                : current.getStatus().getPhase();
    }
}
