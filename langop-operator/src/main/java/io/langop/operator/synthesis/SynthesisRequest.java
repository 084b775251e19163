package io.langop.operator.synthesis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an agent is synthesized from, as a reconcile knows it: built whole from the agent and the
 * objects it references. What needs an LLM or a network call (the persona's paragraph, the tools' live
 * descriptions) is derived from it in the background, into an {@link AgentBrief}.
 *
 * @param models names of the models the agent may use, in preference order
 * @param schedule the cron schedule of {@code spec.schedule}, when the agent has one
 * @param target the LLM that writes the agent, empty for the operator's default
 * @param persona the persona to distil before synthesis, when the agent has one
 * @param tools the tool servers the agent may call
 * @param repairRounds the agent's own bound on repair rounds ({@code spec.synthesis.maxRepairAttempts}), empty for
 *     the operator's
 */
public record SynthesisRequest(
        String agentName,
        String namespace,
        String instructions,
        List<String> models,
        Optional<String> schedule,
        Optional<SynthesisTarget> target,
        Optional<PersonaSource> persona,
        List<ToolSource> tools,
        Optional<Integer> repairRounds) {

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
        schedule = Objects.requireNonNullElse(schedule, Optional.empty());
        target = Objects.requireNonNullElse(target, Optional.empty());
        persona = Objects.requireNonNullElse(persona, Optional.empty());
        tools = List.copyOf(tools);
        repairRounds = Objects.requireNonNullElse(repairRounds, Optional.empty());
    }
}
