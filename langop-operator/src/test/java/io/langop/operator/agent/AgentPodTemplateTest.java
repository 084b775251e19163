package io.langop.operator.agent;

import static io.langop.operator.agent.AgentPlans.news;
import static io.langop.operator.agent.AgentPlans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.langop.api.v1alpha1.ImagePullPolicy;
import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.agent.AgentObservability;
import io.langop.api.v1alpha1.agent.CodeReference;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.MemoryStore;
import io.langop.api.v1alpha1.agent.MemoryStoreType;
import io.langop.api.v1alpha1.agent.RetentionPolicy;
import io.langop.api.v1alpha1.agent.SafetyConfig;
import io.langop.api.v1alpha1.agent.Workspace;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.wire.AgentEnv;
import io.langop.wire.TelemetryEnv;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The agent pod, the same under a Deployment and a CronJob, built from a plan without a cluster. */
class AgentPodTemplateTest {

    @Test
    void theAgentContainerIsToldItsModelsToolsAndCodeThroughTheWireContract() {
        LanguageAgent agent = news();
        agent.getSpec().setImagePullPolicy(ImagePullPolicy.IF_NOT_PRESENT);
        var models = List.of(Fixtures.model("team", "qwen"), Fixtures.model("shared", "fallback"));
        var tools = List.of(
                Fixtures.tool("team", "web", DeploymentMode.SERVICE, 8081),
                Fixtures.tool("team", "mail", DeploymentMode.SIDECAR, 9090));

        var pod = AgentPodTemplate.build(plan(agent, models, tools), null);
        Container container = agentContainer(pod);

        assertThat(volume(pod, "workspace").getEmptyDir()).isNotNull();
        assertThat(container.getImage()).isEqualTo("ghcr.io/langop/langop-agent:test");
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(env(container))
                .containsEntry(AgentEnv.AGENT_NAME, "news")
                .containsEntry(AgentEnv.AGENT_NAMESPACE, "team")
                .containsEntry(AgentEnv.AGENT_MODE, "autonomous")
                .containsEntry(AgentEnv.AGENT_INSTRUCTIONS_PATH, "/etc/agent/instructions/instructions.md")
                .doesNotContainKey(AgentEnv.AGENT_INSTRUCTIONS)
                .containsEntry(AgentEnv.AGENT_CODE_PATH, "/etc/agent/code")
                .containsEntry(
                        AgentEnv.MODEL_ENDPOINTS,
                        "http://qwen-model.team.svc.cluster.local:8080/v1,"
                                + "http://fallback-model.shared.svc.cluster.local:8080/v1")
                .containsEntry(AgentEnv.LLM_MODEL, "qwen,fallback")
                .containsEntry(
                        AgentEnv.MCP_SERVERS,
                        "http://web-tool.team.svc.cluster.local:8081/mcp,http://localhost:9090/mcp")
                .containsEntry(AgentEnv.WORKSPACE_PATH, "/workspace");
        assertThat(container.getVolumeMounts())
                .extracting(mount -> mount.getName() + ":" + mount.getMountPath() + ":" + mount.getReadOnly())
                .as("without a claim the workspace is the pod's emptyDir, writable for as long as the pod lives")
                .containsExactly(
                        "agent-code:/etc/agent/code:true",
                        "agent-instructions:/etc/agent/instructions:true",
                        "workspace:/workspace:null");
    }

    @Test
    void aUserVariableReplacesTheOperatorsOfTheSameName() {
        LanguageAgent agent = news();
        agent.getSpec()
                .setEnv(List.of(
                        new EnvVarBuilder()
                                .withName(AgentEnv.LLM_MODEL)
                                .withValue("qwen-large")
                                .build(),
                        new EnvVarBuilder().withName("EXTRA").withValue("1").build()));

        Container container = agentContainer(
                AgentPodTemplate.build(plan(agent, List.of(Fixtures.model("team", "qwen")), List.of()), null));

        assertThat(container.getEnv())
                .filteredOn(variable -> variable.getName().equals(AgentEnv.LLM_MODEL))
                .singleElement()
                .satisfies(variable -> assertThat(variable.getValue()).isEqualTo("qwen-large"));
        assertThat(env(container)).containsEntry("EXTRA", "1");
    }

