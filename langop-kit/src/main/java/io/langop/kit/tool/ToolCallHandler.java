package io.langop.kit.tool;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.server.metrics.MeterBuilders;
import io.langop.trace.SpanScope;
import io.langop.wire.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one {@link Tool} for the MCP server: binds the arguments, calls the handler, turns every
 * outcome into a {@link CallToolResult} and records it in the {@link Meters#TOOL_CALLS} histogram
 * (tags {@code tool} and {@code outcome}: {@code success}, {@code error}, {@code invalid_arguments},
 * {@code exception}), which gives calls, errors and latency per tool, and whose exemplars lead to the call's trace.
 */
final class ToolCallHandler implements BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> {

    private static final Logger LOG = LoggerFactory.getLogger(ToolCallHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final Tool tool;
    private final MeterRegistry registry;

    ToolCallHandler(Tool tool, MeterRegistry registry) {
        this.tool = tool;
        this.registry = registry;
    }

    SyncToolSpecification specification() {
        var descriptor = io.modelcontextprotocol.spec.McpSchema.Tool.builder(tool.name(), tool.inputSchema())
                .description(tool.description());
        tool.outputSchema().ifPresent(descriptor::outputSchema);
        if (tool.readOnly()) {
            descriptor.annotations(io.modelcontextprotocol.spec.McpSchema.ToolAnnotations.builder()
                    .readOnlyHint(true)
                    .build());
        }
        return SyncToolSpecification.builder()
                .tool(descriptor.build())
                .callHandler(this)
                .build();
    }

    @Override
    public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
        Timer.Sample sample = Timer.start(registry);
        Outcome outcome;
        ToolResult result;
        try (var ignored = MDC.putCloseable("tool", tool.name());
                SpanScope span =
                        SpanScope.start(ToolCallTrace.server(tool.name(), request, exchange.transportContext()))) {
            switch (tool.bind(request.arguments())) {
                case Tool.Binding.Rejected rejected -> {
                    // The problems quote the offending values, which may be sensitive: full text at debug only.
                    LOG.info(
                            "refused call: {} invalid argument(s)",
                            rejected.problems().size());
                    LOG.debug("refused call: {}", rejected.message());
                    outcome = Outcome.INVALID_ARGUMENTS;
                    result = ToolResult.failure(rejected.message());
                }
                case Tool.Binding.Bound bound -> {
                    try {
                        result = Objects.requireNonNull(
                                tool.handler().handle(bound.arguments()), "the tool returned no result");
                        result = withStructuredContentAsDeclared(result);
                        outcome = result.error() ? Outcome.ERROR : Outcome.SUCCESS;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        outcome = Outcome.EXCEPTION;
                        result = ToolResult.failure("Error: interrupted");
                    } catch (Exception e) {
                        LOG.warn("tool failed", e);
                        outcome = Outcome.EXCEPTION;
                        result = ToolResult.failure("Error: "
                                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                    }
                }
            }
            if (outcome != Outcome.SUCCESS) {
                span.fail(outcome.tag, result.text());
            }
            // while the span is current: the histogram's exemplar is this call
            sample.stop(MeterBuilders.timer(Meters.TOOL_CALLS)
                    .tag("tool", tool.name())
                    .tag("outcome", outcome.tag)
                    .register(registry));
        }
        var answer = CallToolResult.builder().addTextContent(result.text()).isError(result.error());
        result.structured().ifPresent(answer::structuredContent);
        return answer.build();
    }

    /**
     * The result with its structured content as a JSON object, so the MCP server validates and sends
     * exactly what was checked. A successful answer must carry data when the tool declares an output
     * shape, and none when it does not: either mismatch is a bug in the tool, refused here rather than
     * passed on as an answer the client's schema check would reject with a vaguer message.
     */
    private ToolResult withStructuredContentAsDeclared(ToolResult result) {
        if (result.error()) {
            return result;
        }
        boolean declared = tool.output() != null;
        if (declared != result.structured().isPresent()) {
            throw new IllegalStateException(
                    declared
                            ? "the tool declares an output shape but returned no structured content"
                            : "the tool returned structured content but declares no output shape");
        }
        return result.structured()
                .map(data -> ToolResult.success(result.text(), JSON.convertValue(data, JSON_OBJECT)))
                .orElse(result);
    }

    private enum Outcome {
        SUCCESS("success"),
        ERROR("error"),
        INVALID_ARGUMENTS("invalid_arguments"),
        EXCEPTION("exception");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }
}
