package io.langop.operator.workload;

import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.langop.api.v1alpha1.ServiceWorkloadSpec;

/** The pod fields a service workload (a tool server, a chat client) takes from its spec as written. */
public final class ServiceWorkloadPods {

    private ServiceWorkloadPods() {}

    /** Identity, security and placement of the pod; the caller adds containers and volumes. */
    public static PodSpecBuilder podSpec(ServiceWorkloadSpec spec) {
        return new PodSpecBuilder()
                .withServiceAccountName(spec.getServiceAccountName())
                .withSecurityContext(spec.getSecurityContext())
                .withNodeSelector(spec.getNodeSelector())
                .withAffinity(spec.getAffinity())
                .withTolerations(spec.getTolerations())
                .withTopologySpreadConstraints(spec.getTopologySpreadConstraints())
                .withImagePullSecrets(spec.getImagePullSecrets());
    }
}
