package io.langop.proxy.trace;

import io.langop.proxy.upstream.UpstreamRequest;
import io.langop.trace.TraceAttributes;
import io.langop.trace.TraceHeaders;
import io.langop.trace.Traces;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The proxy's spans: a server span per API request, continuing the caller's W3C trace context, and a client span
 * per upstream attempt (retries and fallbacks each their own) whose trace headers go upstream with the attempt.
 * With tracing off they are OpenTelemetry's no-op and no header is added.
 */
public final class ProxySpans {

    private ProxySpans() {}

    /** The server span of one request to {@code path}, a child of {@code caller}'s span when it sent one. */
    public static SpanBuilder request(String method, String path, Context caller) {
        return Traces.span(method + " " + path, SpanKind.SERVER)
                .setParent(caller)
                .setAttribute(TraceAttributes.HTTP_METHOD, method)
                .setAttribute(TraceAttributes.HTTP_ROUTE, path);
    }

    /** The client span of attempt number {@code attempt} (1 for the first) of {@code model} at {@code endpoint}. */
    public static SpanBuilder attempt(String operation, String model, URI endpoint, int attempt) {
        SpanBuilder span = Traces.span(operation + " " + model, SpanKind.CLIENT)
                .setAttribute(TraceAttributes.GEN_AI_OPERATION, operation)
                .setAttribute(TraceAttributes.GEN_AI_REQUEST_MODEL, model)
                .setAttribute(TraceAttributes.PROXY_ATTEMPT, (long) attempt);
        if (endpoint.getHost() != null) {
            span.setAttribute(TraceAttributes.SERVER_ADDRESS, endpoint.getHost())
                    .setAttribute(TraceAttributes.SERVER_PORT, (long) endpoint.getPort());
        }
        return span;
    }

    /** {@code request} with the current span's trace headers; the same request when there are none. */
    public static UpstreamRequest withTraceHeaders(UpstreamRequest request) {
        Map<String, String> trace = TraceHeaders.current();
        if (trace.isEmpty()) {
            return request;
        }
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.putAll(trace);
        return new UpstreamRequest(request.uri(), headers, request.body());
    }
}
