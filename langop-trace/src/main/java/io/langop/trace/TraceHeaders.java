package io.langop.trace;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * W3C trace context ({@code traceparent}, {@code tracestate}) in and out of whatever carries it: HTTP headers, an
 * MCP request's {@code _meta}. With tracing off nothing is written and nothing is read.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private TraceHeaders() {}

    /** The current context's trace headers, empty when there is no span to continue or tracing is off. */
    public static Map<String, String> current() {
        if (!Traces.enabled()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        inject(headers::put);
        return headers;
    }

    /** Hands the current context's trace headers to {@code header}. */
    public static void inject(BiConsumer<String, String> header) {
        Traces.propagators()
                .getTextMapPropagator()
                .inject(Context.current(), header, (carrier, name, value) -> carrier.accept(name, value));
    }

    /** The context a request's trace headers continue; the root context when they carry none. */
    public static Context extract(Function<String, String> header) {
        if (!Traces.enabled()) {
            return Context.root();
        }
        return Traces.propagators().getTextMapPropagator().extract(Context.root(), header, GETTER);
    }

    /** Like {@link #extract(Function)}, from a map whose values may be of any type (an MCP {@code _meta}). */
    public static Context extract(Map<String, ?> carrier) {
        Map<String, ?> values = carrier == null ? Collections.emptyMap() : carrier;
        return extract(name -> values.get(name) instanceof String value ? value : null);
    }

    private static final TextMapGetter<Function<String, String>> GETTER =
            (carrier, key) -> carrier == null ? null : carrier.apply(key);
}
