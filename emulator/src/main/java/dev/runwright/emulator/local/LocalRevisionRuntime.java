package dev.runwright.emulator.local;

import com.google.cloud.run.v2.Revision;
import dev.runwright.emulator.run.runtime.RevisionInstance;
import dev.runwright.emulator.run.runtime.RevisionRuntime;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts each new revision's first instance at once (Cloud Run checks a revision by starting it),
 * then keeps processes only for revisions that the routes need.
 */
final class LocalRevisionRuntime implements RevisionRuntime {
  private final ContainerLauncher launcher;
  private final LocalProcesses processes;
  private final Path logs;
  private final Map<String, LocalRevision> revisions = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> routed = new ConcurrentHashMap<>();
  private final Map<String, String> newest = new ConcurrentHashMap<>();

  LocalRevisionRuntime(ContainerLauncher launcher, LocalProcesses processes, Path logs) {
    this.launcher = launcher;
    this.processes = processes;
    this.logs = logs;
  }

  @Override
  public RevisionInstance start(Revision revision) {
    String id = revision.getName().substring(revision.getName().lastIndexOf('/') + 1);
    LocalRevision local =
        new LocalRevision(
            revision,
            launcher,
            processes,
            logs.resolve("revisions").resolve(id + ".log"),
            this::becameReady);
    LocalRevision previous = revisions.put(revision.getName(), local);
    if (previous != null) {
      previous.stop();
    }
    newest.put(revision.getService(), revision.getName());
    // Off the API's lock: the first start of an image unpacks its tarball.
    Thread.ofVirtual().name("start-" + id).start(local::serve);
    return new RevisionInstance() {
      @Override
      public Readiness readiness() {
        return local.readiness();
      }

      @Override
      public Optional<String> logUri() {
        return local.logUri();
      }

      @Override
      public void stop() {
        revisions.remove(revision.getName(), local);
        local.stop();
      }
    };
  }

  Optional<LocalRevision> revision(String name) {
    return Optional.ofNullable(revisions.get(name));
  }

  /**
   * A revision that passed its first startup probe keeps running while the routes need it or while
   * it is its service's newest revision (its rollout is about to settle); an older one that nothing
   * routes to, e.g. started again after a restart, stops at once.
   */
  private void becameReady(LocalRevision revision) {
    boolean needed =
        routed.getOrDefault(revision.service(), Set.of()).contains(revision.name())
            || revision.name().equals(newest.get(revision.service()));
    if (!needed) {
      revision.scaleToZero();
    }
  }

  /** Runs the routed revisions of {@code service} and stops the others that have settled. */
  void scale(String service, Set<String> routed) {
    this.routed.put(service, Set.copyOf(routed));
    for (LocalRevision revision : revisions.values()) {
      if (!revision.service().equals(service)) {
        continue;
      }
      if (routed.contains(revision.name())) {
        Thread.ofVirtual().start(revision::serve);
      } else {
        revision.scaleToZero();
      }
    }
  }
}
