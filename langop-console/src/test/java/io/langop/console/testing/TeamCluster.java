package io.langop.console.testing;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A LanguageCluster {@code ops} in namespace {@code team} as the operator would leave it, for the dashboard to
 * show: agents {@code digest} (running, new code on trial: {@code digest-code} differs from {@code
 * digest-good-code}) and {@code broken} (failed), {@code stranger} in the namespace but in no cluster, a model, a
 * tool with its catalog, a persona, a pod of {@code digest} still on the last good code with a log, and events.
 */
public final class TeamCluster {

    public static final String NAMESPACE = "team";
    public static final String CLUSTER = "ops";
    public static final String POD = "digest-agent-7f9c";
    public static final String GOOD_CODE = """
            package agents;

            public class Agent {
                String schedule = "0 8 * * *";
                String prompt = "Summarise the news";
            }
            """;
    public static final String NEW_CODE = """
            package agents;

            public class Agent {
                String schedule = "0 8 * * *";
                String prompt = "Summarise the news in three bullet points";
                int maxItems = 3;
            }
            """;

    private final KubernetesClient client;

    public TeamCluster(KubernetesClient client) {
        this.client = client;
    }

    public TeamCluster create(TestKubernetes kubernetes) {
        String today = Instant.now().truncatedTo(ChronoUnit.DAYS).toString();
        put(LanguageCluster.class, """
                apiVersion: langop.io/v1alpha1
                kind: LanguageCluster
                metadata: {name: ops, namespace: team}
                spec: {dashboard: {enabled: true}}
                status:
                  phase: Ready
                  agents: 2
                  metrics: {totalRequests: 1234, failedRequests: 5, executions: 42, successfulExecutions: 40}
                  costMetrics: {totalCost: 0.42, currency: USD, lastReset: "%s"}
                """.formatted(today));
        put(LanguageAgent.class, """
                apiVersion: langop.io/v1alpha1
                kind: LanguageAgent
                metadata: {name: digest, namespace: team}
                spec: {clusterRef: ops, instructions: Summarise the news every morning}
                status:
                  phase: Running
                  message: the new code runs on trial
                  executionCount: 10
                  successfulExecutions: 9
                  failedExecutions: 1
                  lastExecutionTime: "2026-12-06T08:00:00Z"
                  lastExecutionResult: Succeeded
                  metrics: {successRate: 90.0, totalTokens: 51200}
                  costMetrics: {totalCost: 0.31, currency: USD, modelCosts: [{modelName: gpt, cost: 0.31, currency: USD}]}
                  conditions:
                    - {type: Ready, status: "True", reason: Running, message: 1/1 pods ready, lastTransitionTime: "2026-12-06T07:00:00Z"}
                    - {type: CodeUpdated, status: "True", reason: CodeUpdated, message: ConfigMap digest-code holds new code, lastTransitionTime: "2026-12-06T07:00:00Z"}
                """);
        put(LanguageAgent.class, """
                apiVersion: langop.io/v1alpha1
                kind: LanguageAgent
                metadata: {name: broken, namespace: team}
                spec: {clusterRef: ops, instructions: Check the invoices}
                status:
                  phase: Failed
                  message: no valid code after 3 attempt(s)
                  conditions:
                    - {type: Ready, status: "False", reason: SynthesisFailed, message: no valid code after 3 attempt(s), lastTransitionTime: "2026-12-06T07:00:00Z"}
                """);
        put(LanguageAgent.class, """
                apiVersion: langop.io/v1alpha1
                kind: LanguageAgent
                metadata: {name: stranger, namespace: team}
                spec: {instructions: Not in the cluster}
                """);
        put(LanguageModel.class, """
                apiVersion: langop.io/v1alpha1
                kind: LanguageModel
                metadata: {name: gpt, namespace: team}
                spec: {clusterRef: ops, provider: openai, modelName: gpt-4o-mini}
                status:
                  phase: Ready
                  healthy: true
                  metrics: {totalRequests: 1234, failedRequests: 5, averageLatency: 812, p95Latency: 2100, totalTokens: 90210}
                  costMetrics: {totalCost: 0.42, currency: USD}
                """);
        put(LanguageTool.class, """
                apiVersion: langop.io/v1alpha1
                kind: LanguageTool
                metadata: {name: web, namespace: team}
                spec: {clusterRef: ops, image: ghcr.io/langop/langop-tool-web:latest}
                status:
                  phase: Running
                  endpoint: http://web-tool.team.svc.cluster.local:8080/mcp
                  availableTools:
                    - {name: web_search, description: Searches the web}
                    - {name: fetch_page, description: Reads a page as text}
                  conditions:
                    - {type: Ready, status: "True", reason: Available, message: 1/1 ready}
                """);
        put(LanguagePersona.class, """
                apiVersion: langop.io/v1alpha1
                kind: LanguagePersona
                metadata: {name: analyst, namespace: team}
                spec: {clusterRef: ops, description: A careful analyst who cites sources, tone: professional}
                status: {phase: Ready, activeAgents: [digest]}
                """);
        client.configMaps().resource(configMap("digest-good-code", GOOD_CODE)).create();
        client.configMaps().resource(configMap("digest-code", NEW_CODE)).create();
        client.pods()
                .resource(client.getKubernetesSerialization()
                        .unmarshal("""
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: digest-agent-7f9c
                          namespace: team
                          labels: {langop.io/kind: LanguageAgent, app.kubernetes.io/instance: digest}
                          annotations: {langop.io/code-hash: %s}
                        spec: {containers: [{name: agent, image: ghcr.io/langop/langop-agent:latest}]}
                        status:
                          phase: Running
                          containerStatuses: [{name: agent, ready: true, restartCount: 0, image: x, imageID: x}]
                        """.formatted(sha256(GOOD_CODE)), io.fabric8.kubernetes.api.model.Pod.class))
                .create();
        kubernetes.log(POD, "08:00:01 run started\n08:00:03 fetched 12 headlines\n08:00:05 digest written\n");
        event("digest", "CodeUpdated", "Normal", "new code 3f2a1b written to digest-code");
        event("broken", "SynthesisFailed", "Warning", "no valid code after 3 attempt(s)");
        return this;
    }

