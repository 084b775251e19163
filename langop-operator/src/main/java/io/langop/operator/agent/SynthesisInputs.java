package io.langop.operator.agent;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.SynthesisSpec;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.synthesis.SynthesisRequest;
import io.langop.operator.synthesis.SynthesisTarget;
import io.langop.operator.synthesis.ToolDescriptor;
import io.langop.operator.synthesis.ToolSource;
import io.langop.operator.tool.ToolEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * An agent and the objects it references, as far as they decide its code: the fingerprint that tells
 * whether the code in place was written from them, and the request a new synthesis starts from.
 *
 * @param models the agent's models in preference order
 * @param persona the agent's persona, null when it has none
 */
record SynthesisInputs(
        LanguageAgent agent, List<LanguageModel> models, List<LanguageTool> tools, LanguagePersona persona) {

    boolean hasInstructions() {
        String instructions = agent.getSpec().getInstructions();
        return instructions != null && !instructions.isBlank();
    }

    /** Taken from the resources only, never from a server's answer, so a restart finds the same fingerprint. */
    SynthesisFingerprint fingerprint(String promptVersion) {
        return new SynthesisFingerprint(
                agent.getSpec().getInstructions(),
                tools.stream()
                        .map(tool -> tool.getMetadata().getName() + " " + Serialization.asJson(tool.getSpec()))
                        .toList(),
                modelNames(),
                persona == null ? "" : Serialization.asJson(persona.getSpec()),
                promptVersion);
    }

    SynthesisRequest request(Optional<SynthesisTarget> target) {
        var spec = agent.getSpec();
        return new SynthesisRequest(
                agent.getMetadata().getName(),
                agent.getMetadata().getNamespace(),
                spec.getInstructions(),
                modelNames(),
                Optional.ofNullable(spec.getSchedule()),
                target,
                Optional.ofNullable(persona)
                        .map(p -> new SynthesisRequest.PersonaSource(
                                p.getMetadata().getName(), Serialization.asJson(p.getSpec()))),
                tools.stream().map(SynthesisInputs::toolSource).toList(),
                Optional.ofNullable(spec.getSynthesis()).map(SynthesisSpec::getMaxRepairAttempts));
    }

    /**
     * {@code spec.synthesis.modelRef}: that LanguageModel's proxy writes the agent; empty for the
     * operator's default LLM. A model the agent does not otherwise use is read from the API server.
     *
     * @throws IllegalArgumentException when the named LanguageModel does not exist
     */
    Optional<SynthesisTarget> target(KubernetesClient client) {
        String ref = Optional.ofNullable(agent.getSpec().getSynthesis())
                .map(SynthesisSpec::getModelRef)
                .filter(name -> !name.isBlank())
                .orElse(null);
        if (ref == null) {
            return Optional.empty();
        }
        String namespace = agent.getMetadata().getNamespace();
        LanguageModel model = models.stream()
                .filter(m -> m.getMetadata().getName().equals(ref))
                .findFirst()
                .orElseGet(() -> client.resources(LanguageModel.class)
                        .inNamespace(namespace)
                        .withName(ref)
                        .get());
        if (model == null) {
            throw new IllegalArgumentException(
                    "spec.synthesis.modelRef: LanguageModel " + namespace + "/" + ref + " not found");
        }
        return Optional.of(SynthesisTarget.modelProxy(model));
    }

    private List<String> modelNames() {
        return models.stream().map(model -> model.getMetadata().getName()).toList();
    }

    /**
     * A tool as the prompt describes it when its server does not answer, and where the operator can ask
     * the server: the Service of a service-mode tool (a sidecar lives only inside the agent's pod).
     */
    private static ToolSource toolSource(LanguageTool tool) {
        ToolDescriptor fromSpec = new ToolDescriptor(
                tool.getMetadata().getName(),
                "MCP tool server " + tool.getMetadata().getName(),
                "");
        return new ToolSource(
                fromSpec,
                ToolEndpoint.isSidecar(tool) ? Optional.empty() : Optional.of(URI.create(ToolEndpoint.url(tool))));
    }
}
