package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.langop.api.v1alpha1.Patterns;
import java.util.List;

/** How the model proxy retries failed requests. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RetryPolicy {

    @Default("3")
    @Min(1)
    @Max(10)
    @JsonPropertyDescription("Attempts per request, the first included.")
    private Integer maxAttempts;

    @Default("1s")
    @Pattern(Patterns.DURATION)
    @JsonPropertyDescription("Wait before the first retry.")
    private String initialBackoff;

    @Default("30s")
    @Pattern(Patterns.DURATION)
    @JsonPropertyDescription("Longest wait between retries.")
    private String maxBackoff;

    @Default("2.0")
    @Min(1)
    @JsonPropertyDescription("Factor applied to the wait after each retry.")
    private Double backoffMultiplier;

    @JsonPropertyDescription("HTTP status codes that are retried.")
    private List<@Min(100) @Max(599) Integer> retryableStatusCodes;

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public String getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(String initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public String getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(String maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Double getBackoffMultiplier() {
        return backoffMultiplier;
    }

    public void setBackoffMultiplier(Double backoffMultiplier) {
        this.backoffMultiplier = backoffMultiplier;
    }

    public List<Integer> getRetryableStatusCodes() {
        return retryableStatusCodes;
    }

    public void setRetryableStatusCodes(List<Integer> retryableStatusCodes) {
        this.retryableStatusCodes = retryableStatusCodes;
    }
}
