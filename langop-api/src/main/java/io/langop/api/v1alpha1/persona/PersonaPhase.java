package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle phase of a LanguagePersona. */
public enum PersonaPhase {
    @JsonProperty("Pending")
    PENDING,
    @JsonProperty("Validating")
    VALIDATING,
    @JsonProperty("Ready")
    READY,
    @JsonProperty("NotReady")
    NOT_READY,
    @JsonProperty("Failed")
    FAILED
}