    @Test
    void aMemoryStoreReachesThePodAsItsTypeAndAVariableFromItsSecretNeverAsAValue() {
        LanguageAgent agent = news();
        MemoryStore store = new MemoryStore();
        store.setType(MemoryStoreType.REDIS);
        SecretKeyReference secret = new SecretKeyReference();
        secret.setName("redis-credentials");
        secret.setKey("url");
        store.setConnectionSecretRef(secret);
        RetentionPolicy retention = new RetentionPolicy();
        retention.setMaxMessages(50);
        store.setRetentionPolicy(retention);
        agent.getSpec().setMemoryStore(store);

        Container container = agentContainer(
                AgentPodTemplate.build(plan(agent, List.of(Fixtures.model("team", "qwen")), List.of()), null));

        assertThat(env(container))
                .containsEntry(AgentEnv.MEMORY_STORE, "redis")
                .containsEntry(AgentEnv.MEMORY_MAX_MESSAGES, "50")
                .doesNotContainKey(AgentEnv.MEMORY_URL);
        assertThat(container.getEnv())
                .filteredOn(variable -> variable.getName().equals(AgentEnv.MEMORY_URL))
                .singleElement()
                .satisfies(variable -> {
                    assertThat(variable.getValue()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName())
                            .isEqualTo("redis-credentials");
                    assertThat(variable.getValueFrom().getSecretKeyRef().getKey())
                            .isEqualTo("url");
                });
    }

    @Test
    void aStoreOtherThanTheWorkspaceWithoutItsSecretIsAProblemOfTheSpec() {
        LanguageAgent agent = news();
        MemoryStore store = new MemoryStore();
        store.setType(MemoryStoreType.POSTGRES);
        agent.getSpec().setMemoryStore(store);

        assertThat(AgentSpecCheck.problems(agent))
                .contains("spec.memoryStore.type postgres needs connectionSecretRef: the Secret key holding the"
                        + " store's connection string");
    }

    @Test
    void synthesizedCodeIsAnOptionalConfigMapAndItsHashRatherThanTheInstructionsRollsThePods() {
        AgentPlan plan = new AgentPlan(
                news(),
                List.of(),
                List.of(),
                null,
                plan(news(), List.of(), List.of()).egress(),
                Optional.empty(),
                "c0ffee");

        PodTemplateSpec pod = AgentPodTemplate.build(plan, null);

        assertThat(pod.getMetadata().getAnnotations())
                .containsEntry("langop.io/code-hash", "c0ffee")
                .as("the code runs, not the instructions: new instructions roll out as new code")
                .doesNotContainKey("langop.io/instructions-hash");
        assertThat(AgentPodTemplate.build(plan(news(), List.of(), List.of()), null)
                        .getMetadata()
                        .getAnnotations())
                .as("before there is code the instructions run: new ones, new pods")
                .containsKey("langop.io/instructions-hash");
        assertThat(volume(pod, "agent-code").getConfigMap()).satisfies(configMap -> {
            assertThat(configMap.getName()).isEqualTo("news-code");
            // the pod is scheduled before the first synthesis finished
            assertThat(configMap.getOptional()).isTrue();
        });
    }

    @Test
    void broughtCodeIsReadFromItsKeyAsAgentJava() {
        LanguageAgent agent = news();
        CodeReference codeRef = new CodeReference();
        codeRef.setName("my-code");
        codeRef.setKey("Main.java");
        agent.getSpec().setCodeRef(codeRef);
        agent.getSpec().setInstructions(null); // the schema lets an agent have one or the other

        PodTemplateSpec pod = AgentPodTemplate.build(plan(agent, List.of(), List.of()), null);

        assertThat(volume(pod, "agent-code").getConfigMap()).satisfies(configMap -> {
            assertThat(configMap.getName()).isEqualTo("my-code");
            assertThat(configMap.getOptional()).isNull();
            assertThat(configMap.getItems()).singleElement().satisfies(item -> {
                assertThat(item.getKey()).isEqualTo("Main.java");
                assertThat(item.getPath()).isEqualTo("Agent.java");
            });
        });
        assertThat(pod.getMetadata().getAnnotations()).isNull();
    }

