package dev.runwright.operator.cli;

import dev.runwright.operator.validate.ValidateCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of the operator jar: `runwright <subcommand> [args...]`. */
public final class RunwrightCli {
  private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

  /** The subcommands of the shipped jar; adding one is one line here. */
  public static RunwrightCli standard() {
    return new RunwrightCli().with("run", new RunCommand()).with("validate", new ValidateCommand());
  }

  public RunwrightCli with(String name, Subcommand subcommand) {
    subcommands.put(name, subcommand);
    return this;
  }

  public static void main(String[] args) {
    System.exit(standard().run(Arrays.asList(args), System.out, System.err));
  }

  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("-h") || args.get(0).equals("--help")) {
      printUsage(args.isEmpty() ? err : out);
      return args.isEmpty() ? Subcommand.USAGE_ERROR : 0;
    }
    Subcommand subcommand = subcommands.get(args.get(0));
    if (subcommand == null) {
      err.println("error: unknown command '" + args.get(0) + "'");
      printUsage(err);
      return Subcommand.USAGE_ERROR;
    }
    return subcommand.run(args.subList(1, args.size()), out, err);
  }

  private void printUsage(PrintStream stream) {
    stream.println("usage: runwright <command> [options]");
    stream.println();
    stream.println("commands:");
    subcommands.forEach(
        (name, subcommand) -> stream.printf("  %-10s %s%n", name, subcommand.summary()));
    stream.println();
    stream.println("Run 'runwright <command> --help' for the options of a command.");
  }
}
