package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When the kubelet pulls a container image. */
public enum ImagePullPolicy {
    @JsonProperty("Always")
    ALWAYS,
    @JsonProperty("IfNotPresent")
    IF_NOT_PRESENT,
    @JsonProperty("Never")
    NEVER
}
