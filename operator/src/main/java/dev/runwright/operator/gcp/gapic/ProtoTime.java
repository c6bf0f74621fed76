package dev.runwright.operator.gcp.gapic;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Converts protobuf time types; an unset timestamp (0) reads as absent. */
public final class ProtoTime {

  private ProtoTime() {}

  public static Optional<Instant> instant(boolean present, Timestamp timestamp) {
    if (!present || (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0)) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
  }

  public static Optional<java.time.Duration> duration(boolean present, Duration duration) {
    return present
        ? Optional.of(java.time.Duration.ofSeconds(duration.getSeconds(), duration.getNanos()))
        : Optional.empty();
  }

  public static Duration proto(java.time.Duration duration) {
    return Duration.newBuilder()
        .setSeconds(duration.getSeconds())
        .setNanos(duration.getNano())
        .build();
  }
}
