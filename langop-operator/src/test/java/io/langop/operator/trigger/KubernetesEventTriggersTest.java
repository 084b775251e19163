package io.langop.operator.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.langop.api.v1alpha1.agent.EventTrigger;
import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.KubernetesEventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.ResourceChange;
import io.langop.api.v1alpha1.agent.WatchedObject;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.ApiRequests;
import io.langop.operator.harness.OperatorExtension;
import io.langop.operator.harness.ServiceMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kubernetes-event and schedule triggers through the operator against the in-process API server: changes of the named
 * ConfigMaps reach the agent's endpoint (a server on loopback standing in for the agent) as CloudEvents signed with the
 * trigger's generated secret, through failures and 429s, once each, and across a restart of the operator.
 */
class KubernetesEventTriggersTest {

    private static final String NS = "watching";
    private static final ServiceMap SERVICES = new ServiceMap();
    private static final FakeAgentEndpoint AGENT = endpoint("watcher");
    private static final FakeAgentEndpoint TICKER = endpoint("ticker");
    private static final FakeAgentEndpoint PAGER = endpoint("pager");
    private static final FakeAgentEndpoint READER = endpoint("reader");
    private static final FakeAgentEndpoint AUDITOR = endpoint("auditor");

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.withDefaults().reaching(SERVICES);

    @AfterAll
    static void stopAgent() {
        AGENT.close();
        TICKER.close();
        PAGER.close();
        READER.close();
        AUDITOR.close();
    }

    @Test
    void anEventTriggerForwardsOnlyTheNewEventsOfItsReasonsAboutItsKindOfObject() {
        operator.client().resource(Fixtures.model(NS, "m")).createOr(NonDeletingOperation::update);
        KubernetesEventSource watch = new KubernetesEventSource();
        watch.setKind("Event");
        watch.setReasons(List.of("BackOff"));
        WatchedObject pods = new WatchedObject();
        pods.setKind("Pod");
        watch.setInvolvedObject(pods);
        watch.setChanges(List.of(ResourceChange.ADDED));
        EventTrigger trigger = new EventTrigger();
        trigger.setType(EventTriggerType.KUBERNETES_EVENT);
        trigger.setSource("crashes");
        trigger.setKubernetes(watch);
        LanguageAgent agent = Fixtures.agent(NS, "pager", "m");
        agent.getSpec().setExecutionMode(ExecutionMode.EVENT_DRIVEN);
        agent.getSpec().setEventTriggers(List.of(trigger));
        event("before", "BackOff", "Pod");
        operator.client().resource(agent).create();
        Fixtures.markAvailable(operator.client(), NS, "pager-agent");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> operator.client()
                                .configMaps()
                                .inNamespace(NS)
                                .withName("pager-triggers")
                                .get()
                        != null);

