package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Horizontal autoscaling of a client. */
@ValidationRule(value = "self.minReplicas <= self.maxReplicas", message = "minReplicas must not exceed maxReplicas")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Autoscaling {

    @Default("false")
    @JsonPropertyDescription("Create a HorizontalPodAutoscaler.")
    private Boolean enabled;

    @Default("2")
    @Min(1)
    @JsonPropertyDescription("Fewest pods.")
    private Integer minReplicas;

    @Default("10")
    @Min(1)
    @JsonPropertyDescription("Most pods.")
    private Integer maxReplicas;

    @Min(1)
    @Max(100)
    @JsonProperty("targetCPUUtilizationPercentage")
    @JsonPropertyDescription("Target CPU utilisation.")
    private Integer targetCPUUtilizationPercentage;

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Target memory utilisation.")
    private Integer targetMemoryUtilizationPercentage;

    @JsonPropertyDescription("Custom metrics.")
    private List<CustomMetric> customMetrics;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getMinReplicas() {
        return minReplicas;
    }

    public void setMinReplicas(Integer minReplicas) {
        this.minReplicas = minReplicas;
    }

    public Integer getMaxReplicas() {
        return maxReplicas;
    }

    public void setMaxReplicas(Integer maxReplicas) {
        this.maxReplicas = maxReplicas;
    }

    public Integer getTargetCPUUtilizationPercentage() {
        return targetCPUUtilizationPercentage;
    }

    public void setTargetCPUUtilizationPercentage(Integer targetCPUUtilizationPercentage) {
        this.targetCPUUtilizationPercentage = targetCPUUtilizationPercentage;
    }

    public Integer getTargetMemoryUtilizationPercentage() {
        return targetMemoryUtilizationPercentage;
    }

    public void setTargetMemoryUtilizationPercentage(Integer targetMemoryUtilizationPercentage) {
        this.targetMemoryUtilizationPercentage = targetMemoryUtilizationPercentage;
    }

    public List<CustomMetric> getCustomMetrics() {
        return customMetrics;
    }

    public void setCustomMetrics(List<CustomMetric> customMetrics) {
        this.customMetrics = customMetrics;
    }
}
