package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Health of one endpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EndpointStatus {

    @Required
    @JsonPropertyDescription("Endpoint URL.")
    private String url;

    @Required
    @JsonPropertyDescription("Whether the last checks passed.")
    private Boolean healthy;

    @JsonPropertyDescription("Time of the last check (RFC 3339).")
    private String lastCheck;

    @JsonPropertyDescription("Consecutive failed checks.")
    private Integer failureCount;

    @JsonPropertyDescription("Latency of the last check in milliseconds.")
    private Integer latency;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Boolean getHealthy() {
        return healthy;
    }

    public void setHealthy(Boolean healthy) {
        this.healthy = healthy;
    }

    public String getLastCheck() {
        return lastCheck;
    }

    public void setLastCheck(String lastCheck) {
        this.lastCheck = lastCheck;
    }

    public Integer getFailureCount() {
        return failureCount;
    }

    public void setFailureCount(Integer failureCount) {
        this.failureCount = failureCount;
    }

    public Integer getLatency() {
        return latency;
    }

    public void setLatency(Integer latency) {
        this.latency = latency;
    }
}