    @Test
    void sidecarToolsStartFirstAsNativeSidecarsSharingTheWorkspace() {
        LanguageAgent agent = news();
        agent.getSpec().setWorkspace(new Workspace());
        agent.getSpec().getWorkspace().setMountPath("/data");
        agent.getSpec().setImagePullSecrets(List.of(new LocalObjectReference("registry")));
        LanguageTool mail = Fixtures.tool("team", "mail", DeploymentMode.SIDECAR, 9090);
        mail.getSpec()
                .setImagePullSecrets(List.of(new LocalObjectReference("registry"), new LocalObjectReference("tools")));
        LanguageTool web = Fixtures.tool("team", "web", DeploymentMode.SERVICE, 8081);

        PodTemplateSpec pod = AgentPodTemplate.build(plan(agent, List.of(), List.of(mail, web)), null);

        var spec = pod.getSpec();
        assertThat(spec.getInitContainers()).singleElement().satisfies(sidecar -> {
            assertThat(sidecar.getName()).isEqualTo("tool-mail");
            assertThat(sidecar.getRestartPolicy()).isEqualTo("Always");
            assertThat(sidecar.getVolumeMounts())
                    .extracting(mount -> mount.getName() + ":" + mount.getMountPath())
                    .containsExactly("workspace:/data");
        });
        assertThat(env(agentContainer(pod))).containsEntry(AgentEnv.WORKSPACE_PATH, "/data");
        assertThat(volume(pod, "workspace").getPersistentVolumeClaim().getClaimName())
                .isEqualTo("news-workspace");
        assertThat(spec.getImagePullSecrets())
                .extracting(LocalObjectReference::getName)
                .containsExactly("registry", "tools");
    }

    @Test
    void anAgentThatTracesExportsToItsEndpointAndItsSidecarsContinueItsTracesThere() {
        LanguageAgent agent = news();
        agent.getSpec().setObservability(new AgentObservability());
        agent.getSpec().getObservability().setTracing(true);
        agent.getSpec().getObservability().setOtlpEndpoint("http://collector.monitoring:4318");
        LanguageTool mail = Fixtures.tool("team", "mail", DeploymentMode.SIDECAR, 9090);

        PodTemplateSpec pod = AgentPodTemplate.build(plan(agent, List.of(), List.of(mail)), null);

        assertThat(env(agentContainer(pod)))
                .containsEntry(TelemetryEnv.OTLP_ENDPOINT, "http://collector.monitoring:4318")
                .containsEntry(TelemetryEnv.OTLP_PROTOCOL, "http/protobuf")
                .containsEntry(TelemetryEnv.SERVICE_NAME, "news")
                .containsEntry(TelemetryEnv.TRACES_SAMPLER, "parentbased_always_on")
                .containsEntry(TelemetryEnv.RESOURCE_ATTRIBUTES, "k8s.namespace.name=team,langop.agent=news");
        assertThat(env(pod.getSpec().getInitContainers().getFirst()))
                .containsEntry(TelemetryEnv.OTLP_ENDPOINT, "http://collector.monitoring:4318")
                .containsEntry(TelemetryEnv.SERVICE_NAME, "mail")
                .as("a tool starts no trace of its own")
                .containsEntry(TelemetryEnv.TRACES_SAMPLER, "parentbased_always_off");
    }

    @Test
    void aScheduledAgentWithAnEndpointPushesItsMetersThereAsItExitsEvenWithoutTracing() {
        LanguageAgent agent = news();
        agent.getSpec().setExecutionMode(ExecutionMode.SCHEDULED);
        agent.getSpec().setSchedule("0 9 * * *");
        agent.getSpec().setObservability(new AgentObservability());
        agent.getSpec().getObservability().setOtlpEndpoint("http://collector.monitoring:4318/");

        Map<String, String> env = env(agentContainer(AgentPodTemplate.build(plan(agent, List.of(), List.of()), null)));

        assertThat(env)
                .containsEntry(TelemetryEnv.OTLP_METRICS_ENDPOINT, "http://collector.monitoring:4318/v1/metrics")
                .containsEntry(TelemetryEnv.SERVICE_NAME, "news")
                .containsEntry(TelemetryEnv.RESOURCE_ATTRIBUTES, "k8s.namespace.name=team,langop.agent=news")
                .as("no traces: tracing is off")
                .doesNotContainKey(TelemetryEnv.OTLP_ENDPOINT);

        agent.getSpec().getObservability().setMetrics(false);
        assertThat(env(agentContainer(AgentPodTemplate.build(plan(agent, List.of(), List.of()), null))))
                .doesNotContainKey(TelemetryEnv.OTLP_METRICS_ENDPOINT);
    }

