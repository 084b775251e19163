package io.langop.sdk.mcp;

import io.langop.trace.TraceAttributes;
import io.langop.trace.TraceHeaders;
import io.langop.trace.Traces;
import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;
import io.modelcontextprotocol.common.McpTransportContext;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The agent's side of a traced tool call: a client span per call (OpenTelemetry's MCP and GenAI conventions), and
 * its W3C trace context sent twice, in the request's {@code _meta} (which any MCP transport carries) and as HTTP
 * headers (which proxies and meshes see). The MCP client sends on its own threads: the headers are captured on
 * the caller's thread ({@link #capture()}) and written by the transport ({@link #headers()}).
 */
final class ToolCallSpans {

    private ToolCallSpans() {}

    static SpanBuilder client(String tool, URI server) {
        SpanBuilder span = Traces.span("tools/call " + tool, SpanKind.CLIENT)
                .setAttribute(TraceAttributes.MCP_METHOD, "tools/call")
                .setAttribute(TraceAttributes.GEN_AI_OPERATION, "execute_tool")
                .setAttribute(TraceAttributes.GEN_AI_TOOL_NAME, tool);
        if (server.getHost() != null) {
            span.setAttribute(TraceAttributes.SERVER_ADDRESS, server.getHost())
                    .setAttribute(TraceAttributes.SERVER_PORT, (long) server.getPort());
        }
        return span;
    }

    /** The {@code _meta} of a call made now: the current trace context, or null when there is none. */
    static Map<String, Object> meta() {
        Map<String, String> headers = TraceHeaders.current();
        return headers.isEmpty() ? null : new HashMap<>(headers);
    }

    /** For the MCP client: the caller's trace headers, taken on the caller's thread. */
    static Supplier<McpTransportContext> capture() {
        return () -> {
            Map<String, String> headers = TraceHeaders.current();
            return headers.isEmpty() ? McpTransportContext.EMPTY : McpTransportContext.create(Map.copyOf(headers));
        };
    }

    /** For the MCP transport: writes the captured trace headers on each HTTP request. */
    static McpSyncHttpClientRequestCustomizer headers() {
        return (request, method, endpoint, body, context) -> {
            for (String name : new String[] {TraceHeaders.TRACEPARENT, TraceHeaders.TRACESTATE}) {
                if (context != null && context.get(name) instanceof String value) {
                    request.setHeader(name, value);
                }
            }
        };
    }
}
