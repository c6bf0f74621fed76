package dev.runwright.emulator.control;

/**
 * Whether a call reads or changes state; Google's quotas (and the operator's budget) count them
 * apart.
 */
public enum CallKind {
  READ,
  WRITE
}
