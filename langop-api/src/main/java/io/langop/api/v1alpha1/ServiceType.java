package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kubernetes Service type of a component's Service. */
public enum ServiceType {
    @JsonProperty("ClusterIP")
    CLUSTER_IP,
    @JsonProperty("NodePort")
    NODE_PORT,
    @JsonProperty("LoadBalancer")
    LOAD_BALANCER
}
