package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a Deployment replaces its pods. */
public enum UpdateStrategyType {
    @JsonProperty("RollingUpdate")
    ROLLING_UPDATE,
    @JsonProperty("Recreate")
    RECREATE
}
