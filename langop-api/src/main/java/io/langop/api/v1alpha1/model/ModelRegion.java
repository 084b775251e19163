package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.langop.api.v1alpha1.Patterns;

/** A region serving the model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelRegion {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Region name, e.g. us-east-1.")
    private String name;

    @Pattern(Patterns.HTTP_URL)
    @JsonPropertyDescription("Endpoint serving this region.")
    private String endpoint;

    @Min(0)
    @JsonPropertyDescription("Lower values are preferred.")
    private Integer priority;

    @Default("true")
    @JsonPropertyDescription("Whether the region is used.")
    private Boolean enabled;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
