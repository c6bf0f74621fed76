package dev.runwright.operator.migration;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may run a migration on a database now. The lock is held from just before a MigrationJob
 * starts an execution until that execution has finished, so two MigrationJobs never migrate one
 * database at the same time (MySQL DDL is not transactional).
 */
sealed interface LockDecision {

  /** Nobody (or a holder that is gone and no longer running) holds it: take it. */
  record Take(boolean takeOver) implements LockDecision {}

  /** This MigrationJob already holds it (e.g. it took it before a restart). */
  record Held() implements LockDecision {}

  /** Another MigrationJob holds it: wait. */
  record Wait(String why) implements LockDecision {}

  /**
   * A holder of the lock: the MigrationJob by name and uid (a recreated one of the same name is
   * another holder) and the execution it holds the lock for.
   */
  record LockHolder(String name, String uid, String execution) {
    public LockHolder {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(execution, "execution");
    }

    boolean sameMigrationJob(LockHolder other) {
      return name.equals(other.name) && uid.equals(other.uid);
    }
  }

  /**
   * @param current the holder recorded in the lock, if any
   * @param holderExists whether the holder's MigrationJob still exists (same uid)
   * @param executionMayRun whether the holder's execution may still be running (unknown counts as
   *     running)
   */
  static LockDecision decide(
      Optional<LockHolder> current,
      LockHolder me,
      Predicate<LockHolder> holderExists,
      Predicate<LockHolder> executionMayRun) {
    if (current.isEmpty()) {
      return new Take(false);
    }
    LockHolder holder = current.get();
    if (holder.sameMigrationJob(me)) {
      return new Held();
    }
    if (holderExists.test(holder)) {
      return new Wait(
          "MigrationJob "
              + holder.name()
              + " is migrating the same database (execution "
              + holder.execution()
              + "); one migration runs at a time per database");
    }
    if (executionMayRun.test(holder)) {
      return new Wait(
          "MigrationJob "
              + holder.name()
              + " was deleted while its execution "
              + holder.execution()
              + " runs; waiting for it to finish");
    }
    return new Take(true);
  }
}
