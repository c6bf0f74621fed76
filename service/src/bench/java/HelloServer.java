package dev.runwright.bench;

import io.helidon.webserver.WebServer;

/** The bare Helidon SE baseline for the start-up benchmark: one route, nothing else. */
public final class HelloServer {
  private HelloServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    WebServer server =
        WebServer.builder()
            .port(port)
            .routing(r -> r.get("/readyz", (req, res) -> res.send("hello")))
            .build()
            .start();
    System.out.println("hello on " + server.port());
  }
}
