package dev.runwright.emulator.control;

/** The emulated Google APIs; counters and faults are kept per API. */
public enum Api {
  RUN("run"),
  SQL("sql"),
  SECRETS("secretmanager");

  private final String prefix;

  Api(String prefix) {
    this.prefix = prefix;
  }

  /** The prefix of this API's method names, e.g. {@code run} in {@code run.services.get}. */
  public String prefix() {
    return prefix;
  }
}
