package io.langop.operator.tool;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.kube.PullPolicies;
import io.langop.wire.ServiceWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The container that runs a LanguageTool's MCP server: the same container in the tool's own
 * Deployment and as a sidecar in an agent pod.
 */
public final class ToolContainer {

    private ToolContainer() {}

    /** The tool server container; {@code extraMounts} lets an agent share its workspace with it. */
    public static Container of(String name, LanguageTool tool, List<VolumeMount> extraMounts) {
        var spec = tool.getSpec();
        int port = ToolEndpoint.port(tool);
        List<VolumeMount> mounts = new ArrayList<>(Objects.requireNonNullElse(spec.getVolumeMounts(), List.of()));
        mounts.addAll(extraMounts);
        List<EnvVar> userEnv = Objects.requireNonNullElse(spec.getEnv(), List.of());
        List<EnvVar> env = new ArrayList<>();
        if (userEnv.stream().noneMatch(variable -> ServiceWire.PORT_ENV.equals(variable.getName()))) {
            // tool servers listen on PORT: without it every one takes 8080, not the port its Service and probe use
            env.add(new EnvVar(ServiceWire.PORT_ENV, String.valueOf(port), null));
        }
        env.addAll(userEnv);
        return new ContainerBuilder()
                .withName(name)
                .withImage(spec.getImage())
                .withImagePullPolicy(PullPolicies.kubernetesName(spec.getImagePullPolicy()))
                .addNewPort()
                .withName(ToolEndpoint.PORT_NAME)
                .withContainerPort(port)
                .withProtocol("TCP")
                .endPort()
                .withEnv(env)
                .withEnvFrom(spec.getEnvFrom())
                .withResources(spec.getResources())
                .withVolumeMounts(mounts)
                .withReadinessProbe(spec.getReadinessProbe() != null ? spec.getReadinessProbe() : tcpProbe())
                .withLivenessProbe(spec.getLivenessProbe())
                .withStartupProbe(spec.getStartupProbe())
                .build();
    }

    /** Ready once the port accepts connections: every MCP server answers there, whatever its image. */
    private static Probe tcpProbe() {
        return new ProbeBuilder()
                .withNewTcpSocket()
                .withPort(new IntOrString(ToolEndpoint.PORT_NAME))
                .endTcpSocket()
                .withPeriodSeconds(2)
                .withTimeoutSeconds(1)
                .withFailureThreshold(3)
                .build();
    }
}
