package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A custom autoscaling metric. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomMetric {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Metric name.")
    private String name;

    @Required
    @JsonPropertyDescription("Metric source.")
    private MetricType type;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Target value.")
    private String target;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public MetricType getType() {
        return type;
    }

    public void setType(MetricType type) {
        this.type = type;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }
}
