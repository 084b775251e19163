package io.langop.operator.harness;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;

/**
 * Changes a user makes, the way {@code kubectl edit} does: on the latest stored version, trying again
 * when the operator wrote the status in between (409 Conflict).
 */
public final class Edits {

    private static final int ATTEMPTS = 5;

    private Edits() {}

    /** Replaces the spec of the stored resource with the spec of {@code changed}. */
    @SuppressWarnings("unchecked")
    public static <S, T extends CustomResource<S, ?>> void replaceSpec(KubernetesClient client, T changed) {
        for (int attempt = 1; ; attempt++) {
            try {
                // by name, so the base of the patch is the stored version, not the changed copy
                client.resources((Class<T>) changed.getClass())
                        .inNamespace(changed.getMetadata().getNamespace())
                        .withName(changed.getMetadata().getName())
                        .edit(current -> {
                            current.setSpec(changed.getSpec());
                            return current;
                        });
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
