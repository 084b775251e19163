package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of event that starts an event-driven agent. */
public enum EventTriggerType {
    @JsonProperty("webhook")
    WEBHOOK,
    /** A message arriving in a folder that an email tool watches for the agent. */
    @JsonProperty("mail")
    MAIL,
    @JsonProperty("kubernetes-event")
    KUBERNETES_EVENT,
    @JsonProperty("message-queue")
    MESSAGE_QUEUE,
    @JsonProperty("schedule")
    SCHEDULE
}
