package dev.runwright.emulator;

import dev.runwright.emulator.local.LocalRuntimeConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone: {@code java -jar runwright-emulator.jar [--port N] [--state-dir
 * DIR] [--local-runtime --image REF=TARBALL ... --db-...]}.
 */
public final class EmulatorMain {
  private static final String USAGE =
      """
      Usage: runwright-emulator [--port N] [--state-dir DIR] [--local-runtime OPTIONS]
        --port N                 listen on 127.0.0.1:N (default 8085, 0 picks a free port)
        --state-dir DIR          keep the state in DIR/state.json across restarts
        --local-runtime          run revisions and job executions as local processes and back
                                 Cloud SQL with a real MariaDB; then:
          --image REF=TARBALL    an image reference (or repository) and its docker-archive
                                 tarball, e.g. runwright/jwt-service=service/target/jib-image.tar
                                 (repeatable)
          --command REF=CMD      the fallback for an image without a tarball: run CMD (split
                                 at spaces) in the current directory as its entrypoint
          --work-dir DIR         unpacked images and logs (default: a new temporary directory)
          --java-home DIR        the JDK that runs Java images (default: this JVM's)
          --db-host H --db-port N --db-socket PATH --db-admin-user U --db-admin-password P
                                 the MariaDB behind Cloud SQL (default: RUNWRIGHT_DB_HOST,
                                 RUNWRIGHT_DB_PORT, RUNWRIGHT_DB_SOCKET, RUNWRIGHT_DB_ADMIN_USER,
                                 RUNWRIGHT_DB_ADMIN_PASSWORD as written by scripts/mariadb.sh)
      """;

  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    EmulatorConfig config;
    try {
      config = parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (config == null) {
      System.out.print(USAGE);
      return;
    }
    Emulator emulator = Emulator.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
    System.out.println("Runwright emulator listening on " + emulator.endpoint());
    new CountDownLatch(1).await();
  }

  /** The configuration the arguments ask for; null for {@code --help}. */
  static EmulatorConfig parse(String[] args, Map<String, String> env) {
    int port = 8085;
    Path stateDirectory = null;
    boolean local = false;
    Map<String, Path> images = new LinkedHashMap<>();
    Map<String, List<String>> commands = new LinkedHashMap<>();
    Path workDirectory = null;
    Path javaHome = Path.of(System.getProperty("java.home"));
    Map<String, String> db = new LinkedHashMap<>();
    db.put("--db-host", env.get("RUNWRIGHT_DB_HOST"));
    db.put("--db-port", env.get("RUNWRIGHT_DB_PORT"));
    db.put("--db-socket", env.get("RUNWRIGHT_DB_SOCKET"));
    db.put("--db-admin-user", env.get("RUNWRIGHT_DB_ADMIN_USER"));
    db.put("--db-admin-password", env.get("RUNWRIGHT_DB_ADMIN_PASSWORD"));
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help", "-h" -> {
          return null;
        }
        case "--local-runtime" -> local = true;
        case "--port" -> port = Integer.parseInt(value(args, ++i, option));
        case "--state-dir" -> stateDirectory = Path.of(value(args, ++i, option));
        case "--work-dir" -> workDirectory = Path.of(value(args, ++i, option));
        case "--java-home" -> javaHome = Path.of(value(args, ++i, option));
        case "--image" -> {
          String image = value(args, ++i, option);
          int eq = image.indexOf('=');
          if (eq <= 0) {
            problems.add("--image needs REF=TARBALL, got " + image);
          } else {
            images.put(image.substring(0, eq), Path.of(image.substring(eq + 1)));
          }
        }
        case "--command" -> {
          String command = value(args, ++i, option);
          int eq = command.indexOf('=');
          if (eq <= 0 || command.substring(eq + 1).isBlank()) {
            problems.add("--command needs REF=COMMAND LINE, got " + command);
          } else {
            commands.put(
                command.substring(0, eq), List.of(command.substring(eq + 1).trim().split("\\s+")));
          }
        }
        default -> {
          if (db.containsKey(option)) {
            db.put(option, value(args, ++i, option));
          } else {
            throw new IllegalArgumentException("Unknown option " + option + "; try --help");
          }
        }
      }
    }
    EmulatorConfig config =
        EmulatorConfig.defaults().withPort(port).withStateDirectory(stateDirectory);
    if (!local) {
      return config;
    }
    db.forEach(
        (option, value) -> {
          if (value == null || value.isBlank()) {
            problems.add("--local-runtime needs " + option);
          }
        });
    if (images.isEmpty() && commands.isEmpty()) {
      problems.add("--local-runtime needs at least one --image REF=TARBALL (or --command)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    LocalRuntimeConfig.MariaDb database =
        new LocalRuntimeConfig.MariaDb(
            db.get("--db-host"),
            Integer.parseInt(db.get("--db-port")),
            Path.of(db.get("--db-socket")),
            db.get("--db-admin-user"),
            db.get("--db-admin-password"));
    return config.withLocalRuntime(
        new LocalRuntimeConfig(images, commands, javaHome, database, workDirectory));
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }
}
