package io.langop.operator.synthesis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an agent is synthesized from.
 *
 * @param persona the distilled persona paragraph, empty when the agent has none (or not distilled yet)
 * @param schedule the cron schedule of {@code spec.schedule}, when the agent has one
 * @param target the LLM that writes the agent, empty for the operator's default
 * @param personaSource the persona to distil into {@code persona} before synthesis, off the reconcile thread
 * @param toolSources the tool servers to describe into {@code tools} before synthesis, off the reconcile thread
 * @param repairRounds the agent's own bound on repair rounds ({@code spec.synthesis.maxRepairAttempts}), empty for
 *     the operator's
 */
public record SynthesisRequest(
        String agentName,
        String namespace,
        String instructions,
        List<ToolDescriptor> tools,
        List<String> models,
        String persona,
        Optional<String> schedule,
        Optional<SynthesisTarget> target,
        Optional<PersonaSource> personaSource,
        List<ToolSource> toolSources,
        Optional<Integer> repairRounds) {

    /** A LanguagePersona as written: its name and the canonical JSON of its spec. */
    public record PersonaSource(String name, String specJson) {}

    public SynthesisRequest(
            String agentName,
            String namespace,
            String instructions,
            List<ToolDescriptor> tools,
            List<String> models,
            String persona,
            Optional<String> schedule) {
        this(
                agentName,
                namespace,
                instructions,
                tools,
                models,
                persona,
                schedule,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty());
    }

    /** This request with the persona distilled. */
    public SynthesisRequest withPersona(String distilled) {
        return new SynthesisRequest(
                agentName,
                namespace,
                instructions,
                tools,
                models,
                distilled,
                schedule,
                target,
                Optional.empty(),
                toolSources,
                repairRounds);
    }

    /** This request with its tools described (their {@code toolSources} read). */
    public SynthesisRequest withTools(List<ToolDescriptor> described) {
        return new SynthesisRequest(
                agentName,
                namespace,
                instructions,
                described,
                models,
                persona,
                schedule,
                target,
                personaSource,
                List.of(),
                repairRounds);
    }

    public SynthesisRequest {
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(namespace, "namespace");
        if (instructions == null || instructions.isBlank()) {
            throw new IllegalArgumentException(
                    "agent " + namespace + "/" + agentName + " has no instructions to synthesize from");
        }
        tools = List.copyOf(tools);
        models = List.copyOf(models);
        persona = Objects.requireNonNullElse(persona, "").strip();
        schedule = Objects.requireNonNullElse(schedule, Optional.empty());
        target = Objects.requireNonNullElse(target, Optional.empty());
        personaSource = Objects.requireNonNullElse(personaSource, Optional.empty());
        toolSources = List.copyOf(Objects.requireNonNullElse(toolSources, List.of()));
        repairRounds = Objects.requireNonNullElse(repairRounds, Optional.empty());
    }
}
