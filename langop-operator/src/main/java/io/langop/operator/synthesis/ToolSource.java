package io.langop.operator.synthesis;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool server as the operator knows it before asking it: the MCP endpoint the operator can reach
 * (empty for a sidecar, which lives only inside the agent's pod) and what its LanguageTool says,
 * used when the server does not answer.
 */
public record ToolSource(ToolDescriptor fromSpec, Optional<URI> mcpEndpoint) {

    public ToolSource {
        Objects.requireNonNull(fromSpec, "fromSpec");
        mcpEndpoint = Objects.requireNonNullElse(mcpEndpoint, Optional.empty());
    }
}
