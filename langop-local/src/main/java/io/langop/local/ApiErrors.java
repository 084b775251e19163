package io.langop.local;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** What the API server said, in the words a user can act on, never a bare {@code null}. */
final class ApiErrors {

    private ApiErrors() {}

    /** The Status message the API server sent, else the client's own message, else the HTTP code. */
    static String describe(KubernetesClientException failure) {
        if (failure.getStatus() != null
                && failure.getStatus().getMessage() != null
                && !failure.getStatus().getMessage().isBlank()) {
            return failure.getStatus().getMessage();
        }
        if (failure.getMessage() != null && !failure.getMessage().isBlank()) {
            return failure.getMessage();
        }
        return "the API server answered HTTP " + failure.getCode();
    }
}
