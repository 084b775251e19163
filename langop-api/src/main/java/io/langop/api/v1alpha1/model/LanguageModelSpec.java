package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.Patterns;
import io.langop.api.v1alpha1.SecretKeyReference;
import java.util.List;

/** Desired state of a LanguageModel: one model behind an OpenAI-compatible proxy. */
@ValidationRule(
        value = "!(self.provider in ['openai-compatible', 'azure', 'custom']) || has(self.endpoint) || "
                + "(has(self.loadBalancing) && has(self.loadBalancing.endpoints) && "
                + "size(self.loadBalancing.endpoints) > 0)",
        message = "providers openai-compatible, azure and custom need an endpoint",
        fieldPath = ".endpoint")
@ValidationRule(
        value = "!has(self.regions)",
        message = "regions are not supported yet: list each region's URL under loadBalancing.endpoints",
        fieldPath = ".regions")
@ValidationRule(
        value = "!has(self.caching) || !has(self.caching.backend) || self.caching.backend != 'redis'"
                + " || has(self.sharedState)",
        message = "caching.backend redis needs sharedState (the Redis the proxy replicas share)",
        fieldPath = ".caching.backend")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageModelSpec {

    @JsonPropertyDescription("Name of the LanguageCluster (same namespace) the model belongs to.")
    private String clusterRef;

    @Required
    @JsonPropertyDescription("API family of the endpoint.")
    private ModelProvider provider;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Model id at the provider, e.g. gpt-4o.")
    private String modelName;

    @Pattern(Patterns.HTTP_URL)
    @JsonPropertyDescription("Base URL of the API; required for openai-compatible, azure and custom providers.")
    private String endpoint;

    @JsonPropertyDescription("Secret holding the API key; mounted into the proxy, never copied.")
    private SecretKeyReference apiKeySecretRef;

    @JsonPropertyDescription("Default request parameters.")
    private ModelConfiguration configuration;

    @JsonPropertyDescription("Rate limits.")
    private ModelRateLimits rateLimits;

    @Default("5m")
    @Pattern(Patterns.DURATION)
    @JsonPropertyDescription("Timeout of one request.")
    private String timeout;

    @JsonPropertyDescription("Retries of failed requests.")
    private RetryPolicy retryPolicy;

    @JsonPropertyDescription("Models tried in order when this one fails.")
    private List<ModelFallback> fallbacks;

    @JsonPropertyDescription("Load balancing over several endpoints.")
    private LoadBalancing loadBalancing;

    @JsonPropertyDescription("Response cache.")
    private ResponseCaching caching;

    @JsonPropertyDescription(
            "The Redis the proxy replicas share rate limits, usage totals and (with caching.backend redis) the"
                    + " response cache through.")
    private ProxySharedState sharedState;

    @JsonPropertyDescription("Metrics, tracing and logging.")
    private ModelObservability observability;

    @JsonPropertyDescription("Token cost accounting.")
    private CostTracking costTracking;

    @JsonPropertyDescription("Regions serving the model: not supported yet, refused.")
    private List<ModelRegion> regions;

    @Size(max = 64)
    @JsonPropertyDescription("External destinations the model proxy may reach besides its endpoints.")
    private List<NetworkRule> egress;

    @Default("1")
    @Min(0)
    @JsonPropertyDescription("Pods of the model proxy. Without sharedState each counts its own rate limits, usage and"
            + " cost (n replicas admit up to n times every limit, and status shows the one the operator read); with"
            + " sharedState they keep one limit and one total.")
    private Integer replicas;

    @JsonPropertyDescription("Resources of the model proxy container.")
    private ResourceRequirements resources;

    public String getClusterRef() {
        return clusterRef;
    }

    public void setClusterRef(String clusterRef) {
        this.clusterRef = clusterRef;
    }

    public ModelProvider getProvider() {
        return provider;
    }

    public void setProvider(ModelProvider provider) {
        this.provider = provider;
    }

    public String getModelName() {
        return modelName;
    }

    public void setModelName(String modelName) {
        this.modelName = modelName;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public SecretKeyReference getApiKeySecretRef() {
        return apiKeySecretRef;
    }

    public void setApiKeySecretRef(SecretKeyReference apiKeySecretRef) {
        this.apiKeySecretRef = apiKeySecretRef;
    }

    public ModelConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ModelConfiguration configuration) {
        this.configuration = configuration;
    }

    public ModelRateLimits getRateLimits() {
        return rateLimits;
    }

    public void setRateLimits(ModelRateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public RetryPolicy getRetryPolicy() {
        return retryPolicy;
    }

    public void setRetryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    public List<ModelFallback> getFallbacks() {
        return fallbacks;
    }

    public void setFallbacks(List<ModelFallback> fallbacks) {
        this.fallbacks = fallbacks;
    }

    public LoadBalancing getLoadBalancing() {
        return loadBalancing;
    }

    public void setLoadBalancing(LoadBalancing loadBalancing) {
        this.loadBalancing = loadBalancing;
    }

    public ResponseCaching getCaching() {
        return caching;
    }

    public void setCaching(ResponseCaching caching) {
        this.caching = caching;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public ProxySharedState getSharedState() {
        return sharedState;
    }

    public void setSharedState(ProxySharedState sharedState) {
        this.sharedState = sharedState;
    }

    public ModelObservability getObservability() {
        return observability;
    }

    public void setObservability(ModelObservability observability) {
        this.observability = observability;
    }

    public CostTracking getCostTracking() {
        return costTracking;
    }

    public void setCostTracking(CostTracking costTracking) {
        this.costTracking = costTracking;
    }

    public List<ModelRegion> getRegions() {
        return regions;
    }

    public void setRegions(List<ModelRegion> regions) {
        this.regions = regions;
    }

    public List<NetworkRule> getEgress() {
        return egress;
    }

    public void setEgress(List<NetworkRule> egress) {
        this.egress = egress;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }
}
