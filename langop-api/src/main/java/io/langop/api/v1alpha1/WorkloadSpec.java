package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;

/**
 * The container and pod settings of every kind the operator runs as pods (agents, tools, clients).
 * {@code replicas} is not here: its default differs per kind.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class WorkloadSpec {

    @JsonPropertyDescription("Name of the LanguageCluster (same namespace) this object belongs to.")
    private String clusterRef;

    // Required of agents and tools by a rule of their own: a LanguageClient without one runs the langop console.
    @Size(min = 1)
    @JsonPropertyDescription("Image of the main container.")
    private String image;

    @Default("IfNotPresent")
    @JsonPropertyDescription("Image pull policy.")
    private ImagePullPolicy imagePullPolicy;

    @JsonPropertyDescription("Secrets for pulling the image.")
    private List<LocalObjectReference> imagePullSecrets;

    @JsonPropertyDescription("Environment variables added to the main container.")
    private List<EnvVar> env;

    @JsonPropertyDescription("Environment sources added to the main container.")
    private List<EnvFromSource> envFrom;

    @JsonPropertyDescription("Resources of the main container.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Node selector of the pods.")
    private Map<String, String> nodeSelector;

    @JsonPropertyDescription("Affinity of the pods.")
    private Affinity affinity;

    @JsonPropertyDescription("Tolerations of the pods.")
    private List<Toleration> tolerations;

    @JsonPropertyDescription("Service account of the pods.")
    private String serviceAccountName;

    @JsonPropertyDescription("Pod security context.")
    private PodSecurityContext securityContext;

    @JsonPropertyDescription("Extra volume mounts of the main container.")
    private List<VolumeMount> volumeMounts;

    @JsonPropertyDescription("Extra volumes of the pods.")
    private List<Volume> volumes;

    @JsonPropertyDescription("Extra annotations of the pods.")
    private Map<String, String> podAnnotations;

    @JsonPropertyDescription("Extra labels of the pods.")
    private Map<String, String> podLabels;

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
}
