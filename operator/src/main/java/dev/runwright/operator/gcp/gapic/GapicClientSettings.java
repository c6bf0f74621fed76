package dev.runwright.operator.gcp.gapic;

import com.google.api.core.ApiFunction;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ClientSettings;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.UnaryCallSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Settings shared by the GAPIC clients: an endpoint override without credentials (for the emulator)
 * or Google's endpoint with Application Default Credentials; and one attempt per call with a
 * deadline, because retries belong to the reconcile loop's backoff, not to a client spinning inside
 * a reconcile.
 */
public final class GapicClientSettings {

  private GapicClientSettings() {}

  /**
   * Points {@code builder} at {@code endpoint} without credentials, or leaves Google's endpoint and
   * Application Default Credentials in place.
   */
  public static <B extends ClientSettings.Builder<?, B>> B endpoint(
      B builder, Optional<URI> endpoint) {
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
