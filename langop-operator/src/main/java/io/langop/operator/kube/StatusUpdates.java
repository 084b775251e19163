package io.langop.operator.kube;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.langop.api.v1alpha1.ResourceStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes a status only when it differs from the one stored, so an idle operator makes no write
 * requests. Only the status subresource is ever written: the spec the user applied is never sent
 * back (a re-serialised spec would lose explicit {@code false} values to API-server defaults).
 */
public final class StatusUpdates {

  private StatusUpdates() {}

  /**
   * Puts {@code next} on {@code resource} and asks for a status patch, or for nothing when it says
   * what the stored status already says ({@code lastUpdateTime} aside).
   */
  public static <S extends ResourceStatus, R extends CustomResource<?, S>> UpdateControl<R> patchIfChanged(
      R resource, S next) {
    next.setObservedGeneration(resource.getMetadata().getGeneration());
    S current = resource.getStatus();
    if (current != null) {
      next.setLastUpdateTime(current.getLastUpdateTime());
      if (sameJson(current, next)) {
        return UpdateControl.noUpdate();
      }
    }
    next.setLastUpdateTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    resource.setStatus(next);
    return UpdateControl.patchStatus(resource);
  }

  private static boolean sameJson(Object a, Object b) {
    return Serialization.jsonMapper().valueToTree(a).equals(Serialization.jsonMapper().valueToTree(b));
  }
}
