package io.langop.wire;

import java.util.List;

/**
 * The limits a LanguageAgent's spec sets beyond its timeout and iterations, as the operator writes them (JSON, in
 * {@link AgentEnv#AGENT_LIMITS}) and the agent runtime reads them. They are ceilings: the runtime applies the stricter
 * of these and the limits in the agent's code. Every field may be absent (null): no ceiling of that kind. Records
 * map to JSON by their component names, so this one type is the whole contract; readers ignore fields they do not
 * know, so that an older runtime keeps starting under a newer operator.
 *
 * @param maxToolCallsPerIteration tool calls one model answer may ask for ({@code safetyConfig})
 * @param maxCostPerExecution cost of one run in the currency of {@code prices} ({@code safetyConfig})
 * @param prices what the agent's model charges (its {@code costTracking}); without them cost cannot be counted
 * @param blockedTopics phrases refused in what the agent reads and writes (the persona's {@code blockedTopics})
 * @param contentFilters patterns watched in what the agent reads and writes ({@code safetyConfig})
 * @param requestsPerMinute model requests per minute ({@code rateLimits})
 * @param tokensPerMinute model tokens per minute ({@code rateLimits})
 * @param toolCallsPerMinute tool calls per minute ({@code rateLimits})
 * @param blockedTools tools the agent may never call ({@code safetyConfig})
 * @param approval the tool calls a person must approve first ({@code safetyConfig}, {@code toolRefs}); null: none
 */
public record AgentLimits(
        Integer maxToolCallsPerIteration,
        Double maxCostPerExecution,
        ModelPrices prices,
        List<String> blockedTopics,
        List<ContentFilter> contentFilters,
        Integer requestsPerMinute,
        Integer tokensPerMinute,
        Integer toolCallsPerMinute,
        List<String> blockedTools,
        Approval approval) {

    public static final AgentLimits NONE = new AgentLimits(null, null, null, null, null, null, null, null, null, null);

    public AgentLimits {
        blockedTopics = blockedTopics == null ? List.of() : List.copyOf(blockedTopics);
        contentFilters = contentFilters == null ? List.of() : List.copyOf(contentFilters);
        blockedTools = blockedTools == null ? List.of() : List.copyOf(blockedTools);
    }

    /** Prices per 1000 tokens, as a LanguageModel's {@code costTracking} states them. */
    public record ModelPrices(double inputPer1000Tokens, double outputPer1000Tokens, String currency) {}

    /**
     * A content filter. {@code type} is {@code custom} (with a {@code pattern}, a Java regular expression), {@code pii},
     * {@code profanity} or {@code toxic}; {@code action} is {@code block}, {@code warn} or {@code log}.
     */
    public record ContentFilter(String type, String action, String pattern) {}

    /**
     * Which tool calls wait for a person's decision, and for how long.
     *
     * @param tools tools named one by one ({@code safetyConfig.requireApprovalFor})
     * @param servers MCP server URLs (as in {@link AgentEnv#MCP_SERVERS}) every tool of which needs approval (the
     *     {@code toolRefs} with {@code requireApproval})
     * @param sideEffects whether every tool that does not declare itself read-only (MCP's {@code readOnlyHint})
     *     needs approval ({@code safetyConfig.requireApprovalForSideEffects})
     * @param timeoutSeconds how long a call waits for a decision ({@code safetyConfig.approvalTimeout}); null: the
     *     runtime's default
     */
    public record Approval(List<String> tools, List<String> servers, Boolean sideEffects, Long timeoutSeconds) {
        public Approval {
            tools = tools == null ? List.of() : List.copyOf(tools);
            servers = servers == null ? List.of() : List.copyOf(servers);
        }
    }
}