    @Test
    void aServingAgentIsScrapedAndPushesNoMeters() {
        LanguageAgent agent = news();
        agent.getSpec().setExecutionMode(ExecutionMode.INTERACTIVE);
        agent.getSpec().setObservability(new AgentObservability());
        agent.getSpec().getObservability().setOtlpEndpoint("http://collector.monitoring:4318");

        assertThat(env(agentContainer(AgentPodTemplate.build(plan(agent, List.of(), List.of()), null))))
                .doesNotContainKey(TelemetryEnv.OTLP_METRICS_ENDPOINT);
    }

    @Test
    void anAgentWithoutTracingOrWithoutAnEndpointGetsNoOpenTelemetryVariable() {
        LanguageAgent agent = news();
        agent.getSpec().setObservability(new AgentObservability());
        agent.getSpec().getObservability().setTracing(true); // but nowhere to send spans
        LanguageTool mail = Fixtures.tool("team", "mail", DeploymentMode.SIDECAR, 9090);

        PodTemplateSpec pod = AgentPodTemplate.build(plan(agent, List.of(), List.of(mail)), null);

        assertThat(env(agentContainer(pod))).doesNotContainKeys(TelemetryEnv.OTLP_ENDPOINT, TelemetryEnv.SERVICE_NAME);
        assertThat(env(pod.getSpec().getInitContainers().getFirst())).doesNotContainKey(TelemetryEnv.OTLP_ENDPOINT);
    }

    @Test
    void anAgentThatServesHttpHasItsPortAndProbes() {
        LanguageAgent agent = news();
        agent.getSpec().setExecutionMode(ExecutionMode.INTERACTIVE);

        Container container = agentContainer(AgentPodTemplate.build(plan(agent, List.of(), List.of()), null));

        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8000);
        });
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(env(container)).containsEntry("PORT", "8000");
    }

    @Test
    void aScheduledAgentWhoseToolCallsWaitForApprovalOpensItsPortWithoutProbes() {
        LanguageAgent agent = news();
        agent.getSpec().setExecutionMode(ExecutionMode.SCHEDULED);
        agent.getSpec().setSchedule("0 9 * * *");
        SafetyConfig safety = new SafetyConfig();
        safety.setRequireApprovalFor(List.of("send_email"));
        agent.getSpec().setSafetyConfig(safety);

        Container container = agentContainer(AgentPodTemplate.build(plan(agent, List.of(), List.of()), null));

        assertThat(container.getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(8000));
        assertThat(env(container)).containsEntry("PORT", "8000");
        assertThat(container.getReadinessProbe()).isNull();
        assertThat(container.getStartupProbe()).isNull();
    }

    @Test
    void podLabelsAddToTheOperatorsButNeverReplaceThem() {
        LanguageAgent agent = news();
        agent.getSpec().setPodLabels(Map.of("team", "search", "app.kubernetes.io/instance", "spoofed"));

        PodTemplateSpec pod = AgentPodTemplate.build(plan(agent, List.of(), List.of()), "OnFailure");

        assertThat(pod.getMetadata().getLabels())
                .containsEntry("team", "search")
                .containsEntry("app.kubernetes.io/instance", "news");
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("OnFailure");
    }

    private static Container agentContainer(PodTemplateSpec pod) {
        assertThat(pod.getSpec().getContainers()).hasSize(1);
        return pod.getSpec().getContainers().getFirst();
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static Volume volume(PodTemplateSpec pod, String name) {
        return pod.getSpec().getVolumes().stream()
                .filter(volume -> volume.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
