package dev.runwright.emulator.local;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.SecretKeySelector;
import dev.runwright.emulator.secrets.SecretValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a Cloud Run container into a local process: the image's command line with the local JDK,
 * the image's and the container's environment (secret references resolved at their pinned version,
 * {@code /cloudsql/...} mapped to a local socket) plus what the platform adds, output appended to a
 * log file.
 */
final class ContainerLauncher {
  private final ImageStore images;
  private final Path javaHome;
  private final SecretValues secrets;
  private final CloudSqlSockets sockets;
  private final LocalProcesses processes;
  private final Path home;

  ContainerLauncher(
      ImageStore images,
      Path javaHome,
      SecretValues secrets,
      CloudSqlSockets sockets,
      LocalProcesses processes,
      Path home) {
    this.images = images;
    this.javaHome = javaHome;
    this.secrets = secrets;
    this.sockets = sockets;
    this.processes = processes;
    this.home = home;
  }

  /**
   * Everything needed to start the container, resolved now (as Cloud Run resolves secrets when an
   * instance starts); throws {@link LaunchException} with Cloud Run's kind of message.
   */
  Prepared prepare(Container container, String project, String field) {
    UnpackedImage image = images.resolve(container.getImage());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", home.toString());
    env.putAll(image.environment());
    List<EnvVar> vars = container.getEnvList();
    for (int i = 0; i < vars.size(); i++) {
      EnvVar var = vars.get(i);
      String value =
          var.hasValueSource()
              ? secret(
                  var.getValueSource().getSecretKeyRef(),
                  project,
                  field + ".env[" + i + "].valueSource.secretKeyRef")
              : var.getValue();
      env.put(var.getName(), sockets.rewrite(value));
    }
    List<String> commandLine =
        withMemoryLimit(
            image.commandLine(container.getCommandList(), container.getArgsList(), javaHome),
            container.getResources().getLimitsMap().get("memory"));
    return new Prepared(commandLine, Map.copyOf(env), image.workingDirectory());
  }

  /** A Java process gets the instance's memory as {@code -XX:MaxRAM}, first among its flags. */
  private List<String> withMemoryLimit(List<String> commandLine, String memory) {
    Optional<Long> bytes = MemoryLimit.bytes(memory);
    if (bytes.isEmpty()
        || !commandLine.getFirst().equals(javaHome.resolve("bin/java").toString())) {
      return commandLine;
    }
    List<String> limited = new ArrayList<>(commandLine);
    limited.add(1, "-XX:MaxRAM=" + bytes.get());
    return List.copyOf(limited);
  }

  private String secret(SecretKeySelector ref, String project, String field) {
    String secret =
        ref.getSecret().startsWith("projects/")
            ? ref.getSecret()
            : "projects/" + project + "/secrets/" + ref.getSecret();
    String version = ref.getVersion().isEmpty() ? "latest" : ref.getVersion();
    String name = secret + "/versions/" + version;
    return secrets
        .access(name)
        .map(payload -> payload.toString(StandardCharsets.UTF_8))
        .orElseThrow(
            () ->
                new LaunchException(
                    field
                        + ": Secret version '"
                        + name
                        + "' was not found or is not enabled, or permission was denied."));
  }

  /** A container ready to start: command line, environment, working directory. */
  final class Prepared {
    final List<String> commandLine;
    final Map<String, String> env;
    final Path workingDirectory;

    private Prepared(List<String> commandLine, Map<String, String> env, Path workingDirectory) {
      this.commandLine = commandLine;
      this.env = env;
      this.workingDirectory = workingDirectory;
    }

    /** Starts one instance with {@code platformEnv} added, its output appended to {@code log}. */
    Process start(Map<String, String> platformEnv, Path log) {
      try {
        Files.createDirectories(log.getParent());
        Files.createDirectories(home);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create " + log.getParent(), e);
      }
      ProcessBuilder builder =
          new ProcessBuilder(commandLine)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(env);
      builder.environment().putAll(platformEnv);
      return processes.start(builder);
    }
  }
}
