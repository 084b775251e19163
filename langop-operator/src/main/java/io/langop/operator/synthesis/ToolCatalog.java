package io.langop.operator.synthesis;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.langop.operator.egress.HostResolver;
import io.langop.sdk.mcp.McpTools;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the synthesis LLM is told about an agent's tools: each reachable server's own {@code tools/list}
 * (names, descriptions and parameter schemas exactly as the agent will see them), else what the
 * LanguageTool spec says. Servers are asked in parallel, each with a short timeout, off the reconcile
 * threads; a server that is down or still starting costs one timeout and a less precise prompt, never a
 * failed synthesis.
 */
public final class ToolCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ToolCatalog.class);
    /** Long enough for a running server on the cluster network, short enough not to hold up a synthesis. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final HostResolver resolver;
    private final Duration timeout;

    /** @param resolver looks up the host of each endpoint (the cluster DNS name of a tool's Service) */
    public ToolCatalog(HostResolver resolver, Duration timeout) {
        this.resolver = resolver;
        this.timeout = timeout;
    }

    public List<ToolDescriptor> describe(List<ToolSource> sources) throws InterruptedException {
        List<ToolDescriptor> descriptors = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<ToolDescriptor>>> answers = sources.stream()
                    .map(source -> threads.submit(() -> describe(source)))
                    .toList();
            for (Future<List<ToolDescriptor>> answer : answers) {
                try {
                    descriptors.addAll(answer.get());
                } catch (ExecutionException unexpected) {
                    throw new IllegalStateException(unexpected.getCause());
                }
            }
        }
        return descriptors;
    }

    private List<ToolDescriptor> describe(ToolSource source) {
        if (source.mcpEndpoint().isEmpty()) {
            return List.of(source.fromSpec());
        }
        try {
            return McpTools.listTools(resolved(source.mcpEndpoint().get()), timeout).stream()
                    .map(tool -> new ToolDescriptor(
                            tool.name(),
                            tool.description(),
                            tool.inputSchema().isEmpty() ? "" : Serialization.asJson(tool.inputSchema())))
                    .toList();
        } catch (RuntimeException | UnknownHostException unreachable) {
            LOG.info(
                    "tool server {} did not list its tools ({}); describing it from its LanguageTool",
                    source.mcpEndpoint().get(),
                    unreachable.getMessage());
            return List.of(source.fromSpec());
        }
    }

    /** The endpoint with its host replaced by the address it resolves to. */
    private URI resolved(URI endpoint) throws UnknownHostException {
        InetAddress address = resolver.resolve(endpoint.getHost()).getFirst();
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create(endpoint.getScheme() + "://" + host + ":" + endpoint.getPort() + endpoint.getRawPath());
    }
}
