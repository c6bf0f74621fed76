package dev.runwright.emulator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes {@code /cloudsql/CONNECTION_NAME} reach the local MariaDB without writing to {@code
 * /cloudsql}: a process's environment values get that prefix replaced by this directory, in which
 * {@code CONNECTION_NAME} is a symbolic link to MariaDB's unix socket (for MySQL, Cloud SQL's
 * socket path is {@code /cloudsql/CONNECTION_NAME} itself). The directory lives under the system's
 * temporary directory because a unix socket path may not exceed 107 bytes.
 */
final class CloudSqlSockets implements AutoCloseable {
  private static final String PREFIX = "/cloudsql/";
  private static final Pattern CONNECTION = Pattern.compile("/cloudsql/([^/?&#\\s\"']+)");

  private final Path directory;
  private final Path databaseSocket;

  CloudSqlSockets(Path databaseSocket) {
    this.databaseSocket = databaseSocket.toAbsolutePath();
    try {
      this.directory = Files.createTempDirectory("runwright-cloudsql-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the Cloud SQL socket directory", e);
    }
  }

  /** {@code value} with every {@code /cloudsql/NAME} leading to a socket that reaches MariaDB. */
  String rewrite(String value) {
    if (!value.contains(PREFIX)) {
      return value;
    }
    Matcher matcher = CONNECTION.matcher(value);
    while (matcher.find()) {
      link(matcher.group(1));
    }
    return value.replace(PREFIX, directory + "/");
  }

  private synchronized void link(String connectionName) {
    Path link = directory.resolve(connectionName);
    if (Files.isSymbolicLink(link)) {
      return;
    }
    try {
      Files.createSymbolicLink(link, databaseSocket);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot map /cloudsql/" + connectionName, e);
    }
  }

  @Override
  public void close() {
    try (var links = Files.list(directory)) {
      for (Path link : links.toList()) {
        Files.deleteIfExists(link);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // Left in the temporary directory: harmless links.
    }
  }
}
