package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.List;

/** Load balancing over several endpoints of the same model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadBalancing {

    @Default("round-robin")
    @JsonPropertyDescription("How requests are spread.")
    private LoadBalancingStrategy strategy;

    @JsonPropertyDescription("Endpoints in addition to spec.endpoint, which comes first with weight 100 (a URL"
            + " listed here too is served once, with the weight given here).")
    private List<ModelEndpoint> endpoints;

    @JsonPropertyDescription("Health checks of the endpoints.")
    private HealthCheck healthCheck;

    public LoadBalancingStrategy getStrategy() {
        return strategy;
    }

    public void setStrategy(LoadBalancingStrategy strategy) {
        this.strategy = strategy;
    }

    public List<ModelEndpoint> getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(List<ModelEndpoint> endpoints) {
        this.endpoints = endpoints;
    }

    public HealthCheck getHealthCheck() {
        return healthCheck;
    }

    public void setHealthCheck(HealthCheck healthCheck) {
        this.healthCheck = healthCheck;
    }
}
