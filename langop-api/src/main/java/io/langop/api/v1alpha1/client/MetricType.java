package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Source of a custom autoscaling metric. */
public enum MetricType {
    @JsonProperty("Pods")
    PODS,
    @JsonProperty("Object")
    OBJECT,
    @JsonProperty("External")
    EXTERNAL
}
