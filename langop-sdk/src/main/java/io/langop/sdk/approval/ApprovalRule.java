package io.langop.sdk.approval;

import io.langop.wire.AgentLimits;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which tool calls wait for a person's decision: tools named one by one, every tool of some MCP servers, and, with
 * {@code sideEffects}, every tool that does not declare itself read-only. A tool declares that with MCP's
 * {@code readOnlyHint} annotation; one that says nothing is taken to have side effects, as the MCP specification's
 * default is.
 *
 * @param timeout how long a call waits for a decision
 */
public record ApprovalRule(Set<String> tools, Set<URI> servers, boolean sideEffects, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    public static final ApprovalRule NONE = new ApprovalRule(Set.of(), Set.of(), false, DEFAULT_TIMEOUT);

    public ApprovalRule {
        tools = Set.copyOf(tools);
        servers = Set.copyOf(servers);
    }

    /** The rule the LanguageAgent's spec sets; {@link #NONE} when it sets none. */
    public static ApprovalRule of(AgentLimits.Approval approval) {
        if (approval == null) {
            return NONE;
        }
        return new ApprovalRule(
                Set.copyOf(approval.tools()),
                approval.servers().stream().map(URI::create).collect(Collectors.toUnmodifiableSet()),
                Boolean.TRUE.equals(approval.sideEffects()),
                approval.timeoutSeconds() == null || approval.timeoutSeconds() <= 0
                        ? DEFAULT_TIMEOUT
                        : Duration.ofSeconds(approval.timeoutSeconds()));
    }

    public boolean isEmpty() {
        return tools.isEmpty() && servers.isEmpty() && !sideEffects;
    }

    /** Whether a call of {@code tool} must wait for a decision. */
    public boolean requires(String tool, ToolOrigins origins) {
        return tools.contains(tool)
                || origins.serverOf(tool).filter(servers::contains).isPresent()
                || (sideEffects && !origins.isReadOnly(tool));
    }
}
