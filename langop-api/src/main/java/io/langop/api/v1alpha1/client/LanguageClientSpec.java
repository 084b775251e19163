package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.langop.api.v1alpha1.ImagePullPolicy;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.PersonaReference;
import io.langop.api.v1alpha1.PodDisruptionBudgetSpec;
import io.langop.api.v1alpha1.ServiceType;
import io.langop.api.v1alpha1.ToolReference;
import io.langop.api.v1alpha1.UpdateStrategySpec;
import java.util.List;
import java.util.Map;

/** Desired state of a LanguageClient: a chat or API front-end for models, tools and agents. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageClientSpec {

  @JsonPropertyDescription("Name of the LanguageCluster (same namespace) the client belongs to.")
  private String clusterRef;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Client image.")
  private String image;

  @Default("IfNotPresent")
  @JsonPropertyDescription("Image pull policy.")
  private ImagePullPolicy imagePullPolicy;

  @JsonPropertyDescription("Secrets for pulling the image.")
  private List<LocalObjectReference> imagePullSecrets;

  @Default("web")
  @JsonPropertyDescription("Kind of interface.")
  private ClientType type;

  @Default("8080")
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("Port of the container and the Service.")
  private Integer port;

  @Default("2")
  @Min(0)
  @JsonPropertyDescription("Pods.")
  private Integer replicas;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Models users can talk to.")
  private List<ModelReference> modelRefs;

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

  @JsonPropertyDescription("Environment variables of the client container.")
  private List<EnvVar> env;

  @JsonPropertyDescription("Environment sources of the client container.")
  private List<EnvFromSource> envFrom;

  @JsonPropertyDescription("Resources of the client container.")
  private ResourceRequirements resources;

  @JsonPropertyDescription("Node selector.")
  private Map<String, String> nodeSelector;

  @JsonPropertyDescription("Affinity.")
  private Affinity affinity;

  @JsonPropertyDescription("Tolerations.")
  private List<Toleration> tolerations;

  @JsonPropertyDescription("Topology spread.")
  private List<TopologySpreadConstraint> topologySpreadConstraints;

  @JsonPropertyDescription("Service account.")
  private String serviceAccountName;

  @JsonPropertyDescription("Pod security context.")
  private PodSecurityContext securityContext;

  @JsonPropertyDescription("Security context of the client container.")
  private SecurityContext containerSecurityContext;

  @JsonPropertyDescription("Extra volume mounts.")
  private List<VolumeMount> volumeMounts;

  @JsonPropertyDescription("Extra volumes.")
  private List<Volume> volumes;

  @JsonPropertyDescription("Liveness probe replacing the default.")
  private Probe livenessProbe;

  @JsonPropertyDescription("Readiness probe replacing the default.")
  private Probe readinessProbe;

  @JsonPropertyDescription("Startup probe.")
  private Probe startupProbe;

  @Default("ClusterIP")
  @JsonPropertyDescription("Service type.")
  private ServiceType serviceType;

  @JsonPropertyDescription("Service annotations.")
  private Map<String, String> serviceAnnotations;

  @JsonPropertyDescription("Extra pod annotations.")
  private Map<String, String> podAnnotations;

  @JsonPropertyDescription("Extra pod labels.")
  private Map<String, String> podLabels;

  @JsonPropertyDescription("PodDisruptionBudget.")
  private PodDisruptionBudgetSpec podDisruptionBudget;

  @JsonPropertyDescription("Update strategy.")
  private UpdateStrategySpec updateStrategy;

  @JsonPropertyDescription("Horizontal autoscaling.")
  private Autoscaling horizontalPodAutoscaler;

  @Size(max = 16)
  @JsonPropertyDescription("Regions.")
  private List<ClientRegion> regions;

  public String getClusterRef() {
    return clusterRef;
  }

  public void setClusterRef(String clusterRef) {
    this.clusterRef = clusterRef;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public ImagePullPolicy getImagePullPolicy() {
    return imagePullPolicy;
  }

  public void setImagePullPolicy(ImagePullPolicy imagePullPolicy) {
    this.imagePullPolicy = imagePullPolicy;
  }

  public List<LocalObjectReference> getImagePullSecrets() {
    return imagePullSecrets;
  }

  public void setImagePullSecrets(List<LocalObjectReference> imagePullSecrets) {
    this.imagePullSecrets = imagePullSecrets;
  }

  public ClientType getType() {
    return type;
  }

  public void setType(ClientType type) {
    this.type = type;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
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

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env;
  }

  public List<EnvFromSource> getEnvFrom() {
    return envFrom;
  }

  public void setEnvFrom(List<EnvFromSource> envFrom) {
    this.envFrom = envFrom;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public Affinity getAffinity() {
    return affinity;
  }

  public void setAffinity(Affinity affinity) {
    this.affinity = affinity;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }

  public List<TopologySpreadConstraint> getTopologySpreadConstraints() {
    return topologySpreadConstraints;
  }

  public void setTopologySpreadConstraints(
      List<TopologySpreadConstraint> topologySpreadConstraints) {
    this.topologySpreadConstraints = topologySpreadConstraints;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }

  public PodSecurityContext getSecurityContext() {
    return securityContext;
  }

  public void setSecurityContext(PodSecurityContext securityContext) {
    this.securityContext = securityContext;
  }

  public SecurityContext getContainerSecurityContext() {
    return containerSecurityContext;
  }

  public void setContainerSecurityContext(SecurityContext containerSecurityContext) {
    this.containerSecurityContext = containerSecurityContext;
  }

  public List<VolumeMount> getVolumeMounts() {
    return volumeMounts;
  }

  public void setVolumeMounts(List<VolumeMount> volumeMounts) {
    this.volumeMounts = volumeMounts;
  }

  public List<Volume> getVolumes() {
    return volumes;
  }

  public void setVolumes(List<Volume> volumes) {
    this.volumes = volumes;
  }

  public Probe getLivenessProbe() {
    return livenessProbe;
  }

  public void setLivenessProbe(Probe livenessProbe) {
    this.livenessProbe = livenessProbe;
  }

  public Probe getReadinessProbe() {
    return readinessProbe;
  }

  public void setReadinessProbe(Probe readinessProbe) {
    this.readinessProbe = readinessProbe;
  }

  public Probe getStartupProbe() {
    return startupProbe;
  }

  public void setStartupProbe(Probe startupProbe) {
    this.startupProbe = startupProbe;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public void setServiceType(ServiceType serviceType) {
    this.serviceType = serviceType;
  }

  public Map<String, String> getServiceAnnotations() {
    return serviceAnnotations;
  }

  public void setServiceAnnotations(Map<String, String> serviceAnnotations) {
    this.serviceAnnotations = serviceAnnotations;
  }

  public Map<String, String> getPodAnnotations() {
    return podAnnotations;
  }

  public void setPodAnnotations(Map<String, String> podAnnotations) {
    this.podAnnotations = podAnnotations;
  }

  public Map<String, String> getPodLabels() {
    return podLabels;
  }

  public void setPodLabels(Map<String, String> podLabels) {
    this.podLabels = podLabels;
  }

  public PodDisruptionBudgetSpec getPodDisruptionBudget() {
    return podDisruptionBudget;
  }

  public void setPodDisruptionBudget(PodDisruptionBudgetSpec podDisruptionBudget) {
    this.podDisruptionBudget = podDisruptionBudget;
  }

  public UpdateStrategySpec getUpdateStrategy() {
    return updateStrategy;
  }

  public void setUpdateStrategy(UpdateStrategySpec updateStrategy) {
    this.updateStrategy = updateStrategy;
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
