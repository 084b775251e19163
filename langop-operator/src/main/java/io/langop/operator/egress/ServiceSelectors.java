package io.langop.operator.egress;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;

/**
 * The pod selector of a Service, read when an egress rule names the Service: a NetworkPolicy cannot
 * name Services, only the pods behind them. Empty when the Service does not exist.
 */
@FunctionalInterface
public interface ServiceSelectors {

    Optional<Map<String, String>> selectorOf(String namespace, String name);

    /** Reads the Service from the API server (one GET per service peer and reconcile). */
    static ServiceSelectors of(KubernetesClient client) {
        return (namespace, name) -> {
            Service service =
                    client.services().inNamespace(namespace).withName(name).get();
            if (service == null || service.getSpec() == null) {
                return Optional.empty();
            }
            return Optional.of(
                    service.getSpec().getSelector() == null
                            ? Map.of()
                            : Map.copyOf(service.getSpec().getSelector()));
        };
    }
}
