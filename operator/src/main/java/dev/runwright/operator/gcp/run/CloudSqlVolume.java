package dev.runwright.operator.gcp.run;

import java.util.List;
import java.util.Objects;

/**
 * A volume exposing Cloud SQL unix sockets under the mount path.
 *
 * @param instances connection names, {@code project:region:instance}
 */
public record CloudSqlVolume(String name, List<String> instances) {
  public CloudSqlVolume {
    Objects.requireNonNull(name, "name");
    instances = List.copyOf(instances);
  }
}
