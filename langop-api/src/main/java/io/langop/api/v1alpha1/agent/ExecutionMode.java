package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an agent runs: a Deployment for autonomous, interactive and event-driven agents, a CronJob
 * for scheduled ones.
 */
public enum ExecutionMode {
    @JsonProperty("autonomous")
    AUTONOMOUS,
    @JsonProperty("interactive")
    INTERACTIVE,
    @JsonProperty("scheduled")
    SCHEDULED,
    @JsonProperty("event-driven")
    EVENT_DRIVEN
}
