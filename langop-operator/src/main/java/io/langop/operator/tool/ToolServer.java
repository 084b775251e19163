package io.langop.operator.tool;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.kube.Labels;
import io.langop.wire.ServiceWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every user of a LanguageTool needs to know about it: where it answers and the container that
 * runs it — the same container in the tool's own Deployment and as a sidecar in an agent pod.
 */
public final class ToolServer {

    public static final int DEFAULT_PORT = 8080;
    /** Path of the MCP streamable-HTTP endpoint of langop tool servers. */
    public static final String MCP_PATH = ServiceWire.MCP_PATH;

    public static final String PORT_NAME = "mcp";

    private ToolServer() {}

    public static int port(LanguageTool tool) {
        return Objects.requireNonNullElse(tool.getSpec().getPort(), DEFAULT_PORT);
    }

    public static boolean isSidecar(LanguageTool tool) {
        return tool.getSpec().getDeploymentMode() == DeploymentMode.SIDECAR;
    }

    /** Name of the tool's Deployment and Service. */
    public static String serviceName(LanguageTool tool) {
        return Labels.name(tool, "tool");
    }

    /** The MCP URL an agent uses: localhost for a sidecar, the Service otherwise. */
    public static String url(LanguageTool tool) {
        String host = isSidecar(tool)
                ? "localhost"
                : serviceName(tool) + "." + tool.getMetadata().getNamespace() + ".svc.cluster.local";
        return "http://" + host + ":" + port(tool) + MCP_PATH;
    }

    /** The tool server container; {@code extraMounts} lets an agent share its workspace with it. */
    public static Container container(String name, LanguageTool tool, List<VolumeMount> extraMounts) {
        var spec = tool.getSpec();
        List<VolumeMount> mounts = new ArrayList<>(Objects.requireNonNullElse(spec.getVolumeMounts(), List.of()));
        mounts.addAll(extraMounts);
        List<EnvVar> userEnv = Objects.requireNonNullElse(spec.getEnv(), List.of());
        List<EnvVar> env = new ArrayList<>();
        if (userEnv.stream().noneMatch(variable -> ServiceWire.PORT_ENV.equals(variable.getName()))) {
            // tool servers listen on PORT: without it every one takes 8080, not the port its Service and probe use
            env.add(new EnvVar(ServiceWire.PORT_ENV, String.valueOf(port(tool)), null));
        }
        env.addAll(userEnv);
        return new ContainerBuilder()
                .withName(name)
                .withImage(spec.getImage())
                .withImagePullPolicy(spec.getImagePullPolicy() == null ? null : pullPolicy(spec.getImagePullPolicy()))
                .addNewPort()
                .withName(PORT_NAME)
                .withContainerPort(port(tool))
                .withProtocol("TCP")
                .endPort()
                .withEnv(env)
                .withEnvFrom(spec.getEnvFrom())
                .withResources(spec.getResources())
                .withVolumeMounts(mounts)
                .withReadinessProbe(spec.getReadinessProbe() != null ? spec.getReadinessProbe() : tcpProbe(tool))
                .withLivenessProbe(spec.getLivenessProbe())
                .withStartupProbe(spec.getStartupProbe())
                .build();
    }

    private static Probe tcpProbe(LanguageTool tool) {
        return new ProbeBuilder()
                .withNewTcpSocket()
                .withPort(new IntOrString(PORT_NAME))
                .endTcpSocket()
                .withPeriodSeconds(2)
                .withTimeoutSeconds(1)
                .withFailureThreshold(3)
                .build();
    }

    public static String pullPolicy(io.langop.api.v1alpha1.ImagePullPolicy policy) {
        return switch (policy) {
            case ALWAYS -> "Always";
            case NEVER -> "Never";
            case IF_NOT_PRESENT -> "IfNotPresent";
        };
    }
}
