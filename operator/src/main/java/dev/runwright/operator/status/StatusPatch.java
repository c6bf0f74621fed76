package dev.runwright.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.Objects;

/**
 * Decides whether a reconcile patches status: only when the status differs from the one the
 * reconcile started with, so a converged resource costs no status writes on resync.
 */
public final class StatusPatch {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusPatch() {}

  /** A deep copy of a status, taken before the reconcile mutates it. */
  @SuppressWarnings("unchecked")
  public static <S> S snapshot(S status) {
    return status == null ? null : (S) JSON.convertValue(status, status.getClass());
  }

  /** Patch the resource's status if it differs from {@code before}, else no update. */
  public static <R extends HasMetadata> UpdateControl<R> ifChanged(
      R resource, Object before, Object after) {
    return changed(before, after) ? UpdateControl.patchStatus(resource) : UpdateControl.noUpdate();
  }

  /** Compares two statuses by their JSON form, which is what the apiserver stores. */
  public static boolean changed(Object before, Object after) {
    if (before == null || after == null) {
      return !Objects.equals(before, after);
    }
    return !JSON.valueToTree(before).equals(JSON.valueToTree(after));
  }
}
