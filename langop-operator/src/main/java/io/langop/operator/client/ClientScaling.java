package io.langop.operator.client;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.operator.workload.Autoscalers;
import io.langop.operator.workload.DisruptionBudgets;

/** The optional PodDisruptionBudget and HorizontalPodAutoscaler of a client, both {@code <client>-client}. */
public final class ClientScaling {

    private ClientScaling() {}

    @KubernetesDependent(informer = @Informer(labelSelector = ClientObjects.SELECTOR))
    public static class DisruptionBudget extends CRUDKubernetesDependentResource<PodDisruptionBudget, LanguageClient> {

        /** By name: the spec may no longer describe the object when it is to be deleted. */
        @Override
        protected ResourceID targetSecondaryResourceID(LanguageClient client, Context<LanguageClient> context) {
            return ClientObjects.id(client);
        }

        @Override
        protected PodDisruptionBudget desired(LanguageClient client, Context<LanguageClient> context) {
            return DisruptionBudgets.of(
                    client,
                    ClientObjects.name(client),
                    ClientObjects.labels(client),
                    client.getSpec().getPodDisruptionBudget());
        }
    }

    public static class BudgetRequested implements Condition<PodDisruptionBudget, LanguageClient> {
        @Override
        public boolean isMet(
                DependentResource<PodDisruptionBudget, LanguageClient> dependent,
                LanguageClient client,
                Context<LanguageClient> context) {
            return DisruptionBudgets.requested(client.getSpec().getPodDisruptionBudget());
        }
    }

    @KubernetesDependent(informer = @Informer(labelSelector = ClientObjects.SELECTOR))
    public static class Autoscaler extends CRUDKubernetesDependentResource<HorizontalPodAutoscaler, LanguageClient> {

        /** By name: the spec may no longer describe the object when it is to be deleted. */
        @Override
        protected ResourceID targetSecondaryResourceID(LanguageClient client, Context<LanguageClient> context) {
            return ClientObjects.id(client);
        }

        @Override
        protected HorizontalPodAutoscaler desired(LanguageClient client, Context<LanguageClient> context) {
            String name = ClientObjects.name(client);
            return Autoscalers.of(
                    client,
                    name,
                    ClientObjects.labels(client),
                    name,
                    name,
                    client.getSpec().getHorizontalPodAutoscaler());
        }
    }

    public static class AutoscalingEnabled implements Condition<HorizontalPodAutoscaler, LanguageClient> {
        @Override
        public boolean isMet(
                DependentResource<HorizontalPodAutoscaler, LanguageClient> dependent,
                LanguageClient client,
                Context<LanguageClient> context) {
            return Autoscalers.enabled(client.getSpec().getHorizontalPodAutoscaler());
        }
    }
}
