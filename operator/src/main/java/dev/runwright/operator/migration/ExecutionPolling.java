package dev.runwright.operator.migration;

import java.time.Duration;

/**
 * How soon to look at a running execution again: every second while it is young (most migrations
 * take seconds), then less often, at most every 30 s. Never a tight loop.
 */
final class ExecutionPolling {
  static final Duration MIN = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(30);

  /** How often a MigrationJob waiting for another one's lock looks again. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(2);

  /** How often a MigrationJob waiting for its CloudSqlDatabase looks again (besides its events). */
  static final Duration DEPENDENCY_WAIT = Duration.ofSeconds(30);

  private ExecutionPolling() {}

  static Duration nextPoll(Duration elapsed) {
    Duration fifth = elapsed.isNegative() ? Duration.ZERO : elapsed.dividedBy(5);
    if (fifth.compareTo(MIN) < 0) {
      return MIN;
    }
    return fifth.compareTo(MAX) > 0 ? MAX : fifth;
  }
}
