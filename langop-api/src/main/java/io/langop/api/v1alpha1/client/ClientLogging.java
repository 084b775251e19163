package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.LogLevel;

/** Logging of a client. */
@ValidationRule(
        value = "!has(self.logRequests) || !self.logRequests",
        message =
                "logRequests is not supported yet: the console logs sign-ins, refusals and failures, not each request")
@ValidationRule(
        value = "!has(self.logResponses) || !self.logResponses",
        message = "logResponses is not supported yet: the console never logs what a model answers")
@ValidationRule(
        value = "self.sanitizeSecrets",
        message = "sanitizeSecrets: false is not supported yet: the console always takes secrets out of its logs")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientLogging {

    @Default("info")
    @JsonPropertyDescription("Log level.")
    private LogLevel level;

    @Default("json")
    @JsonPropertyDescription("Log format.")
    private LogFormat format;

    @JsonPropertyDescription("Log requests.")
    private Boolean logRequests;

    @JsonPropertyDescription("Log responses.")
    private Boolean logResponses;

    @Default("true")
    @JsonPropertyDescription("Mask secrets in logged content.")
    private Boolean sanitizeSecrets;

    public LogLevel getLevel() {
        return level;
    }

    public void setLevel(LogLevel level) {
        this.level = level;
    }

    public LogFormat getFormat() {
        return format;
    }

    public void setFormat(LogFormat format) {
        this.format = format;
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

    public Boolean getSanitizeSecrets() {
        return sanitizeSecrets;
    }

    public void setSanitizeSecrets(Boolean sanitizeSecrets) {
        this.sanitizeSecrets = sanitizeSecrets;
    }
}
