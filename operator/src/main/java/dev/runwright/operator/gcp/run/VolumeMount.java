package dev.runwright.operator.gcp.run;

import java.util.Objects;

/** Where a container mounts a volume, e.g. the Cloud SQL volume at {@code /cloudsql}. */
public record VolumeMount(String name, String mountPath) {
  public VolumeMount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mountPath, "mountPath");
  }
}
