package io.langop.operator.tool;

import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.kube.Labels;
import io.langop.wire.ServiceWire;
import java.util.Objects;

/**
 * Where a LanguageTool's MCP server answers: its port, its Service, and the URL an agent uses — on
 * localhost for a sidecar, through the Service otherwise.
 */
public final class ToolEndpoint {

    public static final int DEFAULT_PORT = ServiceWire.DEFAULT_PORT;
    /** Path of the MCP streamable-HTTP endpoint of langop tool servers. */
    public static final String MCP_PATH = ServiceWire.MCP_PATH;

    public static final String PORT_NAME = "mcp";

    private ToolEndpoint() {}

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
}
