package dev.runwright.operator.cloudsql;

import java.time.Duration;

/**
 * How soon to look at a running Cloud SQL operation again: often while it is young (user and
 * database changes take seconds), then less often (instance creation takes minutes), at most every
 * 30 s. Never a tight loop: at least 1 s.
 */
final class OperationPolling {
  static final Duration MIN = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(30);

  private OperationPolling() {}

  static Duration nextPoll(Duration elapsed) {
    Duration fifth = elapsed.isNegative() ? Duration.ZERO : elapsed.dividedBy(5);
    if (fifth.compareTo(MIN) < 0) {
      return MIN;
    }
    return fifth.compareTo(MAX) > 0 ? MAX : fifth;
  }
}
