package dev.runwright.operator;

import dev.runwright.operator.cloudrun.CloudRunServiceReconciler;
import dev.runwright.operator.cloudsql.CloudSqlDatabaseReconciler;
import dev.runwright.operator.config.OperatorConfig;
import dev.runwright.operator.gcp.GoogleAdapters;
import dev.runwright.operator.management.ManagementServer;
import dev.runwright.operator.migration.MigrationJobReconciler;
import dev.runwright.operator.reconcile.KubeEvents;
import dev.runwright.operator.reconcile.OperatorServices;
import dev.runwright.operator.reconcile.Resync;
import dev.runwright.operator.reconcile.RetrySchedule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the Google adapters, metrics, the JOSDK operator with its
 * reconcilers and the management endpoints from the configuration, and nothing else. {@link
 * #close()} stops all of it, so tests can start, stop and restart an operator in their JVM.
 */
public final class RunwrightOperator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunwrightOperator.class);

  private final Operator operator;
  private final ManagementServer management;
  private final GoogleAdapters google;
  private final PrometheusMeterRegistry registry;
  private final AtomicBoolean closing;

  private RunwrightOperator(
      Operator operator,
      ManagementServer management,
      GoogleAdapters google,
      PrometheusMeterRegistry registry,
      AtomicBoolean closing) {
    this.operator = operator;
    this.management = management;
    this.google = google;
    this.registry = registry;
    this.closing = closing;
  }

  /** The reconcilers the operator runs; adding a kind is one line here. */
  private static List<Reconciler<? extends HasMetadata>> reconcilers(OperatorServices services) {
    return List.of(
        new CloudSqlDatabaseReconciler(services),
        new MigrationJobReconciler(services),
        new CloudRunServiceReconciler(services));
  }

  /**
   * Starts the operator.
   *
   * @param client the Kubernetes client; not closed by {@link #close()}
   * @param onLostLeadership what to do when another replica took the Lease while this one runs (the
   *     {@code run} command exits, so the pod restarts as a standby)
   */
  public static RunwrightOperator start(
      OperatorConfig config, KubernetesClient client, Clock clock, Runnable onLostLeadership) {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Heap and non-heap use on /metrics, so memory is watched (and benchmarked) without jcmd.
    new JvmMemoryMetrics().bindTo(registry);
    var google = GoogleAdapters.create(config, registry);
    var resync = new Resync(config.resync(), new Random());
    var services =
        new OperatorServices(
            config, google, clock, resync, new KubeEvents(client, clock, reportingInstance()));
    List<Reconciler<? extends HasMetadata>> reconcilers = reconcilers(services);
    var closing = new AtomicBoolean();
    var operator =
        new Operator(
            overrider ->
                configure(
                    overrider,
                    config,
                    client,
                    registry,
                    reconcilers.size(),
                    closing,
                    onLostLeadership));
    for (Reconciler<? extends HasMetadata> reconciler : reconcilers) {
      register(operator, reconciler, config, resync);
    }
    ManagementServer management = null;
    try {
      operator.start();
      management =
          ManagementServer.start(
              config.managementPort(),
              () ->
                  operator.getRuntimeInfo().isStarted()
                      && operator.getRuntimeInfo().allEventSourcesAreHealthy(),
              registry::scrape);
    } catch (IOException | RuntimeException e) {
      operator.stop();
      closeQuietly(google);
      if (e instanceof IOException io) {
        throw new UncheckedIOException(
            "cannot open the management port " + config.managementPort(), io);
      }
      throw (RuntimeException) e;
    }
    return new RunwrightOperator(operator, management, google, registry, closing);
  }

  private static void configure(
      ConfigurationServiceOverrider overrider,
      OperatorConfig config,
      KubernetesClient client,
      PrometheusMeterRegistry registry,
      int controllers,
      AtomicBoolean closing,
      Runnable onLostLeadership) {
    overrider
        .withKubernetesClient(client)
        .withCloseClientOnStop(false)
        .withUseSSAToPatchPrimaryResource(true)
        .withConcurrentReconciliationThreads(config.concurrency() * controllers)
        .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
    var election = config.leaderElection();
    if (election.enabled()) {
      var builder =
          LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(election.leaseName())
              // JOSDK would call System.exit itself, also while we shut down on purpose.
              .withExitOnStopLeading(false)
              .withLeaderCallbacks(
                  new LeaderCallbacks(
                      () -> LOG.info("Leading: reconciling from now on"),
                      () -> {
                        if (!closing.get()) {
                          LOG.error("Lost the leader Lease while running; stopping");
                          onLostLeadership.run();
                        }
                      },
                      leader -> LOG.info("Leader is {}", leader)));
      election.namespace().ifPresent(builder::withLeaseNamespace);
      overrider.withLeaderElectionConfiguration(builder.build());
    }
  }

  private static <R extends HasMetadata> void register(
      Operator operator, Reconciler<R> reconciler, OperatorConfig config, Resync resync) {
    operator.register(
        reconciler,
        overrider -> {
          if (config.watchesAllNamespaces()) {
            overrider.watchingAllNamespaces();
          } else {
            overrider.settingNamespaces(config.watchedNamespaces());
          }
          // Transient failures: 1 s doubling to 60 s, unlimited (see RetrySchedule); the
          // reconcile is idempotent and never loops tightly.
          overrider
              .withRetry(RetrySchedule.backoff())
              .withReconciliationMaxInterval(resync.longest());
        });
  }

  /** The pod name in a cluster (HOSTNAME), else a name for this process. */
  private static String reportingInstance() {
    String host = System.getenv("HOSTNAME");
    return host == null || host.isBlank() ? "runwright-operator" : host;
  }

  /** Port of the management endpoints (useful when configured as 0). */
  public int managementPort() {
    return management.port();
  }

  /** The registry behind {@code /metrics}. */
  public PrometheusMeterRegistry meterRegistry() {
    return registry;
  }

  @Override
  public void close() {
    closing.set(true);
    try {
      operator.stop();
    } finally {
      management.close();
      closeQuietly(google);
      registry.close();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Cannot close {}: {}", closeable.getClass().getSimpleName(), e.getMessage());
    }
  }
}
