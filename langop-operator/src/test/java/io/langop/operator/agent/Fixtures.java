package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.ToolReference;
import io.langop.api.v1alpha1.agent.EventTrigger;
import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.KubernetesEventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentSpec;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.LanguageModelSpec;
import io.langop.api.v1alpha1.model.ModelProvider;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.persona.LanguagePersonaSpec;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.api.v1alpha1.tool.LanguageToolSpec;
import io.langop.operator.kube.Conditions;
import io.langop.wire.PodAnnotations;
import java.util.Arrays;
import java.util.List;

/** Minimal valid resources, as a user would apply them (no server-side defaults filled in). */
public final class Fixtures {

    /**
     * Agent code that fits the agents of {@link #agent} without tools: autonomous, the LLM alone. (The
     * prompt's worked example calls web and mail tools on a schedule, which the semantic check refuses for
     * such an agent.)
     */
    public static final String CODE_WITHOUT_TOOLS = """
            import io.langop.sdk.agent.AgentDefinition;
            import io.langop.sdk.agent.LangopAgent;
            import io.langop.sdk.agent.Output;
            import java.time.Duration;

            public class Agent implements LangopAgent {
                @Override
                public AgentDefinition define() {
                    return AgentDefinition.builder("news-digest")
                            .description("A short digest of the news, written by the LLM alone")
                            .objective("Write a three-line digest of this week's Kubernetes news")
                            .constraints(c -> c.maxIterations(20).timeout(Duration.ofMinutes(10)))
                            .output(Output.workspace("digest-{date}.md"))
                            .build();
                }
            }""";

    private Fixtures() {}

    public static LanguageAgent agent(String namespace, String name, String model, String... tools) {
        LanguageAgent agent = new LanguageAgent();
        agent.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        LanguageAgentSpec spec = new LanguageAgentSpec();
        spec.setImage("ghcr.io/langop/langop-agent:test");
        spec.setInstructions("Summarise the news every morning");
        spec.setExecutionMode(ExecutionMode.AUTONOMOUS);
        ModelReference modelRef = new ModelReference();
        modelRef.setName(model);
        spec.setModelRefs(new java.util.ArrayList<>(java.util.List.of(modelRef)));
        spec.setToolRefs(Arrays.stream(tools)
                .map(tool -> {
                    ToolReference ref = new ToolReference();
                    ref.setName(tool);
                    return ref;
                })
                .toList());
        agent.setSpec(spec);
        return agent;
    }

    /** An event-driven agent with one {@code kubernetes-event} trigger on the named ConfigMaps of its namespace. */
    public static LanguageAgent configMapWatcher(String namespace, String name, String model, String... configMaps) {
        KubernetesEventSource watch = new KubernetesEventSource();
        watch.setKind("ConfigMap");
        watch.setNames(List.of(configMaps));
        EventTrigger trigger = new EventTrigger();
        trigger.setType(EventTriggerType.KUBERNETES_EVENT);
        trigger.setKubernetes(watch);
        LanguageAgent agent = agent(namespace, name, model);
        agent.getSpec().setExecutionMode(ExecutionMode.EVENT_DRIVEN);
        agent.getSpec().setEventTriggers(List.of(trigger));
        return agent;
    }

    public static LanguageModel model(String namespace, String name) {
        LanguageModel model = new LanguageModel();
        model.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        LanguageModelSpec spec = new LanguageModelSpec();
        spec.setProvider(ModelProvider.OPENAI_COMPATIBLE);
        spec.setModelName("qwen2.5-7b");
        spec.setEndpoint("http://vllm.inference.svc:8000/v1");
        model.setSpec(spec);
        return model;
    }

    public static LanguageTool tool(String namespace, String name, DeploymentMode mode, int port) {
        LanguageTool tool = new LanguageTool();
        tool.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        LanguageToolSpec spec = new LanguageToolSpec();
        spec.setImage("ghcr.io/langop/langop-tool-" + name + ":test");
        spec.setDeploymentMode(mode);
        spec.setPort(port);
        tool.setSpec(spec);
        return tool;
    }

    public static LanguagePersona persona(String namespace, String name) {
        LanguagePersona persona = new LanguagePersona();
        persona.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        LanguagePersonaSpec spec = new LanguagePersonaSpec();
        spec.setDisplayName("Analyst");
        spec.setDescription("A careful analyst");
        spec.setSystemPrompt("You are a careful analyst.");
        spec.setInstructions(java.util.List.of("Cite sources"));
        persona.setSpec(spec);
        return persona;
    }

    /** The Prometheus Operator's ServiceMonitor CRD, as far as the API server needs it to serve the kind. */
    public static CustomResourceDefinition serviceMonitorCrd() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("servicemonitors.monitoring.coreos.com")
                .endMetadata()
                .withNewSpec()
                .withGroup("monitoring.coreos.com")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("ServiceMonitor")
                .withListKind("ServiceMonitorList")
                .withPlural("servicemonitors")
                .withSingular("servicemonitor")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .endVersion()
                .endSpec()
                .build();
    }

    /** The agent's condition of {@code type}, or null while it has none. */
    static Condition condition(LanguageAgent agent, String type) {
        return agent == null || agent.getStatus() == null
                ? null
                : Conditions.find(agent.getStatus().getConditions(), type).orElse(null);
    }

    /** The code version a Deployment's pods run (their template's annotation), or null before it has one. */
    static String codeHash(io.fabric8.kubernetes.api.model.apps.Deployment deployment) {
        if (deployment == null
                || deployment.getSpec().getTemplate().getMetadata().getAnnotations() == null) {
            return null;
        }
        return deployment.getSpec().getTemplate().getMetadata().getAnnotations().get(PodAnnotations.CODE_HASH);
    }

    /** The Events in {@code namespace} about the object named {@code involved}. */
    static List<io.fabric8.kubernetes.api.model.Event> events(
            io.fabric8.kubernetes.client.KubernetesClient client, String namespace, String involved) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(event -> involved.equals(event.getInvolvedObject().getName()))
                .toList();
    }

    static boolean isTrue(LanguageAgent agent, String type) {
        Condition condition = condition(agent, type);
        return condition != null && "True".equals(condition.getStatus());
    }

    /**
     * Waits for Deployment {@code namespace/name} and reports it available with one ready replica, as the Deployment
     * controller would once its pod is ready (the in-process API server runs no controller).
     */
    public static void markAvailable(
            io.fabric8.kubernetes.client.KubernetesClient client, String namespace, String name) {
        reportReplicas(client, namespace, name, 1);
    }

    /** Reports Deployment {@code namespace/name} with no replica ready, as when its pod fails or is evicted. */
    public static void markUnavailable(
            io.fabric8.kubernetes.client.KubernetesClient client, String namespace, String name) {
        reportReplicas(client, namespace, name, 0);
    }

    private static void reportReplicas(
            io.fabric8.kubernetes.client.KubernetesClient client, String namespace, String name, int ready) {
        io.fabric8.kubernetes.api.model.apps.Deployment deployment = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(
                        () -> client.apps()
                                .deployments()
                                .inNamespace(namespace)
                                .withName(name)
                                .get(),
                        d -> d != null);
        deployment.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(1)
                .withReadyReplicas(ready)
                .withAvailableReplicas(ready)
                .withUpdatedReplicas(1)
                .build());
        client.resource(deployment).updateStatus();
    }
}
