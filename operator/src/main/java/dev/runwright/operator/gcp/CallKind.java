package dev.runwright.operator.gcp;

/**
 * What a call does to Google's state. It picks the rate-limit bucket and decides how an ambiguous
 * 409 is read: on a create it means "already exists", on any other write "changed concurrently,
 * re-read and retry".
 */
public enum CallKind {
  READ,
  CREATE,
  WRITE
}
