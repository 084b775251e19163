package io.langop.operator.harness;

import io.langop.operator.reach.ServiceLocator;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Services as the operator under test reaches them: each Service a test maps answers at a server of the
 * test on loopback; any other refuses at once ({@link OperatorHarness#NO_SERVICES}).
 */
public final class ServiceMap implements ServiceLocator {

    private final Map<String, URI> services = new ConcurrentHashMap<>();

    /** Service {@code namespace/service} answers, on any port, at {@code server}'s scheme and authority. */
    public ServiceMap serve(String namespace, String service, URI server) {
        services.put(namespace + "/" + service, URI.create(server.getScheme() + "://" + server.getRawAuthority()));
        return this;
    }

    @Override
    public URI baseUrl(String namespace, String service, int port) {
        URI mapped = services.get(namespace + "/" + service);
        return mapped != null ? mapped : OperatorHarness.NO_SERVICES.baseUrl(namespace, service, port);
    }
}
