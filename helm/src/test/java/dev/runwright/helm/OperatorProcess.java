package dev.runwright.helm;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator's {@code run} command in a child JVM, configured like the chart's pod (its
 * environment) and authenticated like it (a kubeconfig with the chart ServiceAccount's token), so
 * every Kubernetes call it makes is checked against the chart's RBAC.
 */
final class OperatorProcess implements AutoCloseable {
  private static final String MAIN_CLASS = "dev.runwright.operator.cli.RunwrightCli";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path log;
  private final int managementPort;

  private OperatorProcess(Process process, Path log, int managementPort) {
    this.process = process;
    this.log = log;
    this.managementPort = managementPort;
  }

  /**
   * Starts {@code runwright run}.
   *
   * @param environment the pod's environment (RUNWRIGHT_* from the chart); the management port is
   *     replaced by a free local one
   * @param kubeconfig the ServiceAccount's kubeconfig
   * @param log where the operator's output goes
   */
  static OperatorProcess start(Map<String, String> environment, Path kubeconfig, Path log) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:+UseSerialGC", "-Xmx384m", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of("-cp", operatorClasspath(), MAIN_CLASS, "run"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // Only what a pod would have: nothing of the test JVM's environment leaks in.
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.environment().put("RUNWRIGHT_MANAGEMENT_PORT", Integer.toString(port));
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("HOSTNAME", "runwright-e2e-0");
    builder.environment().put("HOME", log.getParent().toString());
    try {
      return new OperatorProcess(builder.start(), log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command, e);
    }
  }

  /** Waits until {@code /readyz} answers 200 (controllers started, informers synced). */
  OperatorProcess awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/readyz"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the operator exited with " + process.exitValue() + ":\n" + logText());
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return this;
        }
      } catch (IOException notListeningYet) {
        // the JVM is still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(500));
    }
    throw new AssertionError("the operator was not ready within " + timeout + ":\n" + logText());
  }

  /** Waits for the process to end by itself and returns its exit code. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the operator still runs after " + timeout + ":\n" + logText());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the operator printed so far. */
  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, as the kubelet does, then a forced stop if it does not end. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /**
   * The test JVM's classpath without this module's test classes: the operator and its runtime
   * dependencies (the helm module depends on the operator), and no test logging configuration.
   */
  private static String operatorClasspath() {
    Path ownTestClasses = Path.of("target", "test-classes").toAbsolutePath();
    return String.join(
        File.pathSeparator,
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !Path.of(entry).toAbsolutePath().equals(ownTestClasses))
            .toList());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
