package dev.runwright.emulator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the local runtime started, so that all of them (and their children) are stopped
 * when the emulator stops. Stopping is as Cloud Run does it: SIGTERM, then SIGKILL after a grace
 * period.
 */
final class LocalProcesses implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  Process start(ProcessBuilder builder) {
    if (closed) {
      throw new LaunchException("The emulator is stopping.");
    }
    try {
      Process process = builder.start();
      running.add(process);
      process.onExit().thenRun(() -> running.remove(process));
      if (closed) {
        stop(process);
      }
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + builder.command().getFirst(), e);
    }
  }

  /** Stops a process and its descendants; returns once they are gone. */
  void stop(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    descendants.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    running.remove(process);
  }

  /** Stops a process without waiting for it. */
  void stopLater(Process process) {
    Thread.ofVirtual().name("stop-" + process.pid()).start(() -> stop(process));
  }

  @Override
  public void close() {
    closed = true;
    CompletableFuture.allOf(
            List.copyOf(running).stream()
                .map(p -> CompletableFuture.runAsync(() -> stop(p), Thread::startVirtualThread))
                .toArray(CompletableFuture[]::new))
        .join();
  }
}
