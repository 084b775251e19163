package io.langop.api.v1alpha1.tool;

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
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.langop.api.v1alpha1.ImagePullPolicy;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.PodDisruptionBudgetSpec;
import io.langop.api.v1alpha1.ServiceType;
import io.langop.api.v1alpha1.UpdateStrategySpec;
import java.util.List;
import java.util.Map;

/** Desired state of a LanguageTool: an MCP tool server. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageToolSpec {

  @JsonPropertyDescription("Name of the LanguageCluster (same namespace) the tool belongs to.")
  private String clusterRef;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Tool server image.")
  private String image;

  @Default("IfNotPresent")
  @JsonPropertyDescription("Image pull policy.")
  private ImagePullPolicy imagePullPolicy;

  @JsonPropertyDescription("Secrets for pulling the image.")
  private List<LocalObjectReference> imagePullSecrets;

  @Default("mcp")
  @JsonPropertyDescription("Protocol of the tool server.")
  private ToolType type;

  @Default("service")
  @JsonPropertyDescription("Where the tool runs.")
  private DeploymentMode deploymentMode;

  @Default("8080")
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("Port the tool server listens on.")
  private Integer port;

  @Default("1")
  @Min(0)
  @JsonPropertyDescription("Pods of a service-mode tool.")
  private Integer replicas;

  @JsonPropertyDescription("Environment variables of the tool container.")
  private List<EnvVar> env;

  @JsonPropertyDescription("Environment sources of the tool container.")
  private List<EnvFromSource> envFrom;

  @JsonPropertyDescription("Resources of the tool container.")
  private ResourceRequirements resources;

  @JsonPropertyDescription("Node selector of service-mode pods.")
  private Map<String, String> nodeSelector;

  @JsonPropertyDescription("Affinity of service-mode pods.")
  private Affinity affinity;

  @JsonPropertyDescription("Tolerations of service-mode pods.")
  private List<Toleration> tolerations;

  @JsonPropertyDescription("Topology spread of service-mode pods.")
  private List<TopologySpreadConstraint> topologySpreadConstraints;

  @JsonPropertyDescription("Service account of service-mode pods.")
  private String serviceAccountName;

  @JsonPropertyDescription("Pod security context of service-mode pods.")
  private PodSecurityContext securityContext;

  @JsonPropertyDescription("Extra volume mounts of the tool container.")
  private List<VolumeMount> volumeMounts;

  @JsonPropertyDescription("Extra volumes.")
  private List<Volume> volumes;

  @JsonPropertyDescription("Liveness probe replacing the default TCP probe.")
  private Probe livenessProbe;

  @JsonPropertyDescription("Readiness probe replacing the default TCP probe.")
  private Probe readinessProbe;

  @JsonPropertyDescription("Startup probe.")
  private Probe startupProbe;

  @Default("ClusterIP")
  @JsonPropertyDescription("Type of the Service of a service-mode tool.")
  private ServiceType serviceType;

  @JsonPropertyDescription("Annotations of the Service.")
  private Map<String, String> serviceAnnotations;

  @JsonPropertyDescription("Extra pod annotations.")
  private Map<String, String> podAnnotations;

  @JsonPropertyDescription("Extra pod labels.")
  private Map<String, String> podLabels;

  @JsonPropertyDescription("PodDisruptionBudget of a service-mode tool.")
  private PodDisruptionBudgetSpec podDisruptionBudget;

  @JsonPropertyDescription("Update strategy of a service-mode tool.")
  private UpdateStrategySpec updateStrategy;

  @Size(max = 64)
  @JsonPropertyDescription("External destinations the tool may reach.")
  private List<NetworkRule> egress;

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

  public ToolType getType() {
    return type;
  }

  public void setType(ToolType type) {
    this.type = type;
  }

  public DeploymentMode getDeploymentMode() {
    return deploymentMode;
  }

  public void setDeploymentMode(DeploymentMode deploymentMode) {
    this.deploymentMode = deploymentMode;
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

  public List<NetworkRule> getEgress() {
    return egress;
  }

  public void setEgress(List<NetworkRule> egress) {
    this.egress = egress;
  }
}
