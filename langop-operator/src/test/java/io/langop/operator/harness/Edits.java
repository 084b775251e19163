package io.langop.operator.harness;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Changes a user makes, the way kubectl edit does: on the latest version, so the operator's status writes never conflict. */
public final class Edits {

  private Edits() {}

  /** Replaces the spec of the stored resource with the spec of {@code changed}. */
  @SuppressWarnings("unchecked")
  public static <S, T extends CustomResource<S, ?>> void replaceSpec(KubernetesClient client, T changed) {
    // by name, so the base of the patch is the stored version, not the changed copy
    client.resources((Class<T>) changed.getClass())
        .inNamespace(changed.getMetadata().getNamespace())
        .withName(changed.getMetadata().getName())
        .edit(current -> {
      current.setSpec(changed.getSpec());
      return current;
    });
  }
}
