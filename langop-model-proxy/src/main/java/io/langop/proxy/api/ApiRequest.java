package io.langop.proxy.api;

import io.langop.proxy.config.ClientKey;

/**
 * One admitted client request, read whole.
 *
 * @param path the request path without its query
 * @param client the client whose key the request carried; null when the route or the proxy needs none
 * @param body handed over as read, never copied; requests are not compared
 */
@SuppressWarnings("ArrayRecordComponent")
public record ApiRequest(ProxyApi.Route route, String method, String path, ClientKey client, byte[] body) {}
