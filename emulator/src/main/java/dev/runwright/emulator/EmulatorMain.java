package dev.runwright.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone: {@code java -jar runwright-emulator.jar [--port N] [--state-dir
 * DIR]}.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = 8085;
    java.nio.file.Path stateDirectory = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(requireValue(args, ++i, "--port"));
        case "--state-dir" ->
            stateDirectory = java.nio.file.Path.of(requireValue(args, ++i, "--state-dir"));
        case "--help", "-h" -> {
          System.out.println(
              "Usage: runwright-emulator [--port N] [--state-dir DIR]\n"
                  + "  --port N         listen on 127.0.0.1:N (default 8085, 0 picks a free port)\n"
                  + "  --state-dir DIR  keep the state in DIR/state.json across restarts");
          return;
        }
        default -> {
          System.err.println("Unknown option " + args[i] + "; try --help");
          System.exit(2);
        }
      }
    }
    Emulator emulator =
        Emulator.start(EmulatorConfig.defaults().withPort(port).withStateDirectory(stateDirectory));
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
    System.out.println("Runwright emulator listening on " + emulator.endpoint());
    new CountDownLatch(1).await();
  }

  private static String requireValue(String[] args, int index, String option) {
    if (index >= args.length) {
      System.err.println(option + " needs a value");
      System.exit(2);
    }
    return args[index];
  }
}
