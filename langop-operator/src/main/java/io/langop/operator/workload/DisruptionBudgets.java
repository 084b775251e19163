package io.langop.operator.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.langop.api.v1alpha1.PodDisruptionBudgetSpec;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.Map;

/**
 * The PodDisruptionBudget of a component that runs as a Deployment (service-mode tools, clients):
 * it covers the pods of the owner's selector, with the limit the spec sets.
 */
public final class DisruptionBudgets {

    private DisruptionBudgets() {}

    /** A budget needs a limit: without one the spec asks for nothing and no object is made. */
    public static boolean requested(PodDisruptionBudgetSpec spec) {
        return spec != null && (spec.getMinAvailable() != null || spec.getMaxUnavailable() != null);
    }

    public static PodDisruptionBudget of(
            HasMetadata owner, String name, Map<String, String> labels, PodDisruptionBudgetSpec spec) {
        return new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(Owners.controller(owner))
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .withMatchLabels(Labels.selector(owner))
                .endSelector()
                .withMinAvailable(spec.getMinAvailable())
                .withMaxUnavailable(spec.getMaxUnavailable())
                .endSpec()
                .build();
    }
}
