package dev.runwright.operator.gcp.gapic;

import com.google.api.core.ApiFunction;
import com.google.api.gax.core.FixedExecutorProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ClientSettings;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.UnaryCallSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Settings shared by the GAPIC clients: an endpoint override without credentials (for the emulator)
 * or Google's endpoint with Application Default Credentials, calls on virtual threads; and one
 * attempt per call with a deadline, because retries belong to the reconcile loop's backoff, not to
 * a client spinning inside a reconcile.
 */
public final class GapicClientSettings {

  private GapicClientSettings() {}

  /**
   * The blocking HTTP exchange of every call runs on a virtual thread of its own. gax's default
   * executor for HTTP/JSON transports is a scheduled pool with a large core size, which starts a
   * platform thread per call until that size and keeps them all: hundreds of idle threads (and
   * their memory) after a few minutes of reconciling.
   */
  private static final Executor CALLS = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * The clients' background work (deadlines, retries' timers, operation polling) for all clients:
   * two daemon threads instead of a growing pool per client.
   */
  private static final ScheduledExecutorService BACKGROUND =
      Executors.newScheduledThreadPool(
          2, Thread.ofPlatform().name("google-clients-", 0).daemon().factory());

  /**
   * Points {@code builder} at {@code endpoint} without credentials, or leaves Google's endpoint and
   * Application Default Credentials in place; calls run on virtual threads and background work on
   * the shared pool either way.
   */
  public static <B extends ClientSettings.Builder<?, B>> B connection(
      B builder, Optional<URI> endpoint) {
    builder
        .setBackgroundExecutorProvider(FixedExecutorProvider.create(BACKGROUND))
        .setTransportChannelProvider(
            InstantiatingHttpJsonChannelProvider.newBuilder().setExecutor(CALLS).build());
    endpoint.ifPresent(
        uri ->
            // The http:// scheme must stay: without it the client assumes https and hangs until its
            // deadline.
            builder
                .setEndpoint(uri.toString())
                .setCredentialsProvider(NoCredentialsProvider.create()));
    return builder;
  }

  /**
   * One attempt per call, bounded by {@code timeout}; to be passed to {@code
   * applyToAllUnaryMethods}.
   */
  public static ApiFunction<UnaryCallSettings.Builder<?, ?>, Void> singleAttempt(Duration timeout) {
    RetrySettings retry =
        RetrySettings.newBuilder()
            .setMaxAttempts(1)
            .setTotalTimeoutDuration(timeout)
            .setInitialRpcTimeoutDuration(timeout)
            .setMaxRpcTimeoutDuration(timeout)
            .setRpcTimeoutMultiplier(1.0)
            .build();
    return settings -> {
      settings.setRetrySettings(retry).setRetryableCodes(Set.<StatusCode.Code>of());
      return null;
    };
  }
}
