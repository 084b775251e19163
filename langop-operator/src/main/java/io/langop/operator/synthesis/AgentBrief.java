package io.langop.operator.synthesis;

import java.util.Objects;

/**
 * What the synthesis LLM is told about one agent: its request, with the persona distilled into one
 * paragraph.
 *
 * @param persona the distilled persona paragraph, empty when the agent has none
 */
public record AgentBrief(SynthesisRequest request, String persona) {

    public AgentBrief {
        Objects.requireNonNull(request, "request");
        persona = Objects.requireNonNullElse(persona, "").strip();
    }

    public String agentName() {
        return request.agentName();
    }

    public String namespace() {
        return request.namespace();
    }
}
