package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.RestartPolicy;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.Objects;

/** Scheduled agents run as a CronJob {@code <agent>-agent}; one run at a time. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.AGENT_OBJECTS))
public class AgentCronJob extends CRUDKubernetesDependentResource<CronJob, LanguageAgent> {

    @Override
    protected CronJob desired(LanguageAgent agent, Context<LanguageAgent> context) {
        return of(context.managedWorkflowAndDependentResourceContext().getMandatory(AgentPlan.KEY, AgentPlan.class));
    }

    static CronJob of(AgentPlan plan) {
        LanguageAgent agent = plan.agent();
        var spec = agent.getSpec();
        String restartPolicy = spec.getRestartPolicy() == RestartPolicy.NEVER ? "Never" : "OnFailure";
        return new CronJobBuilder()
                .withNewMetadata()
                .withName(Labels.name(agent, "agent"))
                .withNamespace(agent.getMetadata().getNamespace())
                .withLabels(Labels.of(agent, "agent", plan.clusterRef()))
                .withOwnerReferences(Owners.controller(agent))
                .endMetadata()
                .withNewSpec()
                .withSchedule(spec.getSchedule())
                .withConcurrencyPolicy("Forbid")
                .withNewJobTemplate()
                .withNewMetadata()
                .withLabels(Labels.of(agent, "agent", plan.clusterRef()))
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(Objects.requireNonNullElse(spec.getBackoffLimit(), 3))
                .withTemplate(AgentPodTemplate.build(plan, restartPolicy))
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build();
    }

    /** A CronJob only for scheduled agents; switching to another mode deletes it. */
    public static class RunsOnSchedule implements Condition<CronJob, LanguageAgent> {
        @Override
        public boolean isMet(
                DependentResource<CronJob, LanguageAgent> dependent,
                LanguageAgent agent,
                Context<LanguageAgent> context) {
            return AgentPlan.isScheduled(agent);
        }
    }
}
