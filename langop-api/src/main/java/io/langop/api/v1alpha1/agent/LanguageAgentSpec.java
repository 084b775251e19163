package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.langop.api.v1alpha1.ImagePullPolicy;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.Patterns;
import io.langop.api.v1alpha1.PersonaReference;
import io.langop.api.v1alpha1.ToolReference;
import java.util.List;
import java.util.Map;

/** Desired state of a LanguageAgent. */
@ValidationRule(
    value = "has(self.instructions) || has(self.codeRef)",
    message = "set instructions (synthesized code) or codeRef (your own code)")
@ValidationRule(
    value = "!(has(self.instructions) && has(self.codeRef))",
    message = "instructions and codeRef exclude each other")
@ValidationRule(
    value = "self.executionMode != 'scheduled' || has(self.schedule)",
    message = "a scheduled agent needs a schedule",
    fieldPath = ".schedule")
@ValidationRule(
    value = "self.executionMode == 'scheduled' || !has(self.schedule)",
    message = "schedule is only used with executionMode scheduled",
    fieldPath = ".schedule")
@ValidationRule(
    value =
        "self.executionMode != 'event-driven' || (has(self.eventTriggers) && "
            + "size(self.eventTriggers) > 0)",
    message = "an event-driven agent needs eventTriggers",
    fieldPath = ".eventTriggers")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageAgentSpec {

  @JsonPropertyDescription("Name of the LanguageCluster (same namespace) the agent belongs to.")
  private String clusterRef;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Agent runtime image that compiles and runs the agent code.")
  private String image;

  @Default("IfNotPresent")
  @JsonPropertyDescription("Image pull policy.")
  private ImagePullPolicy imagePullPolicy;

  @JsonPropertyDescription("Secrets for pulling the image.")
  private List<LocalObjectReference> imagePullSecrets;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("LanguageModels the agent may use.")
  private List<ModelReference> modelRefs;

  @JsonPropertyDescription("LanguageTools the agent may use.")
  private List<ToolReference> toolRefs;

  @JsonPropertyDescription("LanguagePersona shaping the agent's behaviour.")
  private PersonaReference personaRef;

  @JsonPropertyDescription("Objective of an autonomous agent.")
  private String goal;

  @JsonPropertyDescription(
      "What the agent should do, in natural language; the input of code synthesis.")
  private String instructions;

  @JsonPropertyDescription("How the agent code is synthesized from the instructions.")
  private SynthesisSpec synthesis;

  @JsonPropertyDescription("Bring-your-own agent code instead of synthesis.")
  private CodeReference codeRef;

  @Default("autonomous")
  @JsonPropertyDescription("How the agent runs.")
  private ExecutionMode executionMode;

  @Pattern(Patterns.CRON)
  @JsonPropertyDescription(
      "Cron schedule of a scheduled agent (five fields or a macro such as @daily).")
  private String schedule;

  @JsonPropertyDescription("Events that start an event-driven agent.")
  private List<EventTrigger> eventTriggers;

  @Default("50")
  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("Cap on reasoning/action iterations per execution.")
  private Integer maxIterations;

  @Default("10m")
  @Pattern(Patterns.DURATION)
  @JsonPropertyDescription("Maximum duration of one execution.")
  private String timeout;

  @Default("1")
  @Min(0)
  @JsonPropertyDescription("Pods of a Deployment-based agent.")
  private Integer replicas;

  @JsonPropertyDescription("Extra environment variables of the agent container.")
  private List<EnvVar> env;

  @JsonPropertyDescription("Extra environment sources of the agent container.")
  private List<EnvFromSource> envFrom;

  @JsonPropertyDescription("Resources of the agent container.")
  private ResourceRequirements resources;

  @JsonPropertyDescription("Node selector of the agent pods.")
  private Map<String, String> nodeSelector;

  @JsonPropertyDescription("Affinity of the agent pods.")
  private Affinity affinity;

  @JsonPropertyDescription("Tolerations of the agent pods.")
  private List<Toleration> tolerations;

  @JsonPropertyDescription("Service account of the agent pods.")
  private String serviceAccountName;

  @JsonPropertyDescription("Pod security context of the agent pods.")
  private PodSecurityContext securityContext;

  @JsonPropertyDescription("Extra volume mounts of the agent container.")
  private List<VolumeMount> volumeMounts;

  @JsonPropertyDescription("Extra volumes of the agent pods.")
  private List<Volume> volumes;

  @JsonPropertyDescription("Extra annotations of the agent pods.")
  private Map<String, String> podAnnotations;

  @JsonPropertyDescription("Extra labels of the agent pods.")
  private Map<String, String> podLabels;

  @Default("OnFailure")
  @JsonPropertyDescription("Restart policy of the pods of a scheduled agent.")
  private RestartPolicy restartPolicy;

  @Default("3")
  @Min(0)
  @JsonPropertyDescription("Retries of a failed run of a scheduled agent.")
  private Integer backoffLimit;

  @JsonPropertyDescription("Conversation memory.")
  private MemoryStore memoryStore;

  @JsonPropertyDescription("Metrics, tracing and logging.")
  private AgentObservability observability;

  @JsonPropertyDescription("Rate limits.")
  private AgentRateLimits rateLimits;

  @JsonPropertyDescription("Guard rails.")
  private SafetyConfig safetyConfig;

  @JsonPropertyDescription("Persistent workspace volume.")
  private Workspace workspace;

  @Size(max = 64)
  @JsonPropertyDescription(
      "External destinations the agent may reach; in-cluster traffic of the LanguageCluster is "
          + "always allowed.")
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

  public String getGoal() {
    return goal;
  }

  public void setGoal(String goal) {
    this.goal = goal;
  }

  public String getInstructions() {
    return instructions;
  }

  public void setInstructions(String instructions) {
    this.instructions = instructions;
  }

  public SynthesisSpec getSynthesis() {
    return synthesis;
  }

  public void setSynthesis(SynthesisSpec synthesis) {
    this.synthesis = synthesis;
  }

  public CodeReference getCodeRef() {
    return codeRef;
  }

  public void setCodeRef(CodeReference codeRef) {
    this.codeRef = codeRef;
  }

  public ExecutionMode getExecutionMode() {
    return executionMode;
  }

  public void setExecutionMode(ExecutionMode executionMode) {
    this.executionMode = executionMode;
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public List<EventTrigger> getEventTriggers() {
    return eventTriggers;
  }

  public void setEventTriggers(List<EventTrigger> eventTriggers) {
    this.eventTriggers = eventTriggers;
  }

  public Integer getMaxIterations() {
    return maxIterations;
  }

  public void setMaxIterations(Integer maxIterations) {
    this.maxIterations = maxIterations;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
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

  public RestartPolicy getRestartPolicy() {
    return restartPolicy;
  }

  public void setRestartPolicy(RestartPolicy restartPolicy) {
    this.restartPolicy = restartPolicy;
  }

  public Integer getBackoffLimit() {
    return backoffLimit;
  }

  public void setBackoffLimit(Integer backoffLimit) {
    this.backoffLimit = backoffLimit;
  }

  public MemoryStore getMemoryStore() {
    return memoryStore;
  }

  public void setMemoryStore(MemoryStore memoryStore) {
    this.memoryStore = memoryStore;
  }

  public AgentObservability getObservability() {
    return observability;
  }

  public void setObservability(AgentObservability observability) {
    this.observability = observability;
  }

  public AgentRateLimits getRateLimits() {
    return rateLimits;
  }

  public void setRateLimits(AgentRateLimits rateLimits) {
    this.rateLimits = rateLimits;
  }

  public SafetyConfig getSafetyConfig() {
    return safetyConfig;
  }

  public void setSafetyConfig(SafetyConfig safetyConfig) {
    this.safetyConfig = safetyConfig;
  }

  public Workspace getWorkspace() {
    return workspace;
  }

  public void setWorkspace(Workspace workspace) {
    this.workspace = workspace;
  }

  public List<NetworkRule> getEgress() {
    return egress;
  }

  public void setEgress(List<NetworkRule> egress) {
    this.egress = egress;
  }
}
