package io.langop.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;

/** An API server's refusal, or its silence, as a failure that says what to check. */
final class KubeErrors {

    private KubeErrors() {}

    static CliFailure of(KubernetesClientException refused, String server) {
        if (refused.getCode() == 404) {
            return new CliFailure(CliExit.NOT_FOUND, message(refused));
        }
        if (refused.getCode() == 0 && causedByIo(refused)) {
            return new CliFailure(
                    CliExit.CLUSTER_ERROR,
                    "no API server answers at " + server + " (" + rootMessage(refused) + "): check the kubeconfig "
                            + "context (kubectl config current-context); langop local prints the KUBECONFIG of its own");
        }
        if (refused.getCode() == 401 || refused.getCode() == 403) {
            return new CliFailure(
                    CliExit.CLUSTER_ERROR,
                    message(refused) + " (the kubeconfig's user lacks the right; see docs/install.md for the RBAC)");
        }
        return new CliFailure(CliExit.CLUSTER_ERROR, message(refused));
    }

    /** The API server's own words when it gave a Status, else the client's. */
    private static String message(KubernetesClientException refused) {
        if (refused.getStatus() != null && refused.getStatus().getMessage() != null) {
            return refused.getStatus().getMessage();
        }
        return rootMessage(refused);
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
