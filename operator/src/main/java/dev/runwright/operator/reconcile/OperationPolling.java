package dev.runwright.operator.reconcile;

import java.time.Duration;

/**
 * How soon to look at a running Google operation or job execution again: often while it is young
 * (user and database changes and most migrations take seconds), then less often (instance creation
 * takes minutes), at most every 30 s. Never a tight loop: at least 1 s.
 */
public final class OperationPolling {
  public static final Duration MIN = Duration.ofSeconds(1);
  public static final Duration MAX = Duration.ofSeconds(30);

  private OperationPolling() {}

  public static Duration nextPoll(Duration elapsed) {
    Duration fifth = elapsed.isNegative() ? Duration.ZERO : elapsed.dividedBy(5);
    if (fifth.compareTo(MIN) < 0) {
      return MIN;
    }
    return fifth.compareTo(MAX) > 0 ? MAX : fifth;
  }
}
