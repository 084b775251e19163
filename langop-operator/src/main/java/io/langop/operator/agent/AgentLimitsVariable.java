package io.langop.operator.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.langop.api.v1alpha1.ToolReference;
import io.langop.api.v1alpha1.agent.AgentRateLimits;
import io.langop.api.v1alpha1.agent.ContentFilter;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentSpec;
import io.langop.api.v1alpha1.agent.SafetyConfig;
import io.langop.api.v1alpha1.model.CostTracking;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.PersonaConstraints;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.tool.ToolEndpoint;
import io.langop.proxy.config.Durations;
import io.langop.wire.AgentEnv;
import io.langop.wire.AgentLimits;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of {@link AgentEnv#AGENT_LIMITS}: the agent's safety settings, rate limits, its persona's blocked topics
 * and the prices of the model it calls, which the agent runtime enforces as ceilings over its code's limits.
 */
final class AgentLimitsVariable {

    private static final ObjectWriter JSON = JsonMapper.builder()
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
            .build()
            .writerFor(AgentLimits.class);

    private AgentLimitsVariable() {}

    /** Empty when the spec sets none of these limits. */
    static Optional<String> of(AgentPlan plan) {
        LanguageAgentSpec spec = plan.agent().getSpec();
        SafetyConfig safety = Objects.requireNonNullElseGet(spec.getSafetyConfig(), SafetyConfig::new);
        AgentRateLimits rates = Objects.requireNonNullElseGet(spec.getRateLimits(), AgentRateLimits::new);
        AgentLimits limits = new AgentLimits(
                safety.getMaxToolCallsPerIteration(),
                safety.getMaxCostPerExecution(),
                prices(plan.models()),
                blockedTopics(plan),
                Objects.requireNonNullElse(safety.getContentFilters(), List.<ContentFilter>of()).stream()
                        .map(AgentLimitsVariable::filter)
                        .toList(),
                rates.getRequestsPerMinute(),
                rates.getTokensPerMinute(),
                rates.getToolCallsPerMinute(),
                safety.getBlockedTools(),
                approval(plan, safety));
        if (limits.equals(AgentLimits.NONE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.writeValueAsString(limits));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot write the agent's limits as JSON", impossible);
        }
    }

    /** The prices of the model the runtime calls (the first), when it tracks cost. */
    private static AgentLimits.ModelPrices prices(List<LanguageModel> models) {
        if (models.isEmpty()) {
            return null;
        }
        CostTracking cost = models.getFirst().getSpec().getCostTracking();
        if (cost == null
                || Boolean.FALSE.equals(cost.getEnabled())
                || cost.getInputTokenCost() == null
                || cost.getOutputTokenCost() == null) {
            return null;
        }
        return new AgentLimits.ModelPrices(cost.getInputTokenCost(), cost.getOutputTokenCost(), cost.getCurrency());
    }

    private static List<String> blockedTopics(AgentPlan plan) {
        if (plan.persona() == null) {
            return List.of();
        }
        PersonaConstraints constraints = plan.persona().getSpec().getConstraints();
        return constraints == null ? List.of() : Objects.requireNonNullElse(constraints.getBlockedTopics(), List.of());
    }

    /**
     * The tool calls a person must approve: tools the safety settings name, every tool of the referenced LanguageTools
     * with {@code requireApproval} (by the URL the agent reaches their server at) and, when asked, every tool with side
     * effects. None: null, even though {@code approvalTimeout} has a default.
     */
    private static AgentLimits.Approval approval(AgentPlan plan, SafetyConfig safety) {
        if (!requiresApproval(plan.agent().getSpec())) {
            return null;
        }
        Long timeout = safety.getApprovalTimeout() == null
                ? null
                : Durations.parse(safety.getApprovalTimeout()).toSeconds();
        return new AgentLimits.Approval(
                Objects.requireNonNullElse(safety.getRequireApprovalFor(), List.of()),
                plan.tools().stream()
                        .filter(tool -> requiresApproval(plan.agent(), tool))
                        .map(ToolEndpoint::url)
                        .toList(),
                Boolean.TRUE.equals(safety.getRequireApprovalForSideEffects()) ? Boolean.TRUE : null,
                timeout);
    }

    /** Whether some tool call of the agent waits for a person's approval. */
    static boolean requiresApproval(LanguageAgentSpec spec) {
        SafetyConfig safety = Objects.requireNonNullElseGet(spec.getSafetyConfig(), SafetyConfig::new);
        return !Objects.requireNonNullElse(safety.getRequireApprovalFor(), List.of())
                        .isEmpty()
                || Boolean.TRUE.equals(safety.getRequireApprovalForSideEffects())
                || Objects.requireNonNullElse(spec.getToolRefs(), List.<ToolReference>of()).stream()
                        .anyMatch(ref -> Boolean.TRUE.equals(ref.getRequireApproval()));
    }

    private static boolean requiresApproval(LanguageAgent agent, LanguageTool tool) {
        return Objects.requireNonNullElse(agent.getSpec().getToolRefs(), List.<ToolReference>of()).stream()
                .filter(ref -> Boolean.TRUE.equals(ref.getRequireApproval()))
                .anyMatch(ref -> ref.getName().equals(tool.getMetadata().getName())
                        && Objects.requireNonNullElse(
                                        ref.getNamespace(), agent.getMetadata().getNamespace())
                                .equals(tool.getMetadata().getNamespace()));
    }

    private static AgentLimits.ContentFilter filter(ContentFilter filter) {
        return new AgentLimits.ContentFilter(
                filter.getType() == null ? null : AgentEnvironment.wireName(filter.getType()),
                filter.getAction() == null ? null : AgentEnvironment.wireName(filter.getAction()),
                filter.getPattern());
    }
}
