package dev.runwright.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real kubectl and helm against the test apiserver, the way users do, with the cluster's
 * kubeconfig and caches kept inside the test's work directory (never the user's ~/.kube or helm
 * settings).
 */
public final class KubeCommandLine {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final K8sBinaries binaries;
  private final Path kubeconfig;
  private final Path workDir;

  KubeCommandLine(K8sBinaries binaries, Path kubeconfig, Path workDir) {
    this.binaries = binaries;
    this.kubeconfig = kubeconfig;
    this.workDir = workDir;
  }

  /** Runs {@code kubectl args...} and returns its result, successful or not. */
  public CommandResult kubectl(String... args) {
    return run(binaries.kubectl(), null, args);
  }

  /** Runs {@code kubectl args...} with {@code stdin} as its standard input (for {@code -f -}). */
  public CommandResult kubectlWithInput(String stdin, String... args) {
    return run(binaries.kubectl(), stdin, args);
  }

  /** Runs {@code helm args...} and returns its result, successful or not. */
  public CommandResult helm(String... args) {
    return run(binaries.helm(), null, args);
  }

  /**
   * The environment a shelled-out kubectl or helm gets; also useful for other tools started by
   * tests.
   */
  public Map<String, String> environment() {
    Path cache = workDir.resolve("cache");
    return Map.of(
        "KUBECONFIG", kubeconfig.toString(),
        "KUBECACHEDIR", cache.resolve("kube").toString(),
        "HELM_CACHE_HOME", cache.resolve("helm").toString(),
        "HELM_CONFIG_HOME", workDir.resolve("helm-config").toString(),
        "HELM_DATA_HOME", workDir.resolve("helm-data").toString());
  }

  private CommandResult run(Path binary, String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    try {
      Path stdout = Files.createTempFile(workDir, "cmd", ".out");
      Path stderr = Files.createTempFile(workDir, "cmd", ".err");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        try (var input = process.getOutputStream()) {
          if (stdin != null) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
          }
        }
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT);
        }
        return new CommandResult(
            command, process.exitValue(), Files.readString(stdout), Files.readString(stderr));
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
  }
}