        event("pulled", "Pulled", "Pod");
        event("rollout", "BackOff", "Deployment");
        Event crash = event("crash", "BackOff", "Pod");
        await().atMost(Duration.ofSeconds(20)).until(() -> !PAGER.accepted().isEmpty());
        JsonNode forwarded = PAGER.accepted().getFirst();
        assertThat(forwarded.path("type").asText()).isEqualTo("io.k8s.event.added");
        assertThat(forwarded.path("id").asText()).startsWith(crash.getMetadata().getUid() + "/");
        assertThat(forwarded.at("/data/object/involvedObject/name").asText()).isEqualTo("crash-pod");
        assertThat(forwarded.at("/data/object/reason").asText()).isEqualTo("BackOff");
        event("crash", "BackOff", "Pod"); // the same Event again (count 2): modified, not forwarded
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> PAGER.attempts().size() == 1);

        // a noisy namespace: 30 crashes are 30 deliveries, and a few writes of pager-triggers, not one per delivery
        int mark = operator.api().requests().mark();
        long started = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            event("storm-" + i, "BackOff", "Pod");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> PAGER.accepted().size() == 31);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> stateOf("pager").getData().get("crashes").contains("storm-29"));
        assertThat(operator.api().requests().writesSince(mark).stream()
                        .filter(request -> request.method().equals("PUT")
                                && request.path().contains("/configmaps/pager-triggers")))
                .as("at most one write per second while 30 Events were delivered in %d s", seconds)
                .hasSizeBetween(1, (int) seconds + 2);
        assertThat(operator.harness().meters().scrape())
                .as("what the operator's /metrics serves")
                .containsPattern(
                        "langop_trigger_deliveries_total\\{outcome=\"delivered\",trigger_type=\"kubernetes-event\"} (3[1-9]|[4-9]\\d)")
                .containsPattern(
                        "langop_trigger_delivery_duration_seconds_count\\{outcome=\"delivered\",trigger_type=\"kubernetes-event\"} \\d");
    }

    private static Event event(String name, String reason, String kind) {
        return operator.client()
                .resource(new EventBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(NS)
                        .endMetadata()
                        .withReason(reason)
                        .withMessage(reason + " of " + name)
                        .withCount(name.equals("crash") ? 2 : 1)
                        .withNewInvolvedObject()
                        .withKind(kind)
                        .withName(name + "-" + kind.toLowerCase(Locale.ROOT))
                        .withNamespace(NS)
                        .endInvolvedObject()
                        .build())
                .createOr(NonDeletingOperation::update);
    }

    @Test
    void aScheduleTriggerSendsEachTimeOnceWithTheScheduleThatFiredIt() {
        operator.client().resource(Fixtures.model(NS, "m")).createOr(NonDeletingOperation::update);
        EventTrigger trigger = new EventTrigger();
        trigger.setType(EventTriggerType.SCHEDULE);
        trigger.setSource("tick");
        trigger.setSchedule("@every 1s");
        LanguageAgent agent = Fixtures.agent(NS, "ticker", "m");
        agent.getSpec().setExecutionMode(ExecutionMode.EVENT_DRIVEN);
        agent.getSpec().setEventTriggers(List.of(trigger));
        operator.client().resource(agent).create();
        Fixtures.markAvailable(operator.client(), NS, "ticker-agent");

        await().atMost(Duration.ofSeconds(20)).until(() -> TICKER.accepted().size() >= 2);
        List<JsonNode> ticks = TICKER.accepted();
        assertThat(ticks).allSatisfy(tick -> {
            assertThat(tick.path("type").asText()).isEqualTo("io.langop.schedule");
            assertThat(tick.path("source").asText())
                    .isEqualTo("/apis/langop.io/v1alpha1/namespaces/watching/languageagents/ticker/triggers/tick");
            assertThat(tick.at("/data/schedule").asText()).isEqualTo("@every 1s");
            assertThat(tick.at("/data/time").asText())
                    .isEqualTo(tick.path("time").asText())
                    .isEqualTo(tick.path("id").asText());
        });
        assertThat(ticks).extracting(tick -> tick.path("id").asText()).doesNotHaveDuplicates();
        assertThat(operator.harness().meters().scrape())
                .containsPattern(
                        "langop_trigger_deliveries_total\\{outcome=\"delivered\",trigger_type=\"schedule\"} [1-9]");
        assertThat(TICKER.attempts())
                .allSatisfy(attempt -> assertThat(attempt.path()).isEqualTo("/webhook/tick"));
        operator.client().resource(agent).delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            int before = TICKER.attempts().size();
            Thread.sleep(1500);
            return TICKER.attempts().size() == before;
        });
    }

    @Test
    void changesOfTheNamedConfigMapsReachTheAgentAsSignedCloudEventsOnceEachAcrossAnOperatorRestart() {
        configMap("settings", "mode", "calm");
        configMap("limits", "max", "3");
        configMap("unrelated", "x", "1");
        operator.client().resource(Fixtures.model(NS, "m")).createOr(NonDeletingOperation::update);
        operator.client().resource(watcher("settings", "limits")).create();
        Fixtures.markAvailable(operator.client(), NS, "watcher-agent");
        await().atMost(Duration.ofSeconds(20)).until(() -> secret() != null && stateConfigMap() != null);
        assertThat(AGENT.attempts())
                .as("what is there when the watch starts is no change")
                .isEmpty();

        // a modification: its event carries the object before and after; another ConfigMap's is not forwarded
        configMap("unrelated", "x", "2");
        ConfigMap settings = configMap("settings", "mode", "storm");
        JsonNode modified = awaitAccepted(1).getFirst();
        assertThat(modified.path("type").asText()).isEqualTo("io.k8s.configmap.modified");
        assertThat(modified.path("source").asText()).isEqualTo("/api/v1/namespaces/watching/configmaps/settings");
        assertThat(modified.path("subject").asText()).isEqualTo("settings");
        assertThat(modified.path("id").asText())
                .isEqualTo(settings.getMetadata().getUid() + "/"
                        + settings.getMetadata().getResourceVersion());
        assertThat(modified.at("/data/change").asText()).isEqualTo("modified");
        assertThat(modified.at("/data/object/data/mode").asText()).isEqualTo("storm");
        assertThat(modified.at("/data/previous/data/mode").asText()).isEqualTo("calm");
        assertThat(AGENT.attempts())
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.path()).isEqualTo("/webhook/kubernetes-event-0"));

        // the agent is away (503), then busy (429): the change waits and arrives once
        AGENT.answerNext(503, 429);
        configMap("limits", "max", "5");
        JsonNode limits = awaitAccepted(2).get(1);
        assertThat(limits.at("/data/object/data/max").asText()).isEqualTo("5");
        assertThat(AGENT.attempts())
                .extracting(FakeAgentEndpoint.Delivery::status)
                .containsExactly(202, 503, 429, 202);
        assertThat(operator.harness().meters().scrape())
                .containsPattern(
                        "langop_trigger_delivery_retries_total\\{reason=\"server_error\",trigger_type=\"kubernetes-event\"} [1-9]")
                .containsPattern(
                        "langop_trigger_delivery_retries_total\\{reason=\"throttled\",trigger_type=\"kubernetes-event\"} [1-9]");

        // while the operator is down, one ConfigMap changes and the other goes; the restarted operator delivers both,
        // and nothing it delivered before
        awaitStateSettled();
        operator.harness().pause();
        operator.client().configMaps().inNamespace(NS).withName("limits").delete();
        ConfigMap changedWhileAway = configMap("settings", "mode", "fog");
        operator.harness().resume();
        List<JsonNode> afterRestart = awaitAccepted(4).subList(2, 4);
        assertThat(afterRestart)
                .extracting(event -> event.path("type").asText())
                .containsExactlyInAnyOrder("io.k8s.configmap.modified", "io.k8s.configmap.deleted");
        JsonNode fog = afterRestart.stream()
                .filter(event -> event.path("subject").asText().equals("settings"))
                .findFirst()
                .orElseThrow();
        assertThat(fog.path("id").asText())
                .isEqualTo(changedWhileAway.getMetadata().getUid() + "/"
                        + changedWhileAway.getMetadata().getResourceVersion());
        assertThat(fog.at("/data/object/data/mode").asText()).isEqualTo("fog");
        assertThat(fog.at("/data/previous").isMissingNode())
                .as("the operator did not see the version before")
                .isTrue();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> AGENT.attempts().size() == 6);
    }

    private static List<JsonNode> awaitAccepted(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> AGENT.accepted().size() >= count);
        return AGENT.accepted();
    }

    /** Every delivery noted: the state ConfigMap stops changing. */
    private static void awaitStateSettled() {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> stateConfigMap()
                        .getData()
                        .get("kubernetes-event-0")
                        .contains(operator.client()
                                .configMaps()
                                .inNamespace(NS)
                                .withName("limits")
                                .get()
                                .getMetadata()
                                .getResourceVersion()));
    }

    @Test
    void agentsWatchingTheSameConfigMapShareOneWatchThatEndsWithTheLastOfThem() {
        configMap("checkout", "mode", "calm");
        operator.client().resource(Fixtures.model(NS, "m")).createOr(NonDeletingOperation::update);
        int mark = operator.api().requests().mark();
        LanguageAgent reader = watching("reader", "checkout");
        operator.client().resource(reader).create();
        Fixtures.markAvailable(operator.client(), NS, "reader-agent");
        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf("reader") != null);
        configMap("checkout", "mode", "storm");
        await().atMost(Duration.ofSeconds(20)).until(() -> READER.accepted().size() == 1);

        // a second agent joins the running watch; its first watch delivers nothing of what happened before it
        LanguageAgent auditor = watching("auditor", "checkout");
        operator.client().resource(auditor).create();
        Fixtures.markAvailable(operator.client(), NS, "auditor-agent");
        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf("auditor") != null);
        ConfigMap fog = configMap("checkout", "mode", "fog");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> READER.accepted().size() == 2 && AUDITOR.accepted().size() == 1);
        assertThat(List.of(READER.accepted().get(1), AUDITOR.accepted().getFirst()))
                .allSatisfy(event -> assertThat(event.path("id").asText())
                        .isEqualTo(fog.getMetadata().getUid() + "/"
                                + fog.getMetadata().getResourceVersion()));
        assertThat(checkoutWatchRequestsSince(mark))
                .as("watch requests the API server received for ConfigMap checkout")
                .hasSize(1);

        // the auditor is down while the ConfigMap changes; back, it rejoins the watch the reader kept and catches up
        Fixtures.markUnavailable(operator.client(), NS, "auditor-agent");
        await().atMost(Duration.ofSeconds(20)).until(() -> readyReplicas(auditor) == 0);
        ConfigMap hail = configMap("checkout", "mode", "hail");
        await().atMost(Duration.ofSeconds(20)).until(() -> READER.accepted().size() == 3);
        Fixtures.markAvailable(operator.client(), NS, "auditor-agent");
        await().atMost(Duration.ofSeconds(20)).until(() -> AUDITOR.accepted().size() == 2);
        JsonNode caughtUp = AUDITOR.accepted().get(1);
        assertThat(caughtUp.path("id").asText())
                .isEqualTo(
                        hail.getMetadata().getUid() + "/" + hail.getMetadata().getResourceVersion());
        assertThat(caughtUp.at("/data/previous").isMissingNode())
                .as("changed while the auditor was away: the operator did not see the version before for it")
                .isTrue();

        // one agent goes: the other's deliveries go on through the same watch
        operator.client().resource(reader).delete();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> operator.client().resource(reader).get() == null);
        configMap("checkout", "mode", "sun");
        await().atMost(Duration.ofSeconds(20)).until(() -> AUDITOR.accepted().size() == 3);
        assertThat(AUDITOR.accepted().get(2).at("/data/object/data/mode").asText())
                .isEqualTo("sun");
        assertThat(checkoutWatches(operator.api().requests().openWatches()))
                .as("the watch the agents shared is open still")
                .hasSize(1);

        // the last one goes: so does the watch
        operator.client().resource(auditor).delete();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        checkoutWatches(operator.api().requests().openWatches()).isEmpty());
        assertThat(checkoutWatchRequestsSince(mark))
                .as("one watch all along: never restarted for a joining or leaving agent")
                .hasSize(1);
    }

    private static int readyReplicas(LanguageAgent agent) {
        LanguageAgent stored = operator.client().resource(agent).get();
        return stored.getStatus() == null || stored.getStatus().getReadyReplicas() == null
                ? 0
                : stored.getStatus().getReadyReplicas();
    }

    private static List<String> checkoutWatchRequestsSince(int mark) {
        return checkoutWatches(operator.api().requests().since(mark).stream()
                .filter(ApiRequests.Request::isWatch)
                .map(ApiRequests.Request::path)
                .toList());
    }

    /** The watches among {@code paths} that select ConfigMap checkout by its name. */
    private static List<String> checkoutWatches(List<String> paths) {
        return paths.stream()
                .filter(path -> path.startsWith("/api/v1/namespaces/" + NS + "/configmaps?")
                        && path.contains("fieldSelector=metadata.name%3Dcheckout&"))
                .toList();
    }

    private static LanguageAgent watcher(String... names) {
        return watching("watcher", names);
    }

    private static LanguageAgent watching(String name, String... names) {
        return Fixtures.configMapWatcher(NS, name, "m", names);
    }

    private static ConfigMap configMap(String name, String key, String value) {
        return operator.client()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(NS)
                        .endMetadata()
                        .withData(Map.of(key, value))
                        .build())
                .createOr(NonDeletingOperation::update);
    }

    private static Secret secret() {
        return secret("watcher");
    }

    private static Secret secret(String agent) {
        return operator.client()
                .secrets()
                .inNamespace(NS)
                .withName(agent + "-webhooks")
                .get();
    }

    private static ConfigMap stateConfigMap() {
        return stateOf("watcher");
    }

    private static ConfigMap stateOf(String agent) {
        return operator.client()
                .configMaps()
                .inNamespace(NS)
                .withName(agent + "-triggers")
                .get();
    }

    private static FakeAgentEndpoint endpoint(String name) {
        try {
            FakeAgentEndpoint agent = new FakeAgentEndpoint(trigger -> {
                Secret secret = secret(name);
                String key = "webhook-" + trigger;
                return secret == null || !secret.getData().containsKey(key)
                        ? null
                        : new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
            });
            SERVICES.serve(NS, name + "-agent", agent.url());
            return agent;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
