package io.langop.kit.tool;

import io.langop.trace.TraceAttributes;
import io.langop.trace.TraceHeaders;
import io.langop.trace.Traces;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * The tool server's side of a traced call: the caller's W3C trace context from the request's {@code _meta} (MCP's
 * own carrier, which every transport passes) or else from the HTTP headers of the request that carried the call
 * (kept by {@link #headers()} in the MCP transport context), continued by a server span per call.
 */
final class ToolCallTrace {

    private ToolCallTrace() {}

    /** For the MCP transports: keeps a request's trace headers where the call handler can read them. */
    static McpTransportContextExtractor<HttpServletRequest> headers() {
        return request -> {
            if (!Traces.enabled()) {
                return McpTransportContext.EMPTY;
            }
            Map<String, Object> headers = new HashMap<>();
            for (String name : new String[] {TraceHeaders.TRACEPARENT, TraceHeaders.TRACESTATE}) {
                String value = request.getHeader(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            return headers.isEmpty() ? McpTransportContext.EMPTY : McpTransportContext.create(headers);
        };
    }

    static SpanBuilder server(String tool, CallToolRequest request, McpTransportContext transport) {
        return Traces.span("tools/call " + tool, SpanKind.SERVER)
                .setParent(caller(request, transport))
                .setAttribute(TraceAttributes.MCP_METHOD, "tools/call")
                .setAttribute(TraceAttributes.GEN_AI_OPERATION, "execute_tool")
                .setAttribute(TraceAttributes.GEN_AI_TOOL_NAME, tool);
    }

    private static Context caller(CallToolRequest request, McpTransportContext transport) {
        Context fromMeta = TraceHeaders.extract(request.meta());
        if (Span.fromContext(fromMeta).getSpanContext().isValid() || transport == null) {
            return fromMeta;
        }
        return TraceHeaders.extract(name -> transport.get(name) instanceof String value ? value : null);
    }
}
