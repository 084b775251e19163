package io.langop.api.v1alpha1.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.ServiceWorkloadSpec;
import io.langop.api.v1alpha1.client.Autoscaling;
import java.util.List;

/** Desired state of a LanguageTool: an MCP tool server. */
@ValidationRule(value = "has(self.image)", message = "image is required")
@ValidationRule(
        value = "self.type == 'mcp'",
        message = "tool type openapi is not supported yet: run an MCP server (the agents speak MCP to their tools)",
        fieldPath = ".type")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageToolSpec extends ServiceWorkloadSpec {

    @Default("mcp")
    @JsonPropertyDescription("Protocol of the tool server: mcp; openapi is not supported yet (refused).")
    private ToolType type;

    @Default("service")
    @JsonPropertyDescription(
            "Where the tool runs: service (own Deployment and Service) or sidecar (a container in each "
                    + "agent pod that references it; only the container settings apply).")
    private DeploymentMode deploymentMode;

    @Default("1")
    @Min(0)
    @JsonPropertyDescription("Pods of a service-mode tool.")
    private Integer replicas;

    @Size(max = 64)
    @JsonPropertyDescription("External destinations the tool may reach.")
    private List<NetworkRule> egress;

    @JsonPropertyDescription("HorizontalPodAutoscaler of a service-mode tool's Deployment; while enabled it owns the"
            + " replica count.")
    private Autoscaling horizontalPodAutoscaler;

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

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public List<NetworkRule> getEgress() {
        return egress;
    }

    public void setEgress(List<NetworkRule> egress) {
        this.egress = egress;
    }

    public Autoscaling getHorizontalPodAutoscaler() {
        return horizontalPodAutoscaler;
    }

    public void setHorizontalPodAutoscaler(Autoscaling horizontalPodAutoscaler) {
        this.horizontalPodAutoscaler = horizontalPodAutoscaler;
    }
}
