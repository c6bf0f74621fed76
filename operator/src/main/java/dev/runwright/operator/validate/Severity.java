package dev.runwright.operator.validate;

/** Errors make `validate` exit 1; warnings are reported but keep exit code 0. */
public enum Severity {
  ERROR,
  WARNING
}
