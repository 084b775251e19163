package io.langop.operator.agent;

import static io.langop.operator.agent.AgentPlans.news;
import static io.langop.operator.agent.AgentPlans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.RestartPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's Deployment and CronJob, built from a plan without a cluster. */
class AgentWorkloadsTest {

    private static final Map<String, String> SELECTOR =
            Map.of("langop.io/kind", "LanguageAgent", "app.kubernetes.io/instance", "news");

    @Test
    void aDeploymentIsNamedAfterTheAgentOwnedByItAndSelectsOnlyItsPods() {
        LanguageAgent agent = news();
        agent.getSpec().setClusterRef("research");
        agent.getSpec().setReplicas(3);

        Deployment deployment = AgentDeployment.of(plan(agent, List.of(Fixtures.model("team", "qwen")), List.of()));

        assertThat(deployment.getMetadata().getName()).isEqualTo("news-agent");
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("team");
        assertThat(deployment.getMetadata().getLabels())
                .containsEntry("langop.io/cluster", "research")
                .containsEntry("app.kubernetes.io/managed-by", "langop-operator");
        assertThat(deployment.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> {
                    assertThat(owner.getKind()).isEqualTo("LanguageAgent");
                    assertThat(owner.getUid()).isEqualTo("0b7e1c9a-agent");
                    assertThat(owner.getController()).isTrue();
                });
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        // a selector is immutable: the cluster label, which can change, is on the pods but not in it
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(SELECTOR);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(SELECTOR)
                .containsEntry("langop.io/cluster", "research");
    }

    @Test
    void aDeploymentRunsOneReplicaUnlessTheSpecSaysOtherwise() {
        Deployment deployment = AgentDeployment.of(plan(news(), List.of(), List.of()));

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    }

    @Test
    void aScheduledAgentRunsOneJobAtATimeOnItsScheduleRetryingOnFailure() {
        LanguageAgent agent = scheduled("30 6 * * MON-FRI");

        CronJob cronJob = AgentCronJob.of(plan(agent, List.of(), List.of()));

        assertThat(cronJob.getMetadata().getName()).isEqualTo("news-agent");
        assertThat(cronJob.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> assertThat(owner.getController()).isTrue());
        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("30 6 * * MON-FRI");
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        var job = cronJob.getSpec().getJobTemplate();
        assertThat(job.getMetadata().getLabels()).containsAllEntriesOf(SELECTOR);
        assertThat(job.getSpec().getBackoffLimit()).isEqualTo(3);
        var pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("OnFailure");
        // a run that exits serves nothing: no port, no probes
        assertThat(pod.getContainers().getFirst().getPorts()).isEmpty();
        assertThat(pod.getContainers().getFirst().getReadinessProbe()).isNull();
    }

    @Test
    void aScheduledAgentTakesItsRestartPolicyAndBackoffLimitFromTheSpec() {
        LanguageAgent agent = scheduled("@hourly");
        agent.getSpec().setRestartPolicy(RestartPolicy.NEVER);
        agent.getSpec().setBackoffLimit(0);

        CronJob cronJob = AgentCronJob.of(plan(agent, List.of(), List.of()));

        assertThat(cronJob.getSpec().getJobTemplate().getSpec().getBackoffLimit())
                .isZero();
        assertThat(cronJob.getSpec()
                        .getJobTemplate()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getRestartPolicy())
                .isEqualTo("Never");
    }

    private static LanguageAgent scheduled(String schedule) {
        LanguageAgent agent = news();
        agent.getSpec().setExecutionMode(ExecutionMode.SCHEDULED);
        agent.getSpec().setSchedule(schedule);
        return agent;
    }
}
