package io.langop.operator.reach;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How the operator reaches Services: {@code --reach-services}. */
public enum ServiceReach {
    /** {@link #CLUSTER_DNS} when the operator runs in a pod, else {@link #API_SERVER_PROXY}. */
    AUTO,
    /** The Services' cluster DNS names: only resolvable, and routable, inside the cluster. */
    CLUSTER_DNS,
    /** The API server's service proxy, as {@code kubectl proxy} does: from anywhere the API server is. */
    API_SERVER_PROXY;

    /** Set in every pod by the kubelet: the operator runs in the cluster. */
    static final String IN_CLUSTER_ENV = "KUBERNETES_SERVICE_HOST";

    /** {@code auto}, {@code cluster-dns}, {@code api-server-proxy}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ServiceReach parse(String value) {
        return Arrays.stream(values())
                .filter(reach -> reach.optionValue().equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not one of "
                        + Arrays.stream(values()).map(ServiceReach::optionValue).collect(Collectors.joining(", "))));
    }

    /** The concrete way for an operator started with {@code environment}. */
    public ServiceReach resolve(Map<String, String> environment) {
        if (this != AUTO) {
            return this;
        }
        return environment.containsKey(IN_CLUSTER_ENV) ? CLUSTER_DNS : API_SERVER_PROXY;
    }

    /** The locator, opened; close it when the operator stops (the service proxy holds a port). */
    public OpenLocator open(KubernetesClient client, Map<String, String> environment) {
        return switch (resolve(environment)) {
            case API_SERVER_PROXY -> {
                ApiServerServiceProxy proxy = ApiServerServiceProxy.start(client);
                yield new OpenLocator(proxy, proxy::close);
            }
            case CLUSTER_DNS, AUTO -> new OpenLocator(ServiceLocator.clusterDns(), () -> {});
        };
    }

    /** A locator and what stops it. */
    public record OpenLocator(ServiceLocator locator, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }
}
