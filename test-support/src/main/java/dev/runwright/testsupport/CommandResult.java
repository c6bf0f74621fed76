package dev.runwright.testsupport;

import java.util.List;

/**
 * What a command (kubectl, helm) printed and how it exited.
 *
 * @param command the command line, for failure messages
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

  public boolean succeeded() {
    return exitCode == 0;
  }

  /**
   * Returns this result if the command exited with 0.
   *
   * @throws AssertionError with the command line and both outputs otherwise
   */
  public CommandResult assertSuccess() {
    if (!succeeded()) {
      throw new AssertionError(describe());
    }
    return this;
  }

  public String describe() {
    return String.join(" ", command)
        + " exited with "
        + exitCode
        + "\n--- stdout ---\n"
        + stdout
        + "\n--- stderr ---\n"
        + stderr;
  }
}
