package io.langop.operator.agent;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.SynthesisSpec;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.kit.catalog.CatalogJson;
import io.langop.kit.catalog.CatalogTool;
import io.langop.kit.catalog.ToolCatalog;
import io.langop.kit.check.AgentSetting;
import io.langop.operator.reach.ServiceLocator;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.synthesis.SynthesisRequest;
import io.langop.operator.synthesis.SynthesisTarget;
import io.langop.operator.tool.ToolCatalogs;
import io.langop.sdk.agent.ExecutionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

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

    /**
     * Taken from the resources only, never from an LLM's answer, so a restart finds the same fingerprint. A
     * tool counts with its spec and the catalog its status records: a server that lists other tools after an
     * update has the agent written again; so does a new execution mode or schedule, which the code must agree
     * with.
     */
    SynthesisFingerprint fingerprint(String promptVersion) {
        return new SynthesisFingerprint(
                agent.getSpec().getInstructions(),
                AgentEnvironment.wireName(AgentPlan.modeOf(agent)) + " "
                        + Objects.requireNonNullElse(agent.getSpec().getSchedule(), ""),
                tools.stream()
                        .map(tool -> tool.getMetadata().getName() + " " + Serialization.asJson(tool.getSpec()) + " "
                                + catalogJson(tool))
                        .toList(),
                modelNames(),
                persona == null ? "" : Serialization.asJson(persona.getSpec()),
                promptVersion);
    }

    /** A tool whose catalog is being listed, with why, if any: the agent is written once the catalog is there. */
    Optional<String> awaitedCatalog() {
        return tools.stream()
                .flatMap(tool -> ToolCatalogs.of(tool) instanceof ToolCatalogs.Awaited awaited
                        ? Stream.of("LanguageTool " + tool.getMetadata().getName() + ": " + awaited.why())
                        : Stream.empty())
                .findFirst();
    }

    /** The tools the agent will have and the mode and schedule its resource gives it. */
    AgentSetting setting() {
        List<CatalogTool> known = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        for (LanguageTool tool : tools) {
            switch (ToolCatalogs.of(tool)) {
                case ToolCatalogs.Known catalog -> known.addAll(catalog.tools());
                case ToolCatalogs.Unavailable catalog ->
                    unlisted.add(tool.getMetadata().getName() + " (" + catalog.why() + ")");
                case ToolCatalogs.Awaited catalog ->
                    unlisted.add(tool.getMetadata().getName() + " (" + catalog.why() + ")");
            }
        }
        return new AgentSetting(
                new ToolCatalog(known, unlisted),
                Optional.of(ExecutionMode.parse(AgentEnvironment.wireName(AgentPlan.modeOf(agent)))),
                Optional.ofNullable(agent.getSpec().getSchedule()));
    }

    SynthesisRequest request(Optional<SynthesisTarget> target) {
        var spec = agent.getSpec();
        return new SynthesisRequest(
                agent.getMetadata().getName(),
                agent.getMetadata().getNamespace(),
                spec.getInstructions(),
                modelNames(),
                setting(),
                target,
                Optional.ofNullable(persona)
                        .map(p -> new SynthesisRequest.PersonaSource(
                                p.getMetadata().getName(), Serialization.asJson(p.getSpec()))),
                Optional.ofNullable(spec.getSynthesis()).map(SynthesisSpec::getMaxRepairAttempts));
    }

    /**
     * {@code spec.synthesis.modelRef}: that LanguageModel's proxy writes the agent, reached where the
     * operator reaches Services; empty for the operator's default LLM. A model the agent does not otherwise
     * use is read from the API server.
     *
     * @throws IllegalArgumentException when the named LanguageModel does not exist
     */
    Optional<SynthesisTarget> target(KubernetesClient client, ServiceLocator services) {
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
        return Optional.of(SynthesisTarget.modelProxy(model, services));
    }

    private List<String> modelNames() {
        return models.stream().map(model -> model.getMetadata().getName()).toList();
    }

    private static String catalogJson(LanguageTool tool) {
        return ToolCatalogs.of(tool) instanceof ToolCatalogs.Known known
                ? CatalogJson.toJson(known.tools()).toString()
                : "unlisted";
    }
}
