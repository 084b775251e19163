package io.langop.proxy.upstream;

import java.net.URI;
import java.util.Map;

/**
 * A POST to an upstream, independent of the HTTP client that sends it.
 *
 * @param headers besides {@code Content-Type: application/json}, in the order they are sent (credentials included,
 *     so never log them)
 */
@SuppressWarnings("ArrayRecordComponent") // the body is handed to Netty without a copy; requests are never compared
public record UpstreamRequest(URI uri, Map<String, String> headers, byte[] body) {}
