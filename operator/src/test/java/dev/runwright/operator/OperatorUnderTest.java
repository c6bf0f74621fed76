package dev.runwright.operator;

import dev.runwright.emulator.Emulator;
import dev.runwright.operator.config.ApiRateLimit;
import dev.runwright.operator.config.GoogleEndpoints;
import dev.runwright.operator.config.OperatorConfig;
import dev.runwright.operator.config.RateLimits;
import dev.runwright.operator.config.ResyncSchedule;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The operator as its composition root builds it, in the test JVM, against the emulator: watching
 * one test namespace, with a short resync so tests see resyncs in seconds. It can be stopped and
 * started again like a restarted pod.
 */
public final class OperatorUnderTest implements AutoCloseable {
  public static final String PROJECT = "runwright-test";
  public static final Duration RESYNC = Duration.ofSeconds(2);

  private final OperatorConfig config;
  private final KubernetesClient client;
  private RunwrightOperator running;

  public OperatorUnderTest(OperatorConfig config, KubernetesClient client) {
    this.config = config;
    this.client = client;
  }

  /** The configuration a test operator runs with, leader election in {@code namespace}. */
  public static OperatorConfig config(Emulator emulator, String namespace) {
    return new OperatorConfig(
        Optional.of(PROJECT),
        Set.of(),
        new ResyncSchedule(RESYNC, 0.1),
        2,
        new RateLimits(
            new ApiRateLimit(60),
            new ApiRateLimit(300),
            new ApiRateLimit(180),
            new ApiRateLimit(600),
            Duration.ofSeconds(2)),
        new OperatorConfig.GoogleClientSettings(
            Duration.ofSeconds(5), GoogleEndpoints.allAt(URI.create(emulator.endpoint()))),
        Set.of(namespace),
        new OperatorConfig.Logging(OperatorConfig.LogLevel.INFO, OperatorConfig.LogFormat.TEXT),
        0,
        new OperatorConfig.LeaderElection(true, "runwright-operator", Optional.of(namespace)));
  }

  public OperatorUnderTest start() {
    if (running != null) {
      throw new IllegalStateException("already running");
    }
    running =
        RunwrightOperator.start(
            config,
            client,
            Clock.systemUTC(),
            () -> {
              throw new IllegalStateException("the test operator lost its Lease");
            });
    return this;
  }

  public void stop() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  public RunwrightOperator running() {
    return running;
  }

  @Override
  public void close() {
    stop();
  }
}
