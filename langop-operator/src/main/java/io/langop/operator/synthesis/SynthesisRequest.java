package io.langop.operator.synthesis;

import io.langop.kit.check.AgentSetting;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an agent is synthesized from, as a reconcile knows it: built whole from the agent and the
 * objects it references. What needs an LLM (the persona's paragraph) is derived from it in the background,
 * into an {@link AgentBrief}.
 *
 * @param models names of the models the agent may use, in preference order
 * @param setting the tools the agent will have (their catalog) and the mode and schedule its resource gives
 *     it: what the prompt tells and what the code is checked against
 * @param target the LLM that writes the agent, empty for the operator's default
 * @param persona the persona to distil before synthesis, when the agent has one
 * @param repairRounds the agent's own bound on repair rounds ({@code spec.synthesis.maxRepairAttempts}), empty for
 *     the operator's
 * @param runFailure how the code last written from these inputs failed when it ran (error, step, log excerpt), when
 *     it was rolled back: the prompt asks for code that does not fail that way
 */
public record SynthesisRequest(
        String agentName,
        String namespace,
        String instructions,
        List<String> models,
        AgentSetting setting,
        Optional<SynthesisTarget> target,
        Optional<PersonaSource> persona,
        Optional<Integer> repairRounds,
        Optional<String> runFailure) {

    /** A LanguagePersona as written: its name and the canonical JSON of its spec. */
    public record PersonaSource(String name, String specJson) {}

    public SynthesisRequest {
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(namespace, "namespace");
        if (instructions == null || instructions.isBlank()) {
            throw new IllegalArgumentException(
                    "agent " + namespace + "/" + agentName + " has no instructions to synthesize from");
        }
        models = List.copyOf(models);
        Objects.requireNonNull(setting, "setting");
        target = Objects.requireNonNullElse(target, Optional.empty());
        persona = Objects.requireNonNullElse(persona, Optional.empty());
        repairRounds = Objects.requireNonNullElse(repairRounds, Optional.empty());
        runFailure = Objects.requireNonNullElse(runFailure, Optional.empty());
    }

    /** A request without a run failure: the code is written from the inputs alone. */
    public SynthesisRequest(
            String agentName,
            String namespace,
            String instructions,
            List<String> models,
            AgentSetting setting,
            Optional<SynthesisTarget> target,
            Optional<PersonaSource> persona,
            Optional<Integer> repairRounds) {
        this(agentName, namespace, instructions, models, setting, target, persona, repairRounds, Optional.empty());
    }

    /** The same request, telling the model how the code last written from it failed when it ran. */
    public SynthesisRequest afterRunFailure(String failure) {
        return new SynthesisRequest(
                agentName,
                namespace,
                instructions,
                models,
                setting,
                target,
                persona,
                repairRounds,
                Optional.of(failure));
    }
}
