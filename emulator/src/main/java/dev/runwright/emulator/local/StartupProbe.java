package dev.runwright.emulator.local;

import com.google.cloud.run.v2.Probe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container's startup probe, as Cloud Run runs it against the instance: the declared HTTP GET
 * (2xx or 3xx passes) or TCP probe, else Cloud Run's default, a TCP connection to the port within
 * 240 seconds.
 */
record StartupProbe(String httpPath, Duration initialDelay, Duration deadline) {
  private static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(240);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  static StartupProbe of(Probe probe) {
    if (probe == null || probe.equals(Probe.getDefaultInstance())) {
      return new StartupProbe(null, Duration.ZERO, DEFAULT_DEADLINE);
    }
    Duration delay = Duration.ofSeconds(probe.getInitialDelaySeconds());
    int period = probe.getPeriodSeconds() > 0 ? probe.getPeriodSeconds() : 10;
    int failures = probe.getFailureThreshold() > 0 ? probe.getFailureThreshold() : 3;
    Duration deadline = delay.plusSeconds((long) period * failures);
    String path = probe.hasHttpGet() ? probe.getHttpGet().getPath() : null;
    if (path != null && path.isEmpty()) {
      path = "/";
    }
    return new StartupProbe(path, delay, deadline);
  }

  /** One attempt against the instance on {@code port}. */
  boolean passes(int port) {
    if (httpPath == null) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + httpPath))
                  .timeout(Duration.ofSeconds(2))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() >= 200 && response.statusCode() < 400;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
