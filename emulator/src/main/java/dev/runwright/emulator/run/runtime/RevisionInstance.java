package dev.runwright.emulator.run.runtime;

/**
 * A started revision; its readiness is polled whenever the API reads the revision or its service.
 */
public interface RevisionInstance {
  Readiness readiness();

  /** Called when the revision is deleted. */
  default void stop() {}

  /** Where the revision's logs can be read; empty: Cloud Logging's console link. */
  default java.util.Optional<String> logUri() {
    return java.util.Optional.empty();
  }

  /** Whether the revision can serve, with a message when it failed. */
  record Readiness(State state, String message) {
    /** The lifecycle of a revision as Cloud Run reports it. */
    public enum State {
      PENDING,
      READY,
      FAILED
    }

    public static Readiness pending() {
      return new Readiness(State.PENDING, "");
    }

    public static Readiness ready() {
      return new Readiness(State.READY, "");
    }

    public static Readiness failed(String message) {
      return new Readiness(State.FAILED, message);
    }
  }
}
