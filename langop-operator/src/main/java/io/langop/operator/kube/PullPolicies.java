package io.langop.operator.kube;

import io.langop.api.v1alpha1.ImagePullPolicy;

/** The container field's spelling of a resource's image pull policy. */
public final class PullPolicies {

    private PullPolicies() {}

    /** The Kubernetes name of {@code policy}; null (the kubelet's default) when it is not set. */
    public static String kubernetesName(ImagePullPolicy policy) {
        if (policy == null) {
            return null;
        }
        return switch (policy) {
            case ALWAYS -> "Always";
            case NEVER -> "Never";
            case IF_NOT_PRESENT -> "IfNotPresent";
        };
    }
}
