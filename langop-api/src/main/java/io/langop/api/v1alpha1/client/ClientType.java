package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of user interface a client offers. */
public enum ClientType {
    @JsonProperty("web")
    WEB,
    @JsonProperty("api")
    API,
    @JsonProperty("cli")
    CLI,
    @JsonProperty("widget")
    WIDGET,
    @JsonProperty("slack")
    SLACK,
    @JsonProperty("discord")
    DISCORD,
    @JsonProperty("teams")
    TEAMS
}
