package io.langop.proxy.api;

/**
 * One client request, read whole.
 *
 * @param path the request path without its query
 * @param authorization the {@code Authorization} header, or null
 */
public record ApiRequest(String method, String path, String authorization, byte[] body) {}
