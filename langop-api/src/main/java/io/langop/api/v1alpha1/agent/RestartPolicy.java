package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Restart policy of the pods of a scheduled agent. */
public enum RestartPolicy {
    @JsonProperty("Always")
    ALWAYS,
    @JsonProperty("OnFailure")
    ON_FAILURE,
    @JsonProperty("Never")
    NEVER
}
