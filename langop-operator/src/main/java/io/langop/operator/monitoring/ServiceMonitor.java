package io.langop.operator.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/**
 * The Prometheus Operator's ServiceMonitor, only the fields the operator writes. A class of its own rather than a
 * generic object: an informer for a generic kind looks the kind up in the API server's discovery, which fails where
 * the CRD is not installed, while a typed one knows its plural.
 */
@Group("monitoring.coreos.com")
@Version("v1")
@Kind("ServiceMonitor")
@Plural("servicemonitors")
public class ServiceMonitor extends CustomResource<ServiceMonitor.Spec, Void> implements Namespaced {

    /** Which Services to scrape, and how. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Spec {
        public LabelSelector selector;
        public List<Endpoint> endpoints;
    }

    /**
     * A port of the selected Services, by name, the path its metrics are at, and the key of a Secret in the monitor's
     * namespace that Prometheus presents as bearer token, where {@code /metrics} asks for one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Endpoint {
        public String port;
        public String path;
        public String scheme;
        public SecretKeySelector bearerTokenSecret;
    }
}
