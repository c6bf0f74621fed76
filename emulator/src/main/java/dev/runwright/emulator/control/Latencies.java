package dev.runwright.emulator.control;

import java.time.Duration;

/**
 * How long simulated work takes before its operation is done: Cloud SQL instance creation, update
 * and deletion, database and user changes, a Cloud Run revision becoming ready, and one job
 * execution running.
 */
public record Latencies(
    Duration sqlInstanceCreate,
    Duration sqlInstanceUpdate,
    Duration sqlInstanceDelete,
    Duration sqlDatabaseOrUser,
    Duration revisionReady,
    Duration executionRun) {

  public Latencies {
    sqlInstanceCreate = orZero(sqlInstanceCreate);
    sqlInstanceUpdate = orZero(sqlInstanceUpdate);
    sqlInstanceDelete = orZero(sqlInstanceDelete);
    sqlDatabaseOrUser = orZero(sqlDatabaseOrUser);
    revisionReady = orZero(revisionReady);
    executionRun = orZero(executionRun);
  }

  /** Everything completes at once: the default for tests that do not look at timing. */
  public static Latencies none() {
    return new Latencies(null, null, null, null, null, null);
  }

  public Latencies withSqlInstanceCreate(Duration d) {
    return new Latencies(
        d, sqlInstanceUpdate, sqlInstanceDelete, sqlDatabaseOrUser, revisionReady, executionRun);
  }

  public Latencies withSqlInstanceUpdate(Duration d) {
    return new Latencies(
        sqlInstanceCreate, d, sqlInstanceDelete, sqlDatabaseOrUser, revisionReady, executionRun);
  }

  public Latencies withSqlInstanceDelete(Duration d) {
    return new Latencies(
        sqlInstanceCreate, sqlInstanceUpdate, d, sqlDatabaseOrUser, revisionReady, executionRun);
  }

  public Latencies withSqlDatabaseOrUser(Duration d) {
    return new Latencies(
        sqlInstanceCreate, sqlInstanceUpdate, sqlInstanceDelete, d, revisionReady, executionRun);
  }

  public Latencies withRevisionReady(Duration d) {
    return new Latencies(
        sqlInstanceCreate,
        sqlInstanceUpdate,
        sqlInstanceDelete,
        sqlDatabaseOrUser,
        d,
        executionRun);
  }

  public Latencies withExecutionRun(Duration d) {
    return new Latencies(
        sqlInstanceCreate,
        sqlInstanceUpdate,
        sqlInstanceDelete,
        sqlDatabaseOrUser,
        revisionReady,
        d);
  }

  private static Duration orZero(Duration d) {
    return d == null ? Duration.ZERO : d;
  }
}
