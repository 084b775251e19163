package io.langop.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.Workspace;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.OperatorExtension;
import io.langop.operator.harness.ReconcileFailures;
import io.langop.wire.AgentEnv;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LanguageAgentReconcilerTest {

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.withDefaults();

    @Test
    void runsAnAutonomousAgentWithItsToolsModelsAndWorkspace() {
        String ns = "agents-main";
        operator.client().resource(Fixtures.model(ns, "qwen")).create();
        operator.client()
                .resource(Fixtures.tool(ns, "web", DeploymentMode.SERVICE, 8080))
                .create();
        operator.client()
                .resource(Fixtures.tool(ns, "email", DeploymentMode.SIDECAR, 9090))
                .create();
        LanguageAgent agent = Fixtures.agent(ns, "news", "qwen", "web", "email");
        agent.getSpec().setWorkspace(new Workspace());
        agent.getSpec().getWorkspace().setSize("1Gi");
        operator.client().resource(agent).create();

        Deployment deployment = await().until(() -> deployment(ns, "news-agent"), d -> d != null);
        assertThat(deployment.getMetadata().getLabels())
                .containsEntry("langop.io/kind", "LanguageAgent")
                .containsEntry("app.kubernetes.io/instance", "news")
                .containsEntry("app.kubernetes.io/managed-by", "langop-operator");
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Map.of("langop.io/kind", "LanguageAgent", "app.kubernetes.io/instance", "news"));
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> {
                    assertThat(owner.getKind()).isEqualTo("LanguageAgent");
                    assertThat(owner.getName()).isEqualTo("news");
                    assertThat(owner.getController()).isTrue();
                });

        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();
        assertThat(pod.getContainers()).hasSize(1);
        assertThat(container.getImage()).isEqualTo("ghcr.io/langop/langop-agent:test");
        assertThat(env(container))
                .containsAllEntriesOf(Map.of(
                        AgentEnv.AGENT_NAME, "news",
                        AgentEnv.AGENT_NAMESPACE, ns,
                        AgentEnv.AGENT_MODE, "autonomous",
                        AgentEnv.AGENT_INSTRUCTIONS_PATH, "/etc/agent/instructions/instructions.md",
                        AgentEnv.MODEL_ENDPOINTS, "http://qwen-model.agents-main.svc.cluster.local:8080/v1",
                        AgentEnv.LLM_MODEL, "qwen",
                        AgentEnv.MCP_SERVERS,
                                "http://web-tool.agents-main.svc.cluster.local:8080/mcp,http://localhost:9090/mcp",
                        AgentEnv.WORKSPACE_PATH, "/workspace"));
        // instructions are a file: an environment variable holds at most 128 KiB
        assertThat(env(container)).doesNotContainKey(AgentEnv.AGENT_INSTRUCTIONS);
        assertThat(container.getVolumeMounts())
                .extracting(m -> m.getName() + ":" + m.getMountPath())
                .containsExactly(
                        "agent-code:/etc/agent/code",
                        "agent-instructions:/etc/agent/instructions",
                        "workspace:/workspace");
        assertThat(pod.getVolumes())
                .extracting(v -> v.getName())
                .containsExactly("agent-code", "agent-instructions", "workspace");
        assertThat(pod.getVolumes().getFirst().getConfigMap().getName()).isEqualTo("news-code");
        assertThat(pod.getVolumes().getFirst().getConfigMap().getOptional()).isTrue();
        assertThat(pod.getVolumes().get(1).getConfigMap().getName()).isEqualTo("news-instructions");
        var instructions = await().until(
                        () -> operator.client()
                                .configMaps()
                                .inNamespace(ns)
                                .withName("news-instructions")
                                .get(),
                        found -> found != null);
        assertThat(instructions.getData())
                .containsExactly(Map.entry("instructions.md", "Summarise the news every morning"));
        assertThat(pod.getVolumes().get(2).getPersistentVolumeClaim().getClaimName())
                .isEqualTo("news-workspace");

        // the sidecar tool is a native sidecar sharing the workspace, probed on its port
        Container sidecar = pod.getInitContainers().getFirst();
        assertThat(pod.getInitContainers()).hasSize(1);
        assertThat(sidecar.getName()).isEqualTo("tool-email");
        assertThat(sidecar.getRestartPolicy()).isEqualTo("Always");
        assertThat(sidecar.getPorts())
                .singleElement()
                .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(9090));
        assertThat(sidecar.getReadinessProbe().getTcpSocket().getPort().getStrVal())
                .isEqualTo("mcp");
        assertThat(sidecar.getVolumeMounts()).extracting(m -> m.getMountPath()).containsExactly("/workspace");

        var claim = operator.client()
                .persistentVolumeClaims()
                .inNamespace(ns)
                .withName("news-workspace")
                .get();
        assertThat(claim.getSpec().getResources().getRequests().get("storage").toString())
                .isEqualTo("1Gi");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");

        NetworkPolicy policy = operator.client()
                .network()
                .networkPolicies()
                .inNamespace(ns)
                .withName("news-agent")
                .get();
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(policy.getSpec().getEgress()).hasSize(3); // DNS, model proxy, web tool service
        assertThat(policy.getSpec()
                        .getEgress()
                        .get(1)
                        .getTo()
                        .getFirst()
                        .getPodSelector()
                        .getMatchLabels())
                .containsEntry("langop.io/kind", "LanguageModel")
                .containsEntry("app.kubernetes.io/instance", "qwen");
        assertThat(policy.getSpec()
                        .getEgress()
                        .get(1)
                        .getTo()
                        .getFirst()
                        .getNamespaceSelector()
                        .getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", ns);

        // not Ready while the Deployment is not available
        await().untilAsserted(() -> {
            LanguageAgent current = agent(ns, "news");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(AgentPhase.PENDING);
            assertThat(condition(current, "ReferencesResolved")).isEqualTo("True");
            assertThat(condition(current, "Ready")).isEqualTo("False");
        });
        markAvailable(ns, "news-agent", 1);
        await().untilAsserted(() -> {
            LanguageAgent current = agent(ns, "news");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(AgentPhase.RUNNING);
            assertThat(condition(current, "Ready")).isEqualTo("True");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getReadyReplicas()).isEqualTo(1);
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getObservedGeneration())
                    .isEqualTo(current.getMetadata().getGeneration());
        });
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));
    }

    @Test
    void withoutASynthesisModelAnAgentWithInstructionsRunsWithoutCodeAndSaysWhy() {
        String ns = "agents-unsynthesized";
        operator.client().resource(Fixtures.model(ns, "qwen")).create();
        operator.client().resource(Fixtures.agent(ns, "idle", "qwen")).create();

        LanguageAgent agent = await().until(
                        () -> agent(ns, "idle"),
                        a -> a != null && a.getStatus() != null && condition(a, "Synthesized") != null);
        assertThat(agent.getStatus().getConditions())
                .filteredOn(c -> c.getType().equals("Synthesized"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getStatus()).isEqualTo("False");
                    assertThat(c.getReason()).isEqualTo("SynthesisDisabled");
                });
        assertThat(operator.client()
                        .configMaps()
                        .inNamespace(ns)
                        .withName("idle-code")
                        .get())
                .isNull();
        assertThat(java.util.Objects.requireNonNullElse(
                        deployment(ns, "idle-agent")
                                .getSpec()
                                .getTemplate()
                                .getMetadata()
                                .getAnnotations(),
                        Map.<String, String>of()))
                .doesNotContainKey("langop.io/code-hash");
    }

    @Test
    void waitsForMissingReferencesAndProceedsWhenTheyAppear() {
        String ns = "agents-late";
        operator.client()
                .resource(Fixtures.agent(ns, "late", "later-model", "later-tool"))
                .create();

        await().untilAsserted(() -> {
            LanguageAgent current = agent(ns, "late");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(AgentPhase.PENDING);
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getConditions())
                    .filteredOn(c -> c.getType().equals("ReferencesResolved"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.getStatus()).isEqualTo("False");
                        assertThat(c.getMessage())
                                .contains("LanguageModel agents-late/later-model not found")
                                .contains("LanguageTool agents-late/later-tool not found");
                    });
        });
        assertThat(deployment(ns, "late-agent")).isNull();

        operator.client().resource(Fixtures.model(ns, "later-model")).create();
        await().untilAsserted(() -> assertThat(agent(ns, "late").getStatus().getMessage())
                .doesNotContain("later-model")
                .contains("later-tool"));
        operator.client()
                .resource(Fixtures.tool(ns, "later-tool", DeploymentMode.SERVICE, 7000))
                .create();
        Deployment deployment = await().until(() -> deployment(ns, "late-agent"), d -> d != null);
        assertThat(env(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()))
                .containsEntry(AgentEnv.MCP_SERVERS, "http://later-tool-tool.agents-late.svc.cluster.local:7000/mcp");

        // a change of the referenced tool reaches the agent without any change to the agent
        LanguageTool tool = operator.client()
                .resources(LanguageTool.class)
                .inNamespace(ns)
                .withName("later-tool")
                .get();
        tool.getSpec().setPort(7100);
        Edits.replaceSpec(operator.client(), tool);
        await().untilAsserted(() -> assertThat(env(deployment(ns, "late-agent")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()))
                .containsEntry(AgentEnv.MCP_SERVERS, "http://later-tool-tool.agents-late.svc.cluster.local:7100/mcp"));
    }

    @Test
    void switchingExecutionModeReplacesTheWorkloadAndScheduledSidecarsLetJobsComplete() {
        String ns = "agents-mode";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        operator.client()
                .resource(Fixtures.tool(ns, "scraper", DeploymentMode.SIDECAR, 8080))
                .create();
        operator.client().resource(Fixtures.agent(ns, "digest", "m", "scraper")).create();
        await().until(() -> deployment(ns, "digest-agent") != null);

        LanguageAgent agent = agent(ns, "digest");
        agent.getSpec().setExecutionMode(ExecutionMode.SCHEDULED);
        agent.getSpec().setSchedule("0 9 * * MON-FRI");
        Edits.replaceSpec(operator.client(), agent);

        CronJob cronJob = await().until(() -> cronJob(ns, "digest-agent"), c -> c != null);
        await().until(() -> deployment(ns, "digest-agent") == null);
        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("0 9 * * MON-FRI");
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cronJob.getSpec().getJobTemplate().getSpec().getBackoffLimit())
                .isEqualTo(3);
        PodSpec pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("OnFailure");
        assertThat(pod.getContainers()).extracting(Container::getName).containsExactly("agent");
        assertThat(pod.getInitContainers()).singleElement().satisfies(sidecar -> {
            assertThat(sidecar.getName()).isEqualTo("tool-scraper");
            assertThat(sidecar.getRestartPolicy()).isEqualTo("Always");
        });
        assertThat(env(pod.getContainers().getFirst())).containsEntry(AgentEnv.AGENT_MODE, "scheduled");
        await().untilAsserted(() -> {
            LanguageAgent current = agent(ns, "digest");
            assertThat(condition(current, "Ready")).isEqualTo("True");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getReason()).isEqualTo("Scheduled");
        });

        agent = agent(ns, "digest");
        agent.getSpec().setExecutionMode(ExecutionMode.INTERACTIVE);
        agent.getSpec().setSchedule(null);
        Edits.replaceSpec(operator.client(), agent);
        await().until(() -> deployment(ns, "digest-agent") != null && cronJob(ns, "digest-agent") == null);
    }

    @Test
    void anInvalidScheduleIsReportedAndNothingIsCreated() {
        String ns = "agents-invalid";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        LanguageAgent agent = Fixtures.agent(ns, "broken", "m");
        agent.getSpec().setExecutionMode(ExecutionMode.SCHEDULED);
        agent.getSpec().setSchedule("61 * * * *");
        operator.client().resource(agent).create();

        await().untilAsserted(() -> {
            LanguageAgent current = agent(ns, "broken");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(AgentPhase.FAILED);
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getConditions())
                    .filteredOn(c -> c.getType().equals("Ready"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.getReason()).isEqualTo("InvalidSpec");
                        assertThat(c.getMessage()).contains("minute 61 is outside 0-59");
                    });
        });
        assertThat(cronJob(ns, "broken-agent")).isNull();
        assertThat(deployment(ns, "broken-agent")).isNull();
    }

    @Test
    void aDisabledWorkspaceStaysDisabledUserEnvWinsAndSpecChangesPropagate() {
        String ns = "agents-update";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        LanguageAgent agent = Fixtures.agent(ns, "quiet", "m");
        agent.getSpec().setWorkspace(new Workspace());
        agent.getSpec().getWorkspace().setEnabled(false);
        agent.getSpec()
                .setEnv(List.of(new EnvVarBuilder()
                        .withName(AgentEnv.LLM_MODEL)
                        .withValue("m-override")
                        .build()));
        operator.client().resource(agent).create();

        Deployment deployment = await().until(() -> deployment(ns, "quiet-agent"), d -> d != null);
        List<EnvVar> env = deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst()
                .getEnv();
        assertThat(env)
                .filteredOn(e -> e.getName().equals(AgentEnv.LLM_MODEL))
                .singleElement()
                .satisfies(e -> assertThat(e.getValue()).isEqualTo("m-override"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(volume -> volume.getName().equals("workspace"))
                .singleElement()
                .as("a disabled workspace is no claim, only the pod's own emptyDir")
                .satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
        assertThat(operator.client()
                        .persistentVolumeClaims()
                        .inNamespace(ns)
                        .withName("quiet-workspace")
                        .get())
                .isNull();
        await().until(() -> agent(ns, "quiet").getStatus() != null);
        assertThat(agent(ns, "quiet").getSpec().getWorkspace().getEnabled()).isFalse();

        agent = agent(ns, "quiet");
        agent.getSpec().setImage("ghcr.io/langop/langop-agent:v2");
        agent.getSpec().setReplicas(3);
        Edits.replaceSpec(operator.client(), agent);
        await().untilAsserted(() -> {
            Deployment updated = deployment(ns, "quiet-agent");
            assertThat(updated.getSpec().getReplicas()).isEqualTo(3);
            assertThat(updated.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .getFirst()
                            .getImage())
                    .isEqualTo("ghcr.io/langop/langop-agent:v2");
        });
    }

    @Test
    void aModelAToolAndAnAgentOfTheSameNameDoNotCollide() {
        String ns = "agents-names";
        operator.client().resource(Fixtures.model(ns, "same")).create();
        operator.client()
                .resource(Fixtures.tool(ns, "same", DeploymentMode.SERVICE, 8080))
                .create();
        operator.client().resource(Fixtures.agent(ns, "same", "same", "same")).create();

        await().untilAsserted(() -> assertThat(operator.client()
                        .apps()
                        .deployments()
                        .inNamespace(ns)
                        .list()
                        .getItems())
                .extracting(d -> d.getMetadata().getName() + " owned by "
                        + d.getMetadata().getOwnerReferences().getFirst().getKind())
                .containsExactlyInAnyOrder(
                        "same-model owned by LanguageModel",
                        "same-tool owned by LanguageTool",
                        "same-agent owned by LanguageAgent"));
        assertThat(operator.client().services().inNamespace(ns).list().getItems())
                .extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("same-model", "same-tool");
    }

    @Test
    void sidecarToolEgressJoinsTheAgentPolicyAndUnresolvableNamesAllowNothing() {
        String ns = "agents-egress";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        LanguageTool mailer = Fixtures.tool(ns, "mailer", DeploymentMode.SIDECAR, 8080);
        io.langop.api.v1alpha1.NetworkRule smtp = new io.langop.api.v1alpha1.NetworkRule();
        smtp.setTo(new io.langop.api.v1alpha1.NetworkPeer());
        smtp.getTo().setCidr("192.0.2.25/32");
        io.langop.api.v1alpha1.NetworkPort port = new io.langop.api.v1alpha1.NetworkPort();
        port.setPort(587);
        smtp.setPorts(List.of(port));
        mailer.getSpec().setEgress(List.of(smtp));
        operator.client().resource(mailer).create();
        LanguageAgent agent = Fixtures.agent(ns, "notifier", "m", "mailer");
        io.langop.api.v1alpha1.NetworkRule news = new io.langop.api.v1alpha1.NetworkRule();
        news.setTo(new io.langop.api.v1alpha1.NetworkPeer());
        news.getTo().setDns(List.of("news.invalid"));
        news.setPorts(List.of(port));
        agent.getSpec().setEgress(List.of(news));
        operator.client().resource(agent).create();

        await().untilAsserted(() -> {
            LanguageAgent current = agent(ns, "notifier");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getMessage())
                    .contains("news.invalid does not resolve")
                    .contains("egress[0] has no reachable destination and allows nothing");
        });
        NetworkPolicy policy = operator.client()
                .network()
                .networkPolicies()
                .inNamespace(ns)
                .withName("notifier-agent")
                .get();
        // DNS, the model proxy, then only the sidecar's SMTP rule: no rule for the name that did not resolve
        assertThat(policy.getSpec().getEgress()).hasSize(3);
        assertThat(policy.getSpec().getEgress().get(2).getTo())
                .extracting(p -> p.getIpBlock().getCidr())
                .containsExactly("192.0.2.25/32");
        assertThat(policy.getSpec().getEgress().subList(1, 3))
                .allSatisfy(rule -> assertThat(rule.getTo())
                        .as("besides DNS, a rule with ports but no peer would allow every address")
                        .isNotEmpty());
    }

    @Test
    void theMemoryStoresEgressRuleJoinsTheAgentPolicy() {
        String ns = "agents-memory";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        LanguageAgent agent = Fixtures.agent(ns, "remembers", "m");
        io.langop.api.v1alpha1.agent.MemoryStore store = new io.langop.api.v1alpha1.agent.MemoryStore();
        store.setType(io.langop.api.v1alpha1.agent.MemoryStoreType.REDIS);
        io.langop.api.v1alpha1.SecretKeyReference secret = new io.langop.api.v1alpha1.SecretKeyReference();
        secret.setName("redis-credentials");
        store.setConnectionSecretRef(secret);
        io.langop.api.v1alpha1.NetworkRule redis = new io.langop.api.v1alpha1.NetworkRule();
        redis.setTo(new io.langop.api.v1alpha1.NetworkPeer());
        redis.getTo().setCidr("192.0.2.63/32");
        io.langop.api.v1alpha1.NetworkPort port = new io.langop.api.v1alpha1.NetworkPort();
        port.setPort(6379);
        redis.setPorts(List.of(port));
        store.setEgress(redis);
        agent.getSpec().setMemoryStore(store);
        operator.client().resource(agent).create();

        await().untilAsserted(() -> assertThat(operator.client()
                        .network()
                        .networkPolicies()
                        .inNamespace(ns)
                        .withName("remembers-agent")
                        .get())
                .isNotNull());
        NetworkPolicy policy = operator.client()
                .network()
                .networkPolicies()
                .inNamespace(ns)
                .withName("remembers-agent")
                .get();
        // DNS, the model proxy, the store
        assertThat(policy.getSpec().getEgress()).hasSize(3);
        assertThat(policy.getSpec().getEgress().get(2)).satisfies(rule -> {
            assertThat(rule.getTo()).extracting(p -> p.getIpBlock().getCidr()).containsExactly("192.0.2.63/32");
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(6379);
        });
    }

    @Test
    void interactiveAgentsServeOnTheirOwnPortWithProbesBehindAServiceBesideADefaultPortSidecar() {
        String ns = "agents-http";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        operator.client()
                .resource(Fixtures.tool(ns, "fetch", DeploymentMode.SIDECAR, 8080))
                .create();
        LanguageAgent agent = Fixtures.agent(ns, "helper", "m", "fetch");
        agent.getSpec().setExecutionMode(ExecutionMode.INTERACTIVE);
        operator.client().resource(agent).create();

        Deployment deployment = await().until(() -> deployment(ns, "helper-agent"), d -> d != null);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8000);
        });
        assertThat(env(container)).containsEntry("PORT", "8000");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
                .isEqualTo("http");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(pod.getInitContainers())
                .singleElement()
                .satisfies(sidecar -> assertThat(sidecar.getPorts().getFirst().getContainerPort())
                        .isEqualTo(8080));

        Service service = await().until(() -> service(ns, "helper-agent"), s -> s != null);
        assertThat(service.getSpec().getSelector())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getPort()).isEqualTo(8000);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertThat(service.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> assertThat(owner.getName()).isEqualTo("helper"));
        markAvailable(ns, "helper-agent", 1);
        await().until(() -> AgentPhase.RUNNING == phase(ns, "helper"));
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));

        // a user PORT moves the container port, the probes' target and the Service together
        agent = agent(ns, "helper");
        agent.getSpec().setExecutionMode(ExecutionMode.EVENT_DRIVEN);
        agent.getSpec()
                .setEnv(List.of(
                        new EnvVarBuilder().withName("PORT").withValue("9000").build()));
        Edits.replaceSpec(operator.client(), agent);
        await().untilAsserted(() -> {
            assertThat(service(ns, "helper-agent")
                            .getSpec()
                            .getPorts()
                            .getFirst()
                            .getPort())
                    .isEqualTo(9000);
            Container updated = deployment(ns, "helper-agent")
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .getFirst();
            assertThat(updated.getPorts().getFirst().getContainerPort()).isEqualTo(9000);
            assertThat(env(updated)).containsEntry("PORT", "9000").containsEntry(AgentEnv.AGENT_MODE, "event-driven");
        });

        // autonomous agents take no requests: probes stay, the Service goes
        agent = agent(ns, "helper");
        agent.getSpec().setExecutionMode(ExecutionMode.AUTONOMOUS);
        Edits.replaceSpec(operator.client(), agent);
        await().until(() -> service(ns, "helper-agent") == null);
        assertThat(deployment(ns, "helper-agent")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getReadinessProbe())
                .isNotNull();

        // scheduled agents exit after their run: no port, no probes, no PORT
        agent = agent(ns, "helper");
        agent.getSpec().setExecutionMode(ExecutionMode.SCHEDULED);
        agent.getSpec().setSchedule("0 * * * *");
        agent.getSpec().setEnv(null);
        Edits.replaceSpec(operator.client(), agent);
        CronJob cronJob = await().until(() -> cronJob(ns, "helper-agent"), c -> c != null);
        Container scheduled = cronJob.getSpec()
                .getJobTemplate()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst();
        assertThat(scheduled.getPorts()).isEmpty();
        assertThat(scheduled.getReadinessProbe()).isNull();
        assertThat(scheduled.getLivenessProbe()).isNull();
        assertThat(env(scheduled)).doesNotContainKey("PORT");
    }

    @Test
    void sidecarsThatCollideWithTheAgentOrEachOtherFailTheAgentUntilMoved() {
        String ns = "agents-ports";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        operator.client()
                .resource(Fixtures.tool(ns, "first", DeploymentMode.SIDECAR, 8000))
                .create();
        operator.client()
                .resource(Fixtures.tool(ns, "second", DeploymentMode.SIDECAR, 8000))
                .create();
        operator.client()
                .resource(Fixtures.agent(ns, "busy", "m", "first", "second"))
                .create();

        await().untilAsserted(() -> {
            LanguageAgent current = agent(ns, "busy");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(AgentPhase.FAILED);
            assertThat(current.getStatus().getReason()).isEqualTo("PortConflict");
            assertThat(current.getStatus().getMessage())
                    .contains("sidecar tool first listens on port 8000, which the agent already uses")
                    .contains("sidecar tool second listens on port 8000, which the agent already uses");
        });
        assertThat(deployment(ns, "busy-agent")).isNull();

        LanguageTool first = operator.client()
                .resources(LanguageTool.class)
                .inNamespace(ns)
                .withName("first")
                .get();
        first.getSpec().setPort(9100);
        Edits.replaceSpec(operator.client(), first);
        await().untilAsserted(
                        () -> assertThat(agent(ns, "busy").getStatus().getMessage())
                                .isEqualTo(
                                        "sidecar tool second listens on port 8000, which the agent already uses; give the tool another spec.port"));
        LanguageTool second = operator.client()
                .resources(LanguageTool.class)
                .inNamespace(ns)
                .withName("second")
                .get();
        second.getSpec().setPort(9100);
        Edits.replaceSpec(operator.client(), second);
        await().untilAsserted(() -> assertThat(agent(ns, "busy").getStatus().getMessage())
                .contains("sidecar tool second listens on port 9100, which sidecar tool first already uses"));
        second.getSpec().setPort(9200);
        Edits.replaceSpec(operator.client(), second);
        await().until(() -> deployment(ns, "busy-agent") != null);
        // the status is written after the workflow that created the Deployment
        await().untilAsserted(() ->
                assertThat(agent(ns, "busy").getStatus().getReason()).isNotEqualTo("PortConflict"));
    }

    @Test
    void aPortTheOperatorCannotReadIsAnInvalidSpec() {
        String ns = "agents-badport";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        LanguageAgent agent = Fixtures.agent(ns, "odd", "m");
        agent.getSpec()
                .setEnv(List.of(
                        new EnvVarBuilder().withName("PORT").withValue("http").build()));
        operator.client().resource(agent).create();
        await().untilAsserted(() -> {
            LanguageAgent current = agent(ns, "odd");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getReason()).isEqualTo("InvalidSpec");
            assertThat(current.getStatus().getMessage()).contains("spec.env PORT must be a literal port number");
        });
        assertThat(deployment(ns, "odd-agent")).isNull();
    }

    @Test
    void egressToAServiceAllowsThePodsItSelectsAndAMissingServiceAllowsNothing() {
        String ns = "agents-svc-egress";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        operator.client()
                .services()
                .inNamespace("databases")
                .resource(new io.fabric8.kubernetes.api.model.ServiceBuilder()
                        .withNewMetadata()
                        .withName("postgres")
                        .withNamespace("databases")
                        .endMetadata()
                        .withNewSpec()
                        .withSelector(Map.of("app", "postgres"))
                        .addNewPort()
                        .withPort(5432)
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        LanguageAgent agent = Fixtures.agent(ns, "reporter", "m");
        agent.getSpec().setEgress(List.of(toService("postgres", "databases", 5432), toService("cache", null, 6379)));
        operator.client().resource(agent).create();

        await().untilAsserted(() -> {
            LanguageAgent current = agent(ns, "reporter");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getMessage())
                    .contains("egress[1]: Service agents-svc-egress/cache not found")
                    .contains("egress[1] has no reachable destination and allows nothing");
        });
        NetworkPolicy policy = operator.client()
                .network()
                .networkPolicies()
                .inNamespace(ns)
                .withName("reporter-agent")
                .get();
        // DNS, the model proxy, the Service's pods; nothing for the Service that does not exist
        assertThat(policy.getSpec().getEgress()).hasSize(3);
        var toPostgres = policy.getSpec().getEgress().get(2);
        assertThat(toPostgres.getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .isEqualTo(Map.of("kubernetes.io/metadata.name", "databases"));
            assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(Map.of("app", "postgres"));
        });
        assertThat(toPostgres.getPorts())
                .singleElement()
                .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(5432));
    }

    private static io.langop.api.v1alpha1.NetworkRule toService(String name, String namespace, int port) {
        io.langop.api.v1alpha1.ServiceReference service = new io.langop.api.v1alpha1.ServiceReference();
        service.setName(name);
        service.setNamespace(namespace);
        io.langop.api.v1alpha1.NetworkRule rule = new io.langop.api.v1alpha1.NetworkRule();
        rule.setTo(new io.langop.api.v1alpha1.NetworkPeer());
        rule.getTo().setService(service);
        io.langop.api.v1alpha1.NetworkPort networkPort = new io.langop.api.v1alpha1.NetworkPort();
        networkPort.setPort(port);
        rule.setPorts(List.of(networkPort));
        return rule;
    }

    /** The variables with a value of their own (the agent's key comes from its Secret). */
    static Map<String, String> env(Container container) {
        return container.getEnv().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    static String condition(LanguageAgent agent, String type) {
        return agent.getStatus().getConditions().stream()
                .filter(c -> c.getType().equals(type))
                .map(c -> c.getStatus())
                .findFirst()
                .orElse(null);
    }

    @Test
    void aPodThatWaitsForAMissingSecretIsTheAgentsConditionUntilItRuns() {
        String ns = "agents-stuck-pods";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        operator.client().resource(Fixtures.agent(ns, "chat", "m")).create();
        await().until(() -> deployment(ns, "chat-agent"), d -> d != null);
        String missing = "secret \"redis-memory\" not found";

        podOf(ns, "chat", "chat-agent-5d8f-x1", "CreateContainerConfigError", missing);
        await().untilAsserted(() -> {
            LanguageAgent agent = agent(ns, "chat");
            assertThat(agent.getStatus().getPhase()).isEqualTo(AgentPhase.PENDING);
            assertThat(agent.getStatus().getConditions())
                    .filteredOn(c -> c.getType().equals("Ready"))
                    .singleElement()
                    .satisfies(ready -> {
                        assertThat(ready.getStatus()).isEqualTo("False");
                        assertThat(ready.getReason()).isEqualTo("CreateContainerConfigError");
                        assertThat(ready.getMessage())
                                .isEqualTo("deployment 0/1 replicas ready; " + stuck("chat-agent-5d8f-x1", missing));
                    });
        });

        // the Secret is made: the container starts and the Deployment is available
        podOf(ns, "chat", "chat-agent-5d8f-x1", null, null);
        markAvailable(ns, "chat-agent", 1);
        await().until(() -> phase(ns, "chat") == AgentPhase.RUNNING);

        // a scheduled agent's run that cannot start makes it not ready either
        LanguageAgent nightly = Fixtures.agent(ns, "nightly", "m");
        nightly.getSpec().setExecutionMode(ExecutionMode.SCHEDULED);
        nightly.getSpec().setSchedule("0 * * * *");
        operator.client().resource(nightly).create();
        await().until(() -> cronJob(ns, "nightly-agent"), c -> c != null);
        await().until(() -> phase(ns, "nightly") == AgentPhase.RUNNING);
        podOf(ns, "nightly", "nightly-agent-29001-abcde", "CreateContainerConfigError", missing);
        await().untilAsserted(() -> assertThat(agent(ns, "nightly").getStatus().getMessage())
                .isEqualTo("scheduled '0 * * * *', but a run cannot start: "
                        + stuck("nightly-agent-29001-abcde", missing)));
        assertThat(condition(agent(ns, "nightly"), "Ready")).isEqualTo("False");
        operator.client()
                .pods()
                .inNamespace(ns)
                .withName("nightly-agent-29001-abcde")
                .delete();
        await().until(() -> phase(ns, "nightly") == AgentPhase.RUNNING);
        assertThat(condition(agent(ns, "nightly"), "Ready")).isEqualTo("True");
    }

    private static String stuck(String pod, String message) {
        return "pod " + pod + " container agent: CreateContainerConfigError: " + message;
    }

    /**
     * An agent's pod, as the kubelet reports it: its agent container waits for {@code reason}, or runs when the
     * reason is null.
     */
    private static void podOf(String ns, String agent, String name, String reason, String message) {
        var state = new io.fabric8.kubernetes.api.model.ContainerStateBuilder();
        if (reason == null) {
            state.withNewRunning().withStartedAt("2026-12-06T10:00:00Z").endRunning();
        } else {
            state.withNewWaiting().withReason(reason).withMessage(message).endWaiting();
        }
        io.fabric8.kubernetes.api.model.Pod pod = new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .withLabels(Map.of(
                        "langop.io/kind", "LanguageAgent",
                        "app.kubernetes.io/instance", agent,
                        "app.kubernetes.io/managed-by", "langop-operator"))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("agent")
                .withImage("ghcr.io/langop/langop-agent:test")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .addNewContainerStatus()
                .withName("agent")
                .withState(state.build())
                .endContainerStatus()
                .endStatus()
                .build();
        operator.client().resource(pod).createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
    }

    private static void markAvailable(String ns, String name, int replicas) {
        Deployment deployment = deployment(ns, name);
        deployment.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(replicas)
                .withReadyReplicas(replicas)
                .withAvailableReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .build());
        operator.client().resource(deployment).updateStatus();
    }

    @Test
    void aRefusedDeploymentIsInTheStatusUntilItGoesThrough() {
        String ns = "agents-refused";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        try (var refusal = ReconcileFailures.refuseCreating(operator.api(), ns, "deployments")) {
            operator.client().resource(Fixtures.agent(ns, "news", "m")).create();
            var condition = ReconcileFailures.awaitRecorded(operator.client(), LanguageAgent.class, ns, "news");
            assertThat(condition.getMessage()).startsWith("deployment: API server answered 403 for deployments: ");
            assertThat(deployment(ns, "news-agent")).isNull();
        }
        ReconcileFailures.awaitCleared(operator.client(), LanguageAgent.class, ns, "news");
        assertThat(deployment(ns, "news-agent")).isNotNull();
    }

    private static LanguageAgent agent(String ns, String name) {
        return operator.client()
                .resources(LanguageAgent.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private static Deployment deployment(String ns, String name) {
        return operator.client()
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private static Service service(String ns, String name) {
        return operator.client().services().inNamespace(ns).withName(name).get();
    }

    private static AgentPhase phase(String ns, String name) {
        LanguageAgent current = agent(ns, name);
        return current.getStatus() == null ? null : current.getStatus().getPhase();
    }

    private static CronJob cronJob(String ns, String name) {
        return operator.client()
                .batch()
                .v1()
                .cronjobs()
                .inNamespace(ns)
                .withName(name)
                .get();
    }
}
