package dev.runwright.emulator.local;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.Revision;
import dev.runwright.emulator.run.runtime.RevisionInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One Cloud Run revision as at most one local process. The first instance decides readiness (its
 * startup probe passes, or it exits or times out: the revision fails with the reason); afterwards
 * the process runs only while the revision has traffic or a tag, and is started again on demand
 * when a request needs it.
 */
final class LocalRevision implements RevisionInstance {
  private final Revision revision;
  private final ContainerLauncher launcher;
  private final LocalProcesses processes;
  private final Path log;
  private final Consumer<LocalRevision> onReady;
  private volatile Readiness readiness = Readiness.pending();
  private ContainerLauncher.Prepared prepared;
  private Process process;
  private CompletableFuture<Integer> serving;
  private boolean deleted;

  LocalRevision(
      Revision revision,
      ContainerLauncher launcher,
      LocalProcesses processes,
      Path log,
      Consumer<LocalRevision> onReady) {
    this.revision = revision;
    this.onReady = onReady;
    this.launcher = launcher;
    this.processes = processes;
    this.log = log;
  }

  String name() {
    return revision.getName();
  }

  String service() {
    return revision.getService();
  }

  @Override
  public Readiness readiness() {
    return readiness;
  }

  @Override
  public Optional<String> logUri() {
    return Optional.of(log.toUri().toString());
  }

  /** The port of a running instance that passed its startup probe; starts one if none runs. */
  synchronized CompletableFuture<Integer> serve() {
    if (deleted) {
      return CompletableFuture.failedFuture(new LaunchException("The revision was deleted."));
    }
    if (serving != null && (process == null || process.isAlive() || !serving.isDone())) {
      return serving;
    }
    serving = new CompletableFuture<>();
    CompletableFuture<Integer> attempt = serving;
    try {
      if (prepared == null) {
        prepared = launcher.prepare(container(), project(), "spec.template.spec.containers[0]");
      }
      int port = freePort();
      process = prepared.start(platformEnv(port), log);
      Process started = process;
      Thread.ofVirtual()
          .name("probe-" + revision.getName())
          .start(() -> probe(started, port, attempt));
    } catch (LaunchException | UncheckedIOException e) {
      fail(e.getMessage());
      attempt.completeExceptionally(e);
    }
    return attempt;
  }

  /** No traffic and no tag: the instance goes away (readiness is kept, as after scale to zero). */
  synchronized void scaleToZero() {
    if (readiness.state() == Readiness.State.PENDING) {
      return;
    }
    stopProcess();
  }

  @Override
  public synchronized void stop() {
    deleted = true;
    stopProcess();
  }

  private void stopProcess() {
    if (process != null) {
      processes.stopLater(process);
      process = null;
    }
    if (serving != null && !serving.isDone()) {
      serving.completeExceptionally(new LaunchException("The instance was stopped."));
    }
    serving = null;
  }

  private void probe(Process started, int port, CompletableFuture<Integer> attempt) {
    Container container = container();
    StartupProbe probe = StartupProbe.of(container.getStartupProbe());
    Instant deadline = Instant.now().plus(probe.deadline());
    sleep(probe.initialDelay());
    while (!attempt.isDone()) {
      if (!started.isAlive()) {
        fail(
            "The user-provided container failed to start and listen on the port defined provided"
                + " by the PORT="
                + containerPort()
                + " environment variable. Container called exit("
                + started.exitValue()
                + "). Logs: "
                + log.toUri());
        attempt.completeExceptionally(new LaunchException("The instance exited."));
        return;
      }
      if (probe.passes(port)) {
        boolean first;
        synchronized (this) {
          first = readiness.state() == Readiness.State.PENDING;
          if (first) {
            readiness = Readiness.ready();
          }
        }
        attempt.complete(port);
        if (first) {
          onReady.accept(this);
        }
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        fail(
            "The user-provided container failed to start and listen on the port defined provided"
                + " by the PORT="
                + containerPort()
                + " environment variable within the allocated timeout. Logs: "
                + log.toUri());
        processes.stopLater(started);
        attempt.completeExceptionally(new LaunchException("The startup probe timed out."));
        return;
      }
      sleep(Duration.ofMillis(200));
    }
  }

  private synchronized void fail(String message) {
    if (readiness.state() == Readiness.State.PENDING) {
      readiness = Readiness.failed(message);
    }
  }

  private Map<String, String> platformEnv(int port) {
    String service = revision.getService().substring(revision.getService().lastIndexOf('/') + 1);
    return Map.of(
        "PORT",
        Integer.toString(port),
        "K_SERVICE",
        service,
        "K_REVISION",
        revision.getName().substring(revision.getName().lastIndexOf('/') + 1),
        "K_CONFIGURATION",
        service);
  }

  private Container container() {
    // The first container serves; sidecars are not run locally.
    return revision.getContainers(0);
  }

  private int containerPort() {
    Container container = container();
    return container.getPortsCount() > 0 ? container.getPorts(0).getContainerPort() : 8080;
  }

  private String project() {
    return revision.getName().split("/")[1];
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
