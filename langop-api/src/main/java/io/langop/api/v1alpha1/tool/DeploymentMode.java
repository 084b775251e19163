package io.langop.api.v1alpha1.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a tool runs: its own Deployment and Service, or a container in each agent pod that uses it.
 */
public enum DeploymentMode {
    @JsonProperty("service")
    SERVICE,
    @JsonProperty("sidecar")
    SIDECAR
}
