package dev.runwright.operator.gcp.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container of a revision or a job's task.
 *
 * @param name empty lets Cloud Run name it
 * @param port the serving port, for services
 * @param startupProbe gates readiness of a new instance (services only)
 * @param livenessProbe restarts an instance that stops answering (services only)
 */
public record Container(
    String name,
    String image,
    List<String> command,
    List<String> args,
    List<EnvVar> env,
    ContainerResources resources,
    Optional<Integer> port,
    List<VolumeMount> volumeMounts,
    Optional<HttpProbe> startupProbe,
    Optional<HttpProbe> livenessProbe) {

  public Container {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    command = List.copyOf(command);
    args = List.copyOf(args);
    env = List.copyOf(env);
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(port, "port");
    volumeMounts = List.copyOf(volumeMounts);
    Objects.requireNonNull(startupProbe, "startupProbe");
    Objects.requireNonNull(livenessProbe, "livenessProbe");
  }

  /** A container running {@code image} with every other setting at Cloud Run's default. */
  public static Container of(String image) {
    return new Container(
        "",
        image,
        List.of(),
        List.of(),
        List.of(),
        ContainerResources.defaults(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }
}
