package dev.runwright.operator.bench;

import dev.runwright.operator.api.cloudrun.CloudRunService;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.common.ConditionedStatus;
import dev.runwright.operator.api.migration.MigrationJob;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;
import java.util.Objects;

/** When a Runwright resource counts as done: Ready=True observed for its current generation. */
final class Readiness {
  /** The three kinds, in the order an application needs them. */
  static final List<Class<? extends CustomResource<?, ? extends ConditionedStatus>>> KINDS =
      List.of(CloudSqlDatabase.class, MigrationJob.class, CloudRunService.class);

  private Readiness() {}

  static boolean isReady(CustomResource<?, ? extends ConditionedStatus> resource) {
    ConditionedStatus status = resource.getStatus();
    return status != null
        && status.getConditions() != null
        && status.getConditions().stream()
            .anyMatch(
                c ->
                    "Ready".equals(c.getType())
                        && c.getStatus() == ConditionStatus.True
                        && Objects.equals(
                            c.getObservedGeneration(), resource.getMetadata().getGeneration()));
  }

  /** The Ready condition's reason and message, for reports on what did not converge. */
  static String describe(CustomResource<?, ? extends ConditionedStatus> resource) {
    ConditionStatus ready = null;
    String why = "no status";
    ConditionedStatus status = resource.getStatus();
    if (status != null && status.getConditions() != null) {
      for (var c : status.getConditions()) {
        if ("Ready".equals(c.getType())) {
          ready = c.getStatus();
          why = c.getReason() + " (gen " + c.getObservedGeneration() + "): " + c.getMessage();
        }
      }
    }
    return resource.getKind()
        + " "
        + resource.getMetadata().getNamespace()
        + "/"
        + resource.getMetadata().getName()
        + " gen "
        + resource.getMetadata().getGeneration()
        + " Ready="
        + ready
        + " "
        + why;
  }
}
