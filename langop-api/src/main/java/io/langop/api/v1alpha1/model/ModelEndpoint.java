package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.Patterns;

/** One endpoint of a load-balanced model. */
@ValidationRule(value = "!has(self.region)", message = "an endpoint's region is not supported yet: leave it out")
@ValidationRule(
        value = "!has(self.priority)",
        message = "an endpoint's priority is not supported yet: use weights with the weighted strategy")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelEndpoint {

    @Required
    @Pattern(Patterns.HTTP_URL)
    @JsonPropertyDescription("Base URL of the endpoint.")
    private String url;

    @Default("100")
    @Min(0)
    @JsonPropertyDescription("Share of requests with the weighted strategy.")
    private Integer weight;

    @JsonPropertyDescription("Region of the endpoint: not supported yet, refused.")
    private String region;

    @Min(0)
    @JsonPropertyDescription("Lower values are preferred: not supported yet, refused.")
    private Integer priority;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }
}
