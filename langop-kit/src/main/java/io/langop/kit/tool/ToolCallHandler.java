package io.langop.kit.tool;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Objects;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one {@link Tool} for the MCP server: binds the arguments, calls the handler, turns every
 * outcome into a {@link CallToolResult} and records it in the {@code langop.tool.calls} timer
 * (tags {@code tool} and {@code outcome}: {@code success}, {@code error}, {@code invalid_arguments},
 * {@code exception}), which gives calls, errors and latency per tool.
 */
final class ToolCallHandler implements BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> {

    static final String METER = "langop.tool.calls";

    private static final Logger LOG = LoggerFactory.getLogger(ToolCallHandler.class);

    private final Tool tool;
    private final MeterRegistry registry;

    ToolCallHandler(Tool tool, MeterRegistry registry) {
        this.tool = tool;
        this.registry = registry;
    }

    SyncToolSpecification specification() {
        var descriptor = io.modelcontextprotocol.spec.McpSchema.Tool.builder(tool.name())
                .description(tool.description())
                .inputSchema(tool.inputSchema())
                .build();
        return SyncToolSpecification.builder()
                .tool(descriptor)
                .callHandler(this)
                .build();
    }

    @Override
    public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
        Timer.Sample sample = Timer.start(registry);
        Outcome outcome;
        ToolResult result;
        try (var ignored = MDC.putCloseable("tool", tool.name())) {
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
        }
        sample.stop(Timer.builder(METER)
                .description("MCP tools/call handling time by tool and outcome")
                .tag("tool", tool.name())
                .tag("outcome", outcome.tag)
                .publishPercentileHistogram()
                .register(registry));
        return CallToolResult.builder()
                .addTextContent(result.text())
                .isError(result.error())
                .build();
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
