package dev.runwright.operator.gcp;

import dev.runwright.operator.config.OperatorConfig;
import dev.runwright.operator.config.RateLimits;
import dev.runwright.operator.gcp.gapic.GapicErrorTranslator;
import dev.runwright.operator.gcp.run.CloudRunAdapter;
import dev.runwright.operator.gcp.run.CloudRunApi;
import dev.runwright.operator.gcp.secrets.SecretManagerAdapter;
import dev.runwright.operator.gcp.secrets.SecretsApi;
import dev.runwright.operator.gcp.sql.SqlAdminAdapter;
import dev.runwright.operator.gcp.sql.SqlAdminApi;
import dev.runwright.operator.gcp.sql.SqlAdminErrorTranslator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * The three Google ports, built once by the composition root from the configuration: each adapter
 * with its own client-side rate limit, error translation and call counters.
 */
public record GoogleAdapters(CloudRunApi cloudRun, SqlAdminApi sqlAdmin, SecretsApi secrets)
    implements AutoCloseable {

  public static GoogleAdapters create(OperatorConfig config, MeterRegistry registry) {
    RateLimits limits = config.rateLimits();
    Duration timeout = config.google().callTimeout();
    var endpoints = config.google().endpoints();
    var metrics = new GoogleCallMetrics(registry);
    var gapicErrors = new GapicErrorTranslator(Clock.systemUTC());
    var cloudRunCalls =
        new GoogleCalls(
            ClientRateLimiter.perRegion(
                limits.cloudRunReads(),
                limits.cloudRunWrites(),
                limits.maxWait(),
                System::nanoTime,
                Sleeper.SYSTEM),
            gapicErrors,
            metrics);
    var sqlCalls =
        new GoogleCalls(
            ClientRateLimiter.shared(
                limits.sqlAdmin(), limits.maxWait(), System::nanoTime, Sleeper.SYSTEM),
            new SqlAdminErrorTranslator(Clock.systemUTC()),
            metrics);
    var secretCalls =
        new GoogleCalls(
            ClientRateLimiter.shared(
                limits.secretManager(), limits.maxWait(), System::nanoTime, Sleeper.SYSTEM),
            gapicErrors,
            metrics);
    return new GoogleAdapters(
        CloudRunAdapter.create(endpoints.cloudRun(), timeout, cloudRunCalls),
        SqlAdminAdapter.create(endpoints.sqlAdmin(), timeout, sqlCalls),
        SecretManagerAdapter.create(endpoints.secretManager(), timeout, secretCalls));
  }

  @Override
  public void close() throws Exception {
    if (cloudRun instanceof AutoCloseable closeable) {
      closeable.close();
    }
    if (secrets instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
