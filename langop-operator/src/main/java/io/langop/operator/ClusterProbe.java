package io.langop.operator;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Tells in one sentence why the API server of a client configuration cannot be used, if it cannot. */
final class ClusterProbe {

    private static final int PROBE_TIMEOUT_MILLIS = 5_000;

    private ClusterProbe() {}

    /** Null when the API server answers; otherwise one line naming the server and the cause. */
    static String unreachableReason(Config config) {
        // A quick single attempt: the client's default retries would keep a user waiting a minute.
        Config probe = new ConfigBuilder(config)
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(PROBE_TIMEOUT_MILLIS)
                .withRequestTimeout(PROBE_TIMEOUT_MILLIS)
                .build();
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(probe).build()) {
            client.getKubernetesVersion();
            return null;
        } catch (KubernetesClientException e) {
            return "no reachable Kubernetes API server at " + config.getMasterUrl() + " (" + rootCause(e)
                    + "); check the current kubeconfig context (kubectl config current-context)";
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String name = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
