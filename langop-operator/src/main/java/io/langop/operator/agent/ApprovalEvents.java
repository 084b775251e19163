package io.langop.operator.agent;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.agent.PendingApproval;
import io.langop.operator.kube.Events;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Event {@code ApprovalPending} for each tool call of an agent that newly waits for a person: the tool, its
 * arguments with secrets taken out (as the runtime reported them) and the deadline, so that whoever watches the
 * agent's events learns there is something to decide before the call is given up.
 */
final class ApprovalEvents {

    static final String PENDING = "ApprovalPending";

    private ApprovalEvents() {}

    /** Posts an event for each approval {@code now} lists and {@code before} did not. */
    static void post(
            KubernetesClient client, LanguageAgent agent, LanguageAgentStatus before, LanguageAgentStatus now) {
        Set<String> known = pending(before).stream().map(PendingApproval::getId).collect(Collectors.toSet());
        for (PendingApproval approval : pending(now)) {
            if (!known.contains(approval.getId())) {
                Events.post(client, agent, Events.Type.Warning, PENDING, message(agent, approval));
            }
        }
    }

    static String message(LanguageAgent agent, PendingApproval approval) {
        return "a call of " + approval.getTool() + " " + Objects.requireNonNullElse(approval.getArguments(), "{}")
                + " waits for approval " + approval.getId() + " until " + approval.getDeadline()
                + "; decide with: langop approval approve|deny " + approval.getId() + " (agent "
                + agent.getMetadata().getName() + ")";
    }

    private static List<PendingApproval> pending(LanguageAgentStatus status) {
        return status == null || status.getPendingApprovals() == null ? List.of() : status.getPendingApprovals();
    }
}
