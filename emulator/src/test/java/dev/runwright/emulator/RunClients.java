package dev.runwright.emulator;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.longrunning.OperationTimedPollAlgorithm;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.run.v2.ExecutionsClient;
import com.google.cloud.run.v2.ExecutionsSettings;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.JobsSettings;
import com.google.cloud.run.v2.RevisionsClient;
import com.google.cloud.run.v2.RevisionsSettings;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The real Cloud Run v2 clients over REST, pointed at an emulator. Operation polling is shortened
 * from the default 5 s first delay so tests that wait on operations stay fast.
 */
final class RunClients implements AutoCloseable {
  static final OperationTimedPollAlgorithm FAST_POLLING =
      OperationTimedPollAlgorithm.create(
          RetrySettings.newBuilder()
              .setInitialRetryDelayDuration(Duration.ofMillis(50))
              .setRetryDelayMultiplier(1.5)
              .setMaxRetryDelayDuration(Duration.ofMillis(500))
              .setInitialRpcTimeoutDuration(Duration.ZERO)
              .setRpcTimeoutMultiplier(1.0)
              .setMaxRpcTimeoutDuration(Duration.ZERO)
              .setTotalTimeoutDuration(Duration.ofSeconds(30))
              .build());

  final ServicesClient services;
  final RevisionsClient revisions;
  final JobsClient jobs;
  final ExecutionsClient executions;

  RunClients(Emulator emulator) {
    try {
      ServicesSettings.Builder s =
          ServicesSettings.newHttpJsonBuilder()
              .setEndpoint(emulator.endpoint())
              .setCredentialsProvider(NoCredentialsProvider.create());
      s.createServiceOperationSettings().setPollingAlgorithm(FAST_POLLING);
      s.updateServiceOperationSettings().setPollingAlgorithm(FAST_POLLING);
      s.deleteServiceOperationSettings().setPollingAlgorithm(FAST_POLLING);
      services = ServicesClient.create(s.build());

      RevisionsSettings.Builder r =
          RevisionsSettings.newHttpJsonBuilder()
              .setEndpoint(emulator.endpoint())
              .setCredentialsProvider(NoCredentialsProvider.create());
      r.deleteRevisionOperationSettings().setPollingAlgorithm(FAST_POLLING);
      revisions = RevisionsClient.create(r.build());

      JobsSettings.Builder j =
          JobsSettings.newHttpJsonBuilder()
              .setEndpoint(emulator.endpoint())
              .setCredentialsProvider(NoCredentialsProvider.create());
      j.createJobOperationSettings().setPollingAlgorithm(FAST_POLLING);
      j.updateJobOperationSettings().setPollingAlgorithm(FAST_POLLING);
      j.deleteJobOperationSettings().setPollingAlgorithm(FAST_POLLING);
      j.runJobOperationSettings().setPollingAlgorithm(FAST_POLLING);
      jobs = JobsClient.create(j.build());

      ExecutionsSettings.Builder e =
          ExecutionsSettings.newHttpJsonBuilder()
              .setEndpoint(emulator.endpoint())
              .setCredentialsProvider(NoCredentialsProvider.create());
      e.deleteExecutionOperationSettings().setPollingAlgorithm(FAST_POLLING);
      e.cancelExecutionOperationSettings().setPollingAlgorithm(FAST_POLLING);
      executions = ExecutionsClient.create(e.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The operation's result, or the API exception that failed it (unwrapped from
   * ExecutionException).
   */
  static <T> T await(java.util.concurrent.Future<T> future) throws Exception {
    try {
      return future.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  @Override
  public void close() {
    services.close();
    revisions.close();
    jobs.close();
    executions.close();
  }
}
