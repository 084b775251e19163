package io.langop.operator.synthesis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the synthesis LLM is told about one agent: its request with the tools described and the persona
 * distilled into one paragraph.
 *
 * @param persona the distilled persona paragraph, empty when the agent has none
 * @param schedule the cron schedule of {@code spec.schedule}, when the agent has one
 */
public record AgentBrief(
        String agentName,
        String namespace,
        String instructions,
        List<ToolDescriptor> tools,
        List<String> models,
        String persona,
        Optional<String> schedule) {

    public AgentBrief {
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(instructions, "instructions");
        schedule = Objects.requireNonNullElse(schedule, Optional.empty());
        tools = List.copyOf(tools);
        models = List.copyOf(models);
        persona = Objects.requireNonNullElse(persona, "").strip();
    }

    /** The brief of {@code request} once its tools are described and its persona distilled. */
    public static AgentBrief of(SynthesisRequest request, List<ToolDescriptor> tools, String persona) {
        return new AgentBrief(
                request.agentName(),
                request.namespace(),
                request.instructions(),
                tools,
                request.models(),
                persona,
                request.schedule());
    }
}