    /** Posts an event about agent {@code agent}, as the operator does. */
    public void event(String agent, String reason, String type, String message) {
        Instant now = Instant.now();
        client.v1()
                .events()
                .resource(new EventBuilder()
                        .withNewMetadata()
                        .withName(agent + "." + UUID.randomUUID())
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withNewInvolvedObject()
                        .withKind("LanguageAgent")
                        .withName(agent)
                        .withNamespace(NAMESPACE)
                        .endInvolvedObject()
                        .withReason(reason)
                        .withType(type)
                        .withMessage(message)
                        .withLastTimestamp(now.toString())
                        .withCount(1)
                        .build())
                .create();
    }

    /** Sets an agent's phase as the operator does: through the status subresource. */
    public void phase(String agent, AgentPhase phase, String message) {
        client.resources(LanguageAgent.class)
                .inNamespace(NAMESPACE)
                .withName(agent)
                .editStatus(edited -> {
                    edited.getStatus().setPhase(phase);
                    edited.getStatus().setMessage(message);
                    return edited;
                });
    }

    /** As the operator computes the hash it annotates pods with. */
    public static String sha256(String source) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(source.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T extends HasMetadata> void put(Class<T> type, String yaml) {
        T wanted = client.getKubernetesSerialization().unmarshal(yaml, type);
        T created = client.resource(wanted).create();
        wanted.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
        client.resource(wanted).updateStatus();
    }

    private static io.fabric8.kubernetes.api.model.ConfigMap configMap(String name, String code) {
        return new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .addToData("Agent.java", code)
                .build();
    }
}
