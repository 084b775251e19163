package io.langop.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.langop.api.v1alpha1.LangopApi;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.OperatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A langop.io object this operator cannot read (a field its version of the API does not know, a value of
 * the wrong type: what a CRD newer than the operator, or an API server that does not prune, lets through)
 * is marked Failed with a condition naming each field, and every other object is reconciled as before —
 * also by an operator started while the object is there. It used to stop the informer of its kind, and
 * with it the whole operator (JOSDK exits the process).
 */
class UnreadableObjectsTest {

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.withDefaults();

    private static final String NS = "unreadable";

    @Test
    void anAgentTheOperatorCannotReadFailsAloneAndTheOthersConverge() {
        KubernetesClient client = operator.client();
        client.resource(Fixtures.model(NS, "qwen")).create();
        client.resource(Fixtures.agent(NS, "before", "qwen")).create();
        eventually().until(() -> deployment("before-agent") != null);

        createRaw(Fixtures.agent(NS, "broken", "qwen"), spec -> {
            spec.put("budget", 5);
            spec.put("maxIterations", "ten");
        });
        client.resource(Fixtures.agent(NS, "after", "qwen")).create();
        eventually().until(() -> deployment("after-agent") != null);

        Map<String, Object> status = eventually().until(() -> status("LanguageAgent", "broken"), s -> s != null);
        assertThat(status).containsEntry("phase", "Failed").containsEntry("reason", "InvalidSpec");
        assertThat(ready(status))
                .containsEntry("status", "False")
                .containsEntry("reason", "InvalidSpec")
                .hasEntrySatisfying(
                        "message",
                        message -> assertThat((String) message)
                                .contains("spec.budget: unknown field")
                                .contains("spec.maxIterations: \"ten\" is not an integer"));
        assertThat(deployment("broken-agent")).isNull();

        // an operator that starts with the object in its first list starts, and reconciles the others
        operator.restart();
        client.resource(Fixtures.agent(NS, "later", "qwen")).create();
        eventually().until(() -> deployment("later-agent") != null);

        // the user fixes the object: it is read again and runs
        raw("LanguageAgent").withName("broken").edit(agent -> {
            Map<String, Object> spec = spec(agent);
            spec.remove("budget");
            spec.put("maxIterations", 10);
            return agent;
        });
        eventually().until(() -> deployment("broken-agent") != null);
        eventually().until(() -> status("LanguageAgent", "broken"), s -> !"InvalidSpec".equals(s.get("reason")));
    }

    @Test
    void anAgentWaitsForAModelTheOperatorCannotReadAndSaysWhy() {
        createRaw(Fixtures.model(NS, "oracle"), spec -> spec.put("provider", "skynet"));
        operator.client().resource(Fixtures.agent(NS, "asker", "oracle")).create();

        Map<String, Object> model = eventually().until(() -> status("LanguageModel", "oracle"), s -> s != null);
        assertThat(model).containsEntry("phase", "Failed");
        assertThat((String) model.get("message")).contains("spec.provider: \"skynet\" is not one of ");

        Map<String, Object> agent = eventually()
                .until(() -> status("LanguageAgent", "asker"), s -> "ReferencesMissing".equals(s.get("reason")));
        assertThat((String) agent.get("message"))
                .contains("LanguageModel " + NS + "/oracle has a spec this operator cannot read");
    }

    /** Creates {@code typed} as it would come from a newer client: with what {@code breakSpec} does to its spec. */
    private static void createRaw(HasMetadata typed, Consumer<Map<String, Object>> breakSpec) {
        GenericKubernetesResource raw =
                operator.client().getKubernetesSerialization().convertValue(typed, GenericKubernetesResource.class);
        breakSpec.accept(spec(raw));
        raw(typed.getKind()).resource(raw).create();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(String kind, String name) {
        GenericKubernetesResource resource = raw(kind).withName(name).get();
        return resource == null
                ? null
                : (Map<String, Object>) resource.getAdditionalProperties().get("status");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ready(Map<String, Object> status) {
        return ((List<Map<String, Object>>) status.get("conditions"))
                .stream()
                        .filter(condition -> "Ready".equals(condition.get("type")))
                        .findFirst()
                        .orElseThrow();
    }

    private static NonNamespaceOperation<
                    GenericKubernetesResource,
                    io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
                    Resource<GenericKubernetesResource>>
            raw(String kind) {
        return operator.client()
                .genericKubernetesResources(LangopApi.API_VERSION, kind)
                .inNamespace(NS);
    }

    private static Deployment deployment(String name) {
        return operator.client()
                .apps()
                .deployments()
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }
}
