package io.langop.console.dashboard;

import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import java.util.Objects;

/** The figures of an agent's status the overview and the agent's page print alike. */
final class AgentStatus {

    private AgentStatus() {}

    /** When the last run was and how it ended. */
    static String lastRun(LanguageAgentStatus status) {
        return status.getLastExecutionTime() == null
                ? Figures.UNKNOWN
                : status.getLastExecutionTime() + " " + Objects.requireNonNullElse(status.getLastExecutionResult(), "");
    }

    static String successRate(LanguageAgentStatus status) {
        return Figures.percent(
                status.getMetrics() == null ? null : status.getMetrics().getSuccessRate());
    }
}
