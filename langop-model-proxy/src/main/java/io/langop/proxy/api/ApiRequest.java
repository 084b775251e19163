package io.langop.proxy.api;

import io.langop.proxy.config.ClientKey;
import io.opentelemetry.context.Context;

/**
 * One admitted client request, read whole.
 *
 * @param path the request path without its query
 * @param client the client whose key the request carried; null when the route or the proxy needs none
 * @param body handed over as read, never copied; requests are not compared
 * @param caller the trace context the client's {@code traceparent} continues; the root context when it sent none or
 *     tracing is off
 * @param accept the request's {@code Accept} header, which decides the exposition format of {@code /metrics}; null
 *     when it sent none
 */
@SuppressWarnings("ArrayRecordComponent")
public record ApiRequest(
        ProxyApi.Route route,
        String method,
        String path,
        ClientKey client,
        byte[] body,
        Context caller,
        String accept) {}
