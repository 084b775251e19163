package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.List;
import java.util.Map;

/** Default request parameters sent to the model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelConfiguration {

    @Min(1)
    @JsonPropertyDescription("Maximum completion tokens per request.")
    private Integer maxTokens;

    @Min(0)
    @Max(2)
    @JsonPropertyDescription("Sampling temperature.")
    private Double temperature;

    @Min(0)
    @Max(1)
    @JsonPropertyDescription("Nucleus sampling probability mass.")
    private Double topP;

    @Min(-2)
    @Max(2)
    @JsonPropertyDescription("Penalty for frequent tokens.")
    private Double frequencyPenalty;

    @Min(-2)
    @Max(2)
    @JsonPropertyDescription("Penalty for tokens already present.")
    private Double presencePenalty;

    @JsonPropertyDescription("Sequences that end a completion.")
    private List<String> stopSequences;

    @JsonPropertyDescription("Provider-specific request parameters.")
    private Map<String, String> additionalParameters;

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    public Double getTopP() {
        return topP;
    }

    public void setTopP(Double topP) {
        this.topP = topP;
    }

    public Double getFrequencyPenalty() {
        return frequencyPenalty;
    }

    public void setFrequencyPenalty(Double frequencyPenalty) {
        this.frequencyPenalty = frequencyPenalty;
    }

    public Double getPresencePenalty() {
        return presencePenalty;
    }

    public void setPresencePenalty(Double presencePenalty) {
        this.presencePenalty = presencePenalty;
    }

    public List<String> getStopSequences() {
        return stopSequences;
    }

    public void setStopSequences(List<String> stopSequences) {
        this.stopSequences = stopSequences;
    }

    public Map<String, String> getAdditionalParameters() {
        return additionalParameters;
    }

    public void setAdditionalParameters(Map<String, String> additionalParameters) {
        this.additionalParameters = additionalParameters;
    }
}
