package io.langop.operator.synthesis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an agent is synthesized from.
 *
 * @param persona the distilled persona paragraph, empty when the agent has none
 * @param schedule the cron schedule of {@code spec.schedule}, when the agent has one
 */
public record SynthesisRequest(
    String agentName,
    String namespace,
    String instructions,
    List<ToolDescriptor> tools,
    List<String> models,
    String persona,
    Optional<String> schedule) {

  public SynthesisRequest {
    Objects.requireNonNull(agentName, "agentName");
    Objects.requireNonNull(namespace, "namespace");
    if (instructions == null || instructions.isBlank()) {
      throw new IllegalArgumentException("agent " + namespace + "/" + agentName + " has no instructions to synthesize from");
    }
    tools = List.copyOf(tools);
    models = List.copyOf(models);
    persona = Objects.requireNonNullElse(persona, "").strip();
    schedule = Objects.requireNonNullElse(schedule, Optional.empty());
  }
}
