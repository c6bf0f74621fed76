package dev.runwright.service.config;

/** Where the database listens: a TCP host and port, or a unix socket (Cloud SQL on Cloud Run). */
public sealed interface DatabaseEndpoint {

  /** A TCP endpoint. */
  record Tcp(String host, int port) implements DatabaseEndpoint {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  /** A unix socket, e.g. {@code /cloudsql/PROJECT:REGION:INSTANCE}. */
  record UnixSocket(String path) implements DatabaseEndpoint {
    @Override
    public String toString() {
      return "unix:" + path;
    }
  }
}
