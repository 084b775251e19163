package io.langop.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.langop.api.v1alpha1.agent.AgentObservability;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentSpec;
import io.langop.api.v1alpha1.agent.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The original could not express {@code false} for a field that defaults to {@code true}: the
 * operator wrote the object back without it and the API server defaulted it to {@code true} again.
 * Nullable {@link Boolean}s keep an explicit {@code false} on the wire and leave an unset field
 * unset, so defaulting only fills what the user did not say.
 */
class DefaultTrueBooleanTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @Test
    void falseSurvivesSerializationAndApiServerDefaulting() {
        LanguageAgent agent = agentWith(disabledWorkspace(), toolRef("web", false), toolRef("email", null));

        JsonNode sent = schemaDefaulted(SERIALIZATION.asJson(agent));
        LanguageAgent read = SERIALIZATION.unmarshal(sent.toString(), LanguageAgent.class);

        assertThat(read.getSpec().getWorkspace().getEnabled()).isFalse();
        assertThat(read.getSpec().getObservability().getMetrics()).isFalse();
        assertThat(read.getSpec().getToolRefs().get(0).getEnabled()).isFalse();
        assertThat(read.getSpec().getToolRefs().get(1).getEnabled())
                .as("unset, so the schema default applies")
                .isTrue();
    }

    @Test
    void unsetBooleansAreNotWrittenSoTheyCannotOverrideAnything() {
        LanguageAgent agent = agentWith(disabledWorkspace(), toolRef("email", null));

        JsonNode written = SERIALIZATION.convertValue(agent, JsonNode.class);

        assertThat(written.at("/spec/toolRefs/0").has("enabled")).isFalse();
        assertThat(written.at("/spec/workspace/enabled").isBoolean()).isTrue();
        assertThat(written.at("/spec/workspace/enabled").asBoolean()).isFalse();
    }

    private static JsonNode schemaDefaulted(String json) {
        JsonNode object = SERIALIZATION.unmarshal(json, JsonNode.class);
        return CrdSchemaValidator.schemaOf(object.path("kind").asText()).defaulted(object);
    }

    private static LanguageAgent agentWith(Workspace workspace, ToolReference... tools) {
        LanguageAgentSpec spec = new LanguageAgentSpec();
        spec.setImage("ghcr.io/langop/langop-agent:0.1.0");
        spec.setInstructions("Say hello.");
        ModelReference model = new ModelReference();
        model.setName("gpt");
        spec.setModelRefs(List.of(model));
        spec.setToolRefs(List.of(tools));
        spec.setWorkspace(workspace);
        AgentObservability observability = new AgentObservability();
        observability.setMetrics(false);
        spec.setObservability(observability);
        LanguageAgent agent = new LanguageAgent();
        agent.setMetadata(
                new ObjectMetaBuilder().withName("hello").withNamespace("demo").build());
        agent.setSpec(spec);
        return agent;
    }

    private static Workspace disabledWorkspace() {
        Workspace workspace = new Workspace();
        workspace.setEnabled(false);
        return workspace;
    }

    private static ToolReference toolRef(String name, Boolean enabled) {
        ToolReference ref = new ToolReference();
        ref.setName(name);
        ref.setEnabled(enabled);
        return ref;
    }
}
