package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.LogLevel;
import io.langop.api.v1alpha1.Observability;

/** Metrics, tracing and logging of an agent. */
@ValidationRule(
        value = "!has(self.logConversations) || !self.logConversations",
        message = "logConversations is not supported yet: the runtime never logs what users and models say")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentObservability extends Observability {

    @Default("info")
    @JsonPropertyDescription("Log level of the agent runtime.")
    private LogLevel logLevel;

    @JsonPropertyDescription("Log the messages exchanged with models.")
    private Boolean logConversations;

    public LogLevel getLogLevel() {
        return logLevel;
    }

    public void setLogLevel(LogLevel logLevel) {
        this.logLevel = logLevel;
    }

    public Boolean getLogConversations() {
        return logConversations;
    }

    public void setLogConversations(Boolean logConversations) {
        this.logConversations = logConversations;
    }
}
