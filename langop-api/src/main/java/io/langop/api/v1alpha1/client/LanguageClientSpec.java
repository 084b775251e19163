package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.PersonaReference;
import io.langop.api.v1alpha1.ServiceWorkloadSpec;
import io.langop.api.v1alpha1.ToolReference;
import java.util.List;

/**
 * Desired state of a LanguageClient: a chat or API front-end for models, tools and agents. Without {@code image} it
 * runs the langop console (langop-console), which reads every setting below from {@code client.json}.
 */
@ValidationRule(
        value = "!has(self.regions)",
        message = "regions are not supported yet: run one LanguageClient per region")
@ValidationRule(
        value = "!has(self.modelRefs) || self.modelRefs.all(m, m.role == 'primary' && !has(m.priority))",
        message =
                "modelRefs[].role and priority are not supported yet on a LanguageClient: users pick among the models listed, in their order")
@ValidationRule(
        value = "!has(self.toolRefs) || self.toolRefs.all(t, !has(t.requireApproval) || !t.requireApproval)",
        message = "toolRefs[].requireApproval is not supported yet on a LanguageClient: require approval on the"
                + " LanguageAgent that calls the tool")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageClientSpec extends ServiceWorkloadSpec {

    @Default("web")
    @JsonPropertyDescription("Kind of interface.")
    private ClientType type;

    @Default("2")
    @Min(0)
    @JsonPropertyDescription("Pods.")
    private Integer replicas;

    @Required
    // bounded, so the API server can price the CEL rule that looks at each of them
    @Size(min = 1, max = 64)
    @JsonPropertyDescription("Models users can talk to.")
    private List<ModelReference> modelRefs;

    @Size(max = 64)
    @JsonPropertyDescription("Tools the client offers.")
    private List<ToolReference> toolRefs;

    @JsonPropertyDescription("Default persona.")
    private PersonaReference personaRef;

    @JsonPropertyDescription("Agents users can invoke.")
    private List<AgentReference> agentRefs;

    @Default("true")
    @JsonPropertyDescription("Users may pick the model.")
    private Boolean allowModelSelection;

    @Default("false")
    @JsonPropertyDescription("Users may pick the persona.")
    private Boolean allowPersonaSelection;

    @JsonPropertyDescription("Sessions.")
    private SessionConfig sessionConfig;

    @JsonPropertyDescription("Authentication.")
    private Authentication authentication;

    @JsonPropertyDescription("Per-user rate limits.")
    private ClientRateLimits rateLimiting;

    @JsonPropertyDescription("Moderation.")
    private ContentModeration contentModeration;

    @JsonPropertyDescription("Look of a web client.")
    private UiConfig uiConfig;

    @JsonPropertyDescription("Ingress.")
    private IngressSpec ingress;

    @JsonPropertyDescription("TLS.")
    private ClientTls tls;

    @JsonPropertyDescription("CORS.")
    private Cors cors;

    @JsonPropertyDescription("Monitoring.")
    private Monitoring monitoring;

    @JsonPropertyDescription("Logging.")
    private ClientLogging logging;

    @JsonPropertyDescription("Security context of the client container.")
    private SecurityContext containerSecurityContext;

    @JsonPropertyDescription("Horizontal autoscaling.")
    private Autoscaling horizontalPodAutoscaler;

    @Size(max = 16)
    @JsonPropertyDescription("Regions.")
    private List<ClientRegion> regions;

    public ClientType getType() {
        return type;
    }

    public void setType(ClientType type) {
        this.type = type;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public List<ModelReference> getModelRefs() {
        return modelRefs;
    }

    public void setModelRefs(List<ModelReference> modelRefs) {
        this.modelRefs = modelRefs;
    }

    public List<ToolReference> getToolRefs() {
        return toolRefs;
    }

    public void setToolRefs(List<ToolReference> toolRefs) {
        this.toolRefs = toolRefs;
    }

    public PersonaReference getPersonaRef() {
        return personaRef;
    }

    public void setPersonaRef(PersonaReference personaRef) {
        this.personaRef = personaRef;
    }

    public List<AgentReference> getAgentRefs() {
        return agentRefs;
    }

    public void setAgentRefs(List<AgentReference> agentRefs) {
        this.agentRefs = agentRefs;
    }

    public Boolean getAllowModelSelection() {
        return allowModelSelection;
    }

    public void setAllowModelSelection(Boolean allowModelSelection) {
        this.allowModelSelection = allowModelSelection;
    }

    public Boolean getAllowPersonaSelection() {
        return allowPersonaSelection;
    }

    public void setAllowPersonaSelection(Boolean allowPersonaSelection) {
        this.allowPersonaSelection = allowPersonaSelection;
    }

    public SessionConfig getSessionConfig() {
        return sessionConfig;
    }

    public void setSessionConfig(SessionConfig sessionConfig) {
        this.sessionConfig = sessionConfig;
    }

    public Authentication getAuthentication() {
        return authentication;
    }

    public void setAuthentication(Authentication authentication) {
        this.authentication = authentication;
    }

    public ClientRateLimits getRateLimiting() {
        return rateLimiting;
    }

    public void setRateLimiting(ClientRateLimits rateLimiting) {
        this.rateLimiting = rateLimiting;
    }

    public ContentModeration getContentModeration() {
        return contentModeration;
    }

    public void setContentModeration(ContentModeration contentModeration) {
        this.contentModeration = contentModeration;
    }

    public UiConfig getUiConfig() {
        return uiConfig;
    }

    public void setUiConfig(UiConfig uiConfig) {
        this.uiConfig = uiConfig;
    }

    public IngressSpec getIngress() {
        return ingress;
    }

    public void setIngress(IngressSpec ingress) {
        this.ingress = ingress;
    }

    public ClientTls getTls() {
        return tls;
    }

    public void setTls(ClientTls tls) {
        this.tls = tls;
    }

    public Cors getCors() {
        return cors;
    }

    public void setCors(Cors cors) {
        this.cors = cors;
    }

    public Monitoring getMonitoring() {
        return monitoring;
    }

    public void setMonitoring(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    public ClientLogging getLogging() {
        return logging;
    }

    public void setLogging(ClientLogging logging) {
        this.logging = logging;
    }

    public SecurityContext getContainerSecurityContext() {
        return containerSecurityContext;
    }

    public void setContainerSecurityContext(SecurityContext containerSecurityContext) {
        this.containerSecurityContext = containerSecurityContext;
    }

    public Autoscaling getHorizontalPodAutoscaler() {
        return horizontalPodAutoscaler;
    }

    public void setHorizontalPodAutoscaler(Autoscaling horizontalPodAutoscaler) {
        this.horizontalPodAutoscaler = horizontalPodAutoscaler;
    }

    public List<ClientRegion> getRegions() {
        return regions;
    }

    public void setRegions(List<ClientRegion> regions) {
        this.regions = regions;
    }
}
