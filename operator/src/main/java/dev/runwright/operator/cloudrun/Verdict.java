package dev.runwright.operator.cloudrun;

/** The kstatus outcome of a reconcile: Ready, Reconciling or Stalled, with a reason and message. */
record Verdict(Kind kind, String reason, String message) {
  enum Kind {
    READY,
    RECONCILING,
    STALLED
  }

  static Verdict ready(String reason, String message) {
    return new Verdict(Kind.READY, reason, message);
  }

  static Verdict reconciling(String reason, String message) {
    return new Verdict(Kind.RECONCILING, reason, message);
  }

  static Verdict stalled(String reason, String message) {
    return new Verdict(Kind.STALLED, reason, message);
  }
}
