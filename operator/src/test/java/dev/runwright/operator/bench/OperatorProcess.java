package dev.runwright.operator.bench;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator ({@code runwright run}) in its own JVM, so its RSS and CPU time are its own and it
 * can be killed with SIGKILL like a crashed pod. Reads RSS and CPU from /proc and the heap from its
 * /metrics endpoint.
 */
final class OperatorProcess implements AutoCloseable {
  private static final long CLOCK_TICKS_PER_SECOND = 100;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int managementPort;
  private final long startedNanos;

  private OperatorProcess(Process process, int managementPort, long startedNanos) {
    this.process = process;
    this.managementPort = managementPort;
    this.startedNanos = startedNanos;
  }

  /**
   * Starts {@code runwright run} with the classpath of this JVM and {@code environment} (the
   * operator's RUNWRIGHT_* settings and KUBECONFIG); output goes to {@code log} (appended).
   */
  static OperatorProcess start(Map<String, String> environment, List<String> jvmFlags, Path log) {
    int port = freePort();
    var command = new java.util.ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.runwright.operator.cli.RunwrightCli");
    command.add("run");
    var builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.environment().put("RUNWRIGHT_MANAGEMENT_PORT", Integer.toString(port));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long started = System.nanoTime();
    try {
      Process process = builder.start();
      // A benchmark or test JVM that ends early must not leave an operator behind.
      Runtime.getRuntime()
          .addShutdownHook(new Thread(process::destroyForcibly, "stop-operator-" + process.pid()));
      return new OperatorProcess(process, port, started);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the operator process", e);
    }
  }

  long pid() {
    return process.pid();
  }

  long startedNanos() {
    return startedNanos;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Resident set size in bytes (VmRSS of /proc/PID/status). */
  long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc status of the operator", e);
    }
    throw new IllegalStateException("no VmRSS for pid " + pid());
  }

  /** User + system CPU seconds the process used so far (/proc/PID/stat, fields 14 and 15). */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks / (double) CLOCK_TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc stat of the operator", e);
    }
  }

  /** The /metrics text, or empty while the endpoint is not up. */
  String metrics() {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/metrics"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Sum of a Prometheus metric's samples whose labels contain {@code labelFragment}. */
  static double sum(String metrics, String name, String labelFragment) {
    double total = 0;
    for (String line : metrics.split("\n")) {
      if ((line.startsWith(name + "{") || line.startsWith(name + " "))
          && line.contains(labelFragment)) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  /** Heap in use (bytes), from jvm_memory_used_bytes{area="heap"}. */
  long heapUsedBytes() {
    return (long) sum(metrics(), "jvm_memory_used_bytes", "area=\"heap\"");
  }

  /** Writes the operator's thread dump (jcmd Thread.print) to {@code file}, for a stuck run. */
  void threadDump(Path file) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "Thread.print")
          .redirectErrorStream(true)
          .redirectOutput(file.toFile())
          .start()
          .waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run jcmd", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGKILL, as a crashed or evicted pod. */
  void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM: the operator stops cleanly. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    waitFor();
  }

  private void waitFor() {
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
