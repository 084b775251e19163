package io.langop.operator.agent;

import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.Workspace;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.egress.EgressRules;
import io.langop.operator.tool.ToolEndpoint;
import io.langop.wire.AgentFiles;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the agent's objects are built from, resolved once per reconcile and handed to the
 * dependents through the workflow context, so each dependent is a pure function of it.
 *
 * @param models models in preference order (primary role first, then by priority)
 * @param tools  enabled tools, in spec order
 * @param persona the persona, or null
 * @param code the synthesized code to keep in ConfigMap {@code <agent>-code}, if any
 * @param codeHash SHA-256 of the code the agent runs (synthesized or its {@code codeRef}), null before there is any
 */
record AgentPlan(
        LanguageAgent agent,
        List<LanguageModel> models,
        List<LanguageTool> tools,
        LanguagePersona persona,
        EgressRules.Resolved egress,
        Optional<AgentSource> code,
        String codeHash) {

    static final String KEY = AgentPlan.class.getName();
    static final String DEFAULT_WORKSPACE_PATH = AgentFiles.WORKSPACE_DIR;

    ExecutionMode mode() {
        return modeOf(agent);
    }

    static ExecutionMode modeOf(LanguageAgent agent) {
        return Objects.requireNonNullElse(agent.getSpec().getExecutionMode(), ExecutionMode.AUTONOMOUS);
    }

    static boolean isScheduled(LanguageAgent agent) {
        return agent.getSpec().getExecutionMode() == ExecutionMode.SCHEDULED;
    }

    List<LanguageTool> sidecarTools() {
        return tools.stream().filter(ToolEndpoint::isSidecar).toList();
    }

    List<LanguageTool> serviceTools() {
        return tools.stream().filter(t -> !ToolEndpoint.isSidecar(t)).toList();
    }

    /** A workspace block without {@code enabled: false} asks for a volume. */
    static boolean hasWorkspace(LanguageAgent agent) {
        Workspace workspace = agent.getSpec().getWorkspace();
        return workspace != null && !Boolean.FALSE.equals(workspace.getEnabled());
    }

    String workspacePath() {
        Workspace workspace = agent.getSpec().getWorkspace();
        return workspace == null || workspace.getMountPath() == null
                ? DEFAULT_WORKSPACE_PATH
                : workspace.getMountPath();
    }

    String clusterRef() {
        String ref = agent.getSpec().getClusterRef();
        return ref == null || ref.isBlank() ? null : ref;
    }
}
