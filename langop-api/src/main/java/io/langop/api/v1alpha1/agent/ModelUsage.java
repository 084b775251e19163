package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** How an agent used one model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelUsage {

    @Required
    @JsonPropertyDescription("Model name.")
    private String modelName;

    @Required
    @JsonPropertyDescription("Requests.")
    private Long requestCount;

    @Required
    @JsonPropertyDescription("Tokens.")
    private Long totalTokens;

    @JsonPropertyDescription("Prompt tokens.")
    private Long inputTokens;

    @JsonPropertyDescription("Completion tokens.")
    private Long outputTokens;

    public String getModelName() {
        return modelName;
    }

    public void setModelName(String modelName) {
        this.modelName = modelName;
    }

    public Long getRequestCount() {
        return requestCount;
    }

    public void setRequestCount(Long requestCount) {
        this.requestCount = requestCount;
    }

    public Long getTotalTokens() {
        return totalTokens;
    }

    public void setTotalTokens(Long totalTokens) {
        this.totalTokens = totalTokens;
    }

    public Long getInputTokens() {
        return inputTokens;
    }

    public void setInputTokens(Long inputTokens) {
        this.inputTokens = inputTokens;
    }

    public Long getOutputTokens() {
        return outputTokens;
    }

    public void setOutputTokens(Long outputTokens) {
        this.outputTokens = outputTokens;
    }
}
