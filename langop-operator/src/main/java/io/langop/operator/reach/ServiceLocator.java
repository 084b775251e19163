package io.langop.operator.reach;

import java.net.URI;

/**
 * Where the operator itself reaches a port of a Service — to list a tool server's tools, or to ask a
 * model's proxy to write an agent. Inside the cluster that is the Service's DNS name; outside it, the API
 * server's service proxy ({@link ApiServerServiceProxy}); in {@code langop local}, the loopback port the pod
 * runner routes to the Service's pods.
 */
@FunctionalInterface
public interface ServiceLocator {

    /**
     * The base URL of {@code port} of Service {@code namespace/service}: scheme, authority and a path prefix,
     * without a trailing slash; append the server's own path ({@code /mcp}, {@code /v1}).
     */
    URI baseUrl(String namespace, String service, int port);

    /** {@code http://<service>.<namespace>.svc.cluster.local:<port>}: for an operator running in the cluster. */
    static ServiceLocator clusterDns() {
        return (namespace, service, port) ->
                URI.create("http://" + service + "." + namespace + ".svc.cluster.local:" + port);
    }

    /** {@link #baseUrl} with {@code path} appended, e.g. {@code /mcp}. */
    default URI url(String namespace, String service, int port, String path) {
        return URI.create(baseUrl(namespace, service, port) + path);
    }
}
