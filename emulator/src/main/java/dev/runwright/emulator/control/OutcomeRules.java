package dev.runwright.emulator.control;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scripted outcomes of simulated work: revisions that fail or never become ready, job executions
 * that fail, and Cloud SQL operations that finish with an error. Each rule names a resource by
 * substring of its full name.
 */
public final class OutcomeRules {
  private final Set<String> failingRevisions = ConcurrentHashMap.newKeySet();
  private final Set<String> stuckRevisions = ConcurrentHashMap.newKeySet();
  private final Set<String> failingJobs = ConcurrentHashMap.newKeySet();
  private final Set<String> failingSqlTargets = ConcurrentHashMap.newKeySet();

  /**
   * Revisions whose name contains {@code fragment} fail to become ready (the container "does not
   * start").
   */
  public void failRevisions(String fragment) {
    failingRevisions.add(fragment);
  }

  /** Revisions whose name contains {@code fragment} stay not ready forever. */
  public void neverReadyRevisions(String fragment) {
    stuckRevisions.add(fragment);
  }

  /** Executions of jobs whose name contains {@code fragment} fail. */
  public void failExecutionsOf(String fragment) {
    failingJobs.add(fragment);
  }

  /**
   * Cloud SQL operations on an instance whose name contains {@code fragment} finish with an error.
   */
  public void failSqlOperationsOn(String fragment) {
    failingSqlTargets.add(fragment);
  }

  public boolean revisionFails(String revisionName) {
    return matchesAny(failingRevisions, revisionName);
  }

  public boolean revisionNeverReady(String revisionName) {
    return matchesAny(stuckRevisions, revisionName);
  }

  public boolean executionFails(String jobName) {
    return matchesAny(failingJobs, jobName);
  }

  public boolean sqlOperationFails(String instanceName) {
    return matchesAny(failingSqlTargets, instanceName);
  }

  public void clear() {
    failingRevisions.clear();
    stuckRevisions.clear();
    failingJobs.clear();
    failingSqlTargets.clear();
  }

  /** The rules as a plain record, for the admin API. */
  public Snapshot snapshot() {
    return new Snapshot(
        Set.copyOf(failingRevisions),
        Set.copyOf(stuckRevisions),
        Set.copyOf(failingJobs),
        Set.copyOf(failingSqlTargets));
  }

  /** All rules at one moment; also the admin API's JSON shape. */
  public record Snapshot(
      Set<String> failRevisions,
      Set<String> neverReadyRevisions,
      Set<String> failExecutionsOf,
      Set<String> failSqlOperationsOn) {}

  public void add(Snapshot rules) {
    if (rules.failRevisions() != null) failingRevisions.addAll(rules.failRevisions());
    if (rules.neverReadyRevisions() != null) stuckRevisions.addAll(rules.neverReadyRevisions());
    if (rules.failExecutionsOf() != null) failingJobs.addAll(rules.failExecutionsOf());
    if (rules.failSqlOperationsOn() != null) failingSqlTargets.addAll(rules.failSqlOperationsOn());
  }

  private static boolean matchesAny(Set<String> fragments, String name) {
    return fragments.stream().anyMatch(name::contains);
  }
}
