package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.Patterns;

/** Active health checks of model endpoints. */
@ValidationRule(
        value = "!has(self.timeout)",
        message =
                "healthCheck.timeout is not supported yet: after interval one real request probes an ejected endpoint, within the model's timeout")
@ValidationRule(
        value = "!has(self.healthyThreshold)",
        message = "healthCheck.healthyThreshold is not supported yet: one successful probe brings an endpoint back")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HealthCheck {

    @Default("true")
    @JsonPropertyDescription("Probe the endpoints.")
    private Boolean enabled;

    @Default("30s")
    @Pattern(Patterns.DURATION)
    @JsonPropertyDescription("Time between probes.")
    private String interval;

    @Pattern(Patterns.DURATION)
    @JsonPropertyDescription("Timeout of one probe.")
    private String timeout;

    @Default("3")
    @Min(1)
    @JsonPropertyDescription("Failed probes before an endpoint is taken out.")
    private Integer unhealthyThreshold;

    @Min(1)
    @JsonPropertyDescription("Successful probes before an endpoint is taken back.")
    private Integer healthyThreshold;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Integer getUnhealthyThreshold() {
        return unhealthyThreshold;
    }

    public void setUnhealthyThreshold(Integer unhealthyThreshold) {
        this.unhealthyThreshold = unhealthyThreshold;
    }

    public Integer getHealthyThreshold() {
        return healthyThreshold;
    }

    public void setHealthyThreshold(Integer healthyThreshold) {
        this.healthyThreshold = healthyThreshold;
    }
}
