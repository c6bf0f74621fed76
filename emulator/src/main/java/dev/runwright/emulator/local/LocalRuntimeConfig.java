package dev.runwright.emulator.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the local runtime runs things: which image tarball each image reference means, the JDK that
 * starts Java images, the MariaDB that backs Cloud SQL, and a work directory for unpacked images,
 * sockets and logs (null: a new temporary directory).
 *
 * <p>An image reference matches a key exactly, or by repository when the key has no tag or digest
 * ({@code runwright/jwt-service} matches {@code runwright/jwt-service:1.0.0} and {@code
 * runwright/jwt-service@sha256:...}). An image without a tarball may instead map to a command line
 * ({@code commands}, the fallback), which then plays the image's entrypoint in the emulator's
 * working directory.
 */
public record LocalRuntimeConfig(
    Map<String, Path> images,
    Map<String, List<String>> commands,
    Path javaHome,
    MariaDb database,
    Path workDirectory) {

  public LocalRuntimeConfig {
    images = Map.copyOf(images);
    commands = Map.copyOf(commands);
    Objects.requireNonNull(javaHome, "javaHome");
    Objects.requireNonNull(database, "database");
  }

  /** The images, the emulator's own JDK, the database, a temporary work directory. */
  public static LocalRuntimeConfig of(Map<String, Path> images, MariaDb database) {
    return new LocalRuntimeConfig(
        images, Map.of(), Path.of(System.getProperty("java.home")), database, null);
  }

  public LocalRuntimeConfig withWorkDirectory(Path value) {
    return new LocalRuntimeConfig(images, commands, javaHome, database, value);
  }

  /**
   * Runs {@code image} (a reference or repository) as {@code commandLine} when it has no tarball.
   */
  public LocalRuntimeConfig withCommand(String image, List<String> commandLine) {
    Map<String, List<String>> values = new java.util.HashMap<>(commands);
    values.put(image, List.copyOf(commandLine));
    return new LocalRuntimeConfig(images, values, javaHome, database, workDirectory);
  }

  /**
   * The MariaDB (or MySQL) server behind every Cloud SQL instance: reached over TCP with an admin
   * account that may create databases and users; its unix socket is what {@code
   * /cloudsql/CONNECTION_NAME} leads to.
   */
  public record MariaDb(
      String host, int port, Path socket, String adminUser, String adminPassword) {
    public MariaDb {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(socket, "socket");
      Objects.requireNonNull(adminUser, "adminUser");
      Objects.requireNonNull(adminPassword, "adminPassword");
    }

    @Override
    public String toString() {
      return "MariaDb[" + host + ":" + port + ", socket " + socket + ", admin " + adminUser + "]";
    }
  }
}
