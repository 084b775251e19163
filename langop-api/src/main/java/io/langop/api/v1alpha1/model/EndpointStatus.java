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
}
