package io.langop.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.langop.api.v1alpha1.agent.AgentCostMetrics;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.tool.LanguageTool;
import org.junit.jupiter.api.Test;

/**
 * The specs, statuses and references keep their shared fields in base classes; a manifest must still
 * read into the same getters and write back unchanged, as the operator and the API server see it.
 */
class InheritedFieldsRoundTripTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @Test
    void clientReadsAndWritesFieldsOfEveryLevel() {
        String manifest = """
        apiVersion: langop.io/v1alpha1
        kind: LanguageClient
        metadata: {name: chat, namespace: team}
        spec:
          clusterRef: main
          image: ghcr.io/example/chat:1
          podLabels: {tier: front}
          port: 9090
          serviceType: NodePort
          livenessProbe: {httpGet: {path: /healthz, port: 9090}}
          replicas: 3
          modelRefs: [{name: gpt, namespace: shared, role: fallback}]
          agentRefs: [{name: helper, displayName: Helper}]
        status:
          phase: Running
          readyReplicas: 2
          url: http://chat.team
          observedGeneration: 4
        """;

        LanguageClient client = SERIALIZATION.unmarshal(manifest, LanguageClient.class);

        assertThat(client.getSpec().getClusterRef()).isEqualTo("main");
        assertThat(client.getSpec().getImage()).isEqualTo("ghcr.io/example/chat:1");
        assertThat(client.getSpec().getPodLabels()).containsEntry("tier", "front");
        assertThat(client.getSpec().getPort()).isEqualTo(9090);
        assertThat(client.getSpec().getServiceType()).isEqualTo(ServiceType.NODE_PORT);
        assertThat(client.getSpec().getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(client.getSpec().getReplicas()).isEqualTo(3);
        ModelReference model = client.getSpec().getModelRefs().getFirst();
        assertThat(model.getName()).isEqualTo("gpt");
        assertThat(model.getNamespace()).isEqualTo("shared");
        assertThat(model.getRole()).isEqualTo(ModelRole.FALLBACK);
        assertThat(client.getSpec().getAgentRefs().getFirst().getName()).isEqualTo("helper");
        assertThat(client.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(client.getStatus().getObservedGeneration()).isEqualTo(4L);
        assertThat(writtenBack(client)).isEqualTo(SERIALIZATION.unmarshal(manifest, JsonNode.class));
    }

    @Test
    void agentAndToolReadAndWriteTheirSharedPodSettings() {
        String agentManifest = """
        apiVersion: langop.io/v1alpha1
        kind: LanguageAgent
        metadata: {name: digest, namespace: team}
        spec:
          image: ghcr.io/example/agent:1
          imagePullPolicy: Always
          env: [{name: TZ, value: UTC}]
          serviceAccountName: digest
          modelRefs: [{name: gpt}]
          personaRef: {name: analyst}
          instructions: summarise the news
        status:
          costMetrics: {totalCost: 1.5, currency: EUR, modelCosts: [{modelName: gpt, cost: 1.5}]}
        """;
        String toolManifest = """
        apiVersion: langop.io/v1alpha1
        kind: LanguageTool
        metadata: {name: web, namespace: team}
        spec:
          image: ghcr.io/example/web:1
          deploymentMode: sidecar
          resources: {limits: {memory: 256Mi}}
          podDisruptionBudget: {minAvailable: 1}
        status:
          availableReplicas: 1
        """;

        LanguageAgent agent = SERIALIZATION.unmarshal(agentManifest, LanguageAgent.class);
        LanguageTool tool = SERIALIZATION.unmarshal(toolManifest, LanguageTool.class);

        assertThat(agent.getSpec().getImagePullPolicy()).isEqualTo(ImagePullPolicy.ALWAYS);
        assertThat(agent.getSpec().getEnv().getFirst().getValue()).isEqualTo("UTC");
        assertThat(agent.getSpec().getServiceAccountName()).isEqualTo("digest");
        assertThat(agent.getSpec().getPersonaRef().getName()).isEqualTo("analyst");
        AgentCostMetrics cost = agent.getStatus().getCostMetrics();
        assertThat(cost.getTotalCost()).isEqualTo(1.5);
        assertThat(cost.getCurrency()).isEqualTo("EUR");
        assertThat(tool.getSpec().getResources().getLimits()).containsKey("memory");
        assertThat(tool.getSpec().getPodDisruptionBudget().getMinAvailable().getIntVal())
                .isEqualTo(1);
        assertThat(tool.getStatus().getAvailableReplicas()).isEqualTo(1);
        assertThat(writtenBack(agent)).isEqualTo(SERIALIZATION.unmarshal(agentManifest, JsonNode.class));
        assertThat(writtenBack(tool)).isEqualTo(SERIALIZATION.unmarshal(toolManifest, JsonNode.class));
    }

    private static JsonNode writtenBack(Object resource) {
        return SERIALIZATION.unmarshal(SERIALIZATION.asYaml(resource), JsonNode.class);
    }
}
