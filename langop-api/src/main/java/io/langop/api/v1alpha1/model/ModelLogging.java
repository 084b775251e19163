package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.langop.api.v1alpha1.LogLevel;

/** Logging of the model proxy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelLogging {

    @Default("info")
    @JsonPropertyDescription("Log level of the model proxy.")
    private LogLevel level;

    @Default("true")
    @JsonPropertyDescription("Log requests (never their credentials).")
    private Boolean logRequests;

    @Default("false")
    @JsonPropertyDescription("Log responses.")
    private Boolean logResponses;

    public LogLevel getLevel() {
        return level;
    }

    public void setLevel(LogLevel level) {
        this.level = level;
    }

    public Boolean getLogRequests() {
        return logRequests;
    }

    public void setLogRequests(Boolean logRequests) {
        this.logRequests = logRequests;
    }

    public Boolean getLogResponses() {
        return logResponses;
    }

    public void setLogResponses(Boolean logResponses) {
        this.logResponses = logResponses;
    }
}
