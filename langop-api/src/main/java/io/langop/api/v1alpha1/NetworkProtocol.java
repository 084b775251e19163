package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Transport protocol of a network port. */
public enum NetworkProtocol {
    @JsonProperty("TCP")
    TCP,
    @JsonProperty("UDP")
    UDP,
    @JsonProperty("SCTP")
    SCTP
}
