package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a webhook trigger knows a delivery comes from whoever holds its secret (the operator generates the secret). */
public enum WebhookAuthentication {
    /** GitHub's X-Hub-Signature-256 (HMAC-SHA256 of the body). */
    @JsonProperty("github")
    GITHUB,
    /** GitLab's X-Gitlab-Token (the secret itself). */
    @JsonProperty("gitlab")
    GITLAB,
    /** X-Langop-Signature over X-Langop-Timestamp and the body, within a replay window. */
    @JsonProperty("hmac")
    HMAC,
    /** Anyone who reaches the endpoint. */
    @JsonProperty("none")
    NONE
}
