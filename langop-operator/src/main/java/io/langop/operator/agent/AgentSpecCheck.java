package io.langop.operator.agent;

import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentSpec;
import io.langop.api.v1alpha1.agent.RestartPolicy;
import io.langop.wire.CronJobSchedules;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes an agent spec unusable even though the API server accepted it (schemas cannot check
 * everything, e.g. the fields of a cron expression). An unusable spec gets a condition naming the
 * problem; nothing of the agent is changed until it is fixed.
 */
final class AgentSpecCheck {

    private AgentSpecCheck() {}

    static List<String> problems(LanguageAgent agent) {
        LanguageAgentSpec spec = agent.getSpec();
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            return List.of("spec is missing");
        }
        if (spec.getImage() == null || spec.getImage().isBlank()) {
            problems.add("spec.image is required");
        }
        if (spec.getModelRefs() == null || spec.getModelRefs().isEmpty()) {
            problems.add("spec.modelRefs needs at least one model");
        }
        boolean scheduled = spec.getExecutionMode() == ExecutionMode.SCHEDULED;
        if (scheduled && (spec.getSchedule() == null || spec.getSchedule().isBlank())) {
            problems.add("a scheduled agent needs spec.schedule");
        } else if (scheduled) {
            CronJobSchedules.problem(spec.getSchedule())
                    .ifPresent(cron -> problems.add("spec.schedule '" + spec.getSchedule() + "': " + cron));
        } else if (spec.getSchedule() != null) {
            problems.add("spec.schedule is only used with executionMode scheduled");
        }
        if (scheduled && spec.getRestartPolicy() == RestartPolicy.ALWAYS) {
            problems.add("spec.restartPolicy Always cannot run a scheduled job; use OnFailure or Never");
        }
        AgentMemoryStore.problem(agent).ifPresent(problems::add);
        // the CEL of conditions and mappings is compiled here: the operator is the admission check (see
        // docs/triggers.md)
        problems.addAll(AgentWebhooks.problems(agent));
        String port = AgentHttp.envProblem(agent);
        if (port != null) {
            problems.add(port);
        }
        return problems;
    }
}
