package dev.runwright.operator.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of the runwright command line (e.g. `validate`, `run`). */
public interface Subcommand {
  /** Exit code for a usage error (unknown option, missing argument), shared by all subcommands. */
  int USAGE_ERROR = 2;

  /** One line shown in the command list. */
  String summary();

  /** Runs the subcommand with the arguments after its name and returns the process exit code. */
  int run(List<String> args, PrintStream out, PrintStream err);
}
