package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happened to a watched Kubernetes object; the last part of the CloudEvent type the agent receives. */
public enum ResourceChange {
    @JsonProperty("added")
    ADDED,
    @JsonProperty("modified")
    MODIFIED,
    @JsonProperty("deleted")
    DELETED
}
