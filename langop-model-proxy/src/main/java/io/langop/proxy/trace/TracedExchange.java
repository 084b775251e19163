package io.langop.proxy.trace;

import io.langop.proxy.gateway.Exchange;
import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import java.io.IOException;
import java.util.Map;

/** An exchange that writes the status it answered into its request's span: 5xx marks the span failed. */
public final class TracedExchange implements Exchange {

    private final Exchange exchange;
    private final SpanScope span;

    public TracedExchange(Exchange exchange, SpanScope span) {
        this.exchange = exchange;
        this.span = span;
    }

    @Override
    public void respond(int status, String contentType, Map<String, String> headers, byte[] body) throws IOException {
        span.span().setAttribute(TraceAttributes.HTTP_STATUS, (long) status);
        if (status >= 500) {
            span.fail(Integer.toString(status), "answered HTTP " + status);
        }
        exchange.respond(status, contentType, headers, body);
    }

    @Override
    public EventSink events(Map<String, String> headers) throws IOException {
        span.span().setAttribute(TraceAttributes.HTTP_STATUS, 200L);
        return exchange.events(headers);
    }

    @Override
    public boolean committed() {
        return exchange.committed();
    }
}
