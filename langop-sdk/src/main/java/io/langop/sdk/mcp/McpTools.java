package io.langop.sdk.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import io.langop.sdk.approval.ToolOrigins;
import io.langop.sdk.llm.ToolExecutor;
import io.langop.sdk.metrics.CallTimings;
import io.langop.sdk.retry.Backoff;
import io.langop.sdk.workflow.StepResult;
import io.langop.trace.SpanScope;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The tools of every configured MCP server, offered to the LLM and to tool steps. Servers are
 * connected in parallel with retry and backoff (sidecars start after the agent); a server that stays
 * down is left out with a warning, so the agent runs with fewer tools instead of crashing.
 */
public final class McpTools implements ToolExecutor, ToolOrigins, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McpTools.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<McpServerConnection> connections;
    private final Map<String, McpServerConnection> serverByTool;
    private final Map<String, McpSchema.Tool> descriptors;
    private final List<ToolSpecification> specifications;

    private final CallTimings timings;

    private McpTools(List<McpServerConnection> connections, CallTimings timings) {
        this.connections = List.copyOf(connections);
        this.timings = timings;
        Map<String, McpServerConnection> byTool = new LinkedHashMap<>();
        Map<String, McpSchema.Tool> described = new LinkedHashMap<>();
        List<ToolSpecification> specs = new ArrayList<>();
        for (McpServerConnection connection : connections) {
            for (McpSchema.Tool tool : connection.tools()) {
                McpServerConnection previous = byTool.putIfAbsent(tool.name(), connection);
                if (previous != null) {
                    LOG.warn(
                            "Tool {} of {} ignored: {} already provides it",
                            tool.name(),
                            connection.url(),
                            previous.url());
                    continue;
                }
                specs.add(toSpecification(tool));
                described.put(tool.name(), tool);
            }
        }
        this.serverByTool = java.util.Collections.unmodifiableMap(byTool);
        this.descriptors = java.util.Collections.unmodifiableMap(described);
        this.specifications = List.copyOf(specs);
    }

    public static McpTools connect(List<URI> servers, Backoff retry, Duration requestTimeout)
            throws InterruptedException {
        return connect(servers, retry, requestTimeout, CallTimings.NONE);
    }

    /** Like {@link #connect(List, Backoff, Duration)}, reporting how long each tool call took to {@code timings}. */
    public static McpTools connect(List<URI> servers, Backoff retry, Duration requestTimeout, CallTimings timings)
            throws InterruptedException {
        List<McpServerConnection> connected = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<URI, Future<McpServerConnection>> attempts = new LinkedHashMap<>();
            for (URI server : servers) {
                attempts.put(
                        server,
                        threads.submit(() -> retry.call(
                                "MCP server connection to " + server,
                                () -> McpServerConnection.open(server, requestTimeout),
                                failure -> true)));
            }
            for (var attempt : attempts.entrySet()) {
                try {
                    McpServerConnection connection = attempt.getValue().get();
                    LOG.info(
                            "Connected to MCP server {} ({} tools: {})",
                            attempt.getKey(),
                            connection.tools().size(),
                            connection.tools().stream()
                                    .map(McpSchema.Tool::name)
                                    .collect(Collectors.joining(", ")));
                    connected.add(connection);
                } catch (java.util.concurrent.ExecutionException failed) {
                    LOG.warn(
                            "MCP server {} unreachable after {} attempts, continuing without its tools: {}",
                            attempt.getKey(),
                            retry.maxAttempts(),
                            failed.getCause().getMessage());
                }
            }
        }
        return new McpTools(connected, timings);
    }

    /**
     * A tool as its server lists it: name, description, the JSON schema of its parameters and, when the
     * tool declares one, of its structured answer (empty otherwise).
     */
    public record ListedTool(
            String name, String description, Map<String, Object> inputSchema, Map<String, Object> outputSchema) {
        public ListedTool {
            inputSchema = inputSchema == null ? Map.of() : inputSchema;
            outputSchema = outputSchema == null ? Map.of() : outputSchema;
        }
    }

    /**
     * The {@code tools/list} of one server, asked once (no retry) with {@code timeout} for each request,
     * for callers that describe tools rather than call them (the operator's synthesis prompt).
     *
     * @throws RuntimeException when the server cannot be reached or does not speak MCP
     */
    public static List<ListedTool> listTools(URI server, Duration timeout) {
        try (McpServerConnection connection = McpServerConnection.open(server, timeout)) {
            return connection.tools().stream()
                    .map(tool ->
                            new ListedTool(tool.name(), tool.description(), tool.inputSchema(), tool.outputSchema()))
                    .toList();
        }
    }

    public List<String> toolNames() {
        return List.copyOf(serverByTool.keySet());
    }

    @Override
    public Optional<URI> serverOf(String tool) {
        return Optional.ofNullable(serverByTool.get(tool)).map(McpServerConnection::url);
    }

    @Override
    public boolean isReadOnly(String tool) {
        McpSchema.Tool descriptor = descriptors.get(tool);
        return descriptor != null
                && descriptor.annotations() != null
                && Boolean.TRUE.equals(descriptor.annotations().readOnlyHint());
    }

    @Override
    public List<ToolSpecification> specifications() {
        return specifications;
    }

    /**
     * For tool steps: the tool's structured content as the value (else its text, parsed when it is
     * JSON) and the text it wrote for models.
     */
    public StepResult call(String tool, Map<String, Object> arguments) {
        McpServerConnection server = serverByTool.get(tool);
        if (server == null) {
            throw new ToolCallException(
                    tool, "is not provided by any connected MCP server (available: " + toolNames() + ")");
        }
        try (var ignored = MDC.putCloseable("tool", tool);
                SpanScope span = SpanScope.start(ToolCallSpans.client(tool, server.url()))) {
            long started = System.nanoTime();
            boolean failed = true;
            try {
                StepResult result = resultOf(tool, server.call(tool, arguments));
                failed = false;
                return result;
            } catch (ToolCallException failure) {
                span.fail(failure);
                throw failure;
            } catch (RuntimeException failure) {
                span.fail(failure);
                throw new ToolCallException(tool, "call failed: " + failure.getMessage());
            } catch (InterruptedException interrupted) {
                span.fail(interrupted);
                Thread.currentThread().interrupt(); // the run is being stopped: its step ends with this failure
                throw new ToolCallException(tool, "call interrupted while waiting for its server to come back");
            } finally {
                timings.toolCall(tool, failed, System.nanoTime() - started);
            }
        }
    }

    private static StepResult resultOf(String tool, McpSchema.CallToolResult result) {
        String text = textOf(result);
        if (Boolean.TRUE.equals(result.isError())) {
            throw new ToolCallException(tool, "returned an error: " + text);
        }
        return result.structuredContent() != null
                ? new StepResult(JSON.valueToTree(result.structuredContent()), text)
                : StepResult.ofText(text);
    }

    /**
     * For the LLM: the tool's text, which tools write for models (structured content is for code); errors
     * come back as text too, so that the model can correct its call.
     */
    @Override
    public String execute(String tool, String argumentsJson) {
        try {
            Map<String, Object> arguments = argumentsJson == null || argumentsJson.isBlank()
                    ? Map.of()
                    : JSON.readValue(argumentsJson, new TypeReference<Map<String, Object>>() {});
            return call(tool, arguments).text();
        } catch (ToolCallException failure) {
            LOG.warn("{}", failure.getMessage());
            return ToolExecutor.failure(failure.getMessage());
        } catch (Exception badArguments) {
            return ToolExecutor.failure(
                    "arguments for tool '" + tool + "' are not a JSON object: " + badArguments.getMessage());
        }
    }

    @Override
    public void close() {
        connections.forEach(McpServerConnection::close);
    }

    private static String textOf(McpSchema.CallToolResult result) {
        return result.content() == null
                ? ""
                : result.content().stream()
                        .map(content ->
                                content instanceof McpSchema.TextContent text ? text.text() : content.toString())
                        .collect(Collectors.joining("\n"));
    }

    /** Keeps each parameter's JSON schema exactly as the server declared it. */
    static ToolSpecification toSpecification(McpSchema.Tool tool) {
        var parameters = JsonObjectSchema.builder();
        Map<String, Object> schema = tool.inputSchema() == null ? Map.of() : tool.inputSchema();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, propertySchema) -> {
                try {
                    parameters.addProperty(
                            String.valueOf(name), JsonRawSchema.from(JSON.writeValueAsString(propertySchema)));
                } catch (Exception unserializable) {
                    throw new IllegalStateException(
                            "tool " + tool.name() + " has an unusable schema for " + name, unserializable);
                }
            });
        }
        if (schema.get("required") instanceof List<?> required) {
            parameters.required(required.stream().map(String::valueOf).toList());
        }
        return ToolSpecification.builder()
                .name(tool.name())
                .description(tool.description() == null ? "" : tool.description())
                .parameters(parameters.build())
                .build();
    }
}
