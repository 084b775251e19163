package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/**
 * Caps on model traffic per minute, whether they bound one agent's calls or everything the model
 * proxy forwards; subclasses add the limits only their side can enforce.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ModelTrafficLimits {

    @Min(1)
    @JsonPropertyDescription("Model requests per minute.")
    private Integer requestsPerMinute;

    @Min(1)
    @JsonPropertyDescription("Model tokens per minute.")
    private Integer tokensPerMinute;

    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public Integer getTokensPerMinute() {
        return tokensPerMinute;
    }

    public void setTokensPerMinute(Integer tokensPerMinute) {
        this.tokensPerMinute = tokensPerMinute;
    }
}
