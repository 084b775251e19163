package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.LogLevel;

/** Logging of the model proxy. */
@ValidationRule(
        value = "!has(self.logRequests) || !self.logRequests",
        message = "logRequests is not supported yet: the proxy logs failures, ejections and limits, not each request")
@ValidationRule(
        value = "!has(self.logResponses) || !self.logResponses",
        message = "logResponses is not supported yet: the proxy never logs what a model answers")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelLogging {

    @Default("info")
    @JsonPropertyDescription("Log level of the model proxy.")
    private LogLevel level;

    @JsonPropertyDescription("Log each request: not supported yet, true is refused.")
    private Boolean logRequests;

    @JsonPropertyDescription("Log responses: not supported yet, true is refused.")
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
