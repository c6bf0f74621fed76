package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Condition;
import com.google.protobuf.Timestamp;

/**
 * Builds Cloud Run conditions: {@code Ready}, {@code RoutesReady}, {@code ConfigurationsReady},
 * {@code Completed}.
 */
final class Conditions {
  private Conditions() {}

  static Condition of(String type, Condition.State state, String message, Timestamp at) {
    return Condition.newBuilder()
        .setType(type)
        .setState(state)
        .setMessage(message)
        .setLastTransitionTime(at)
        .build();
  }

  static Condition succeeded(String type, Timestamp at) {
    return of(type, Condition.State.CONDITION_SUCCEEDED, "", at);
  }

  static Condition reconciling(String type, Timestamp at) {
    return of(type, Condition.State.CONDITION_RECONCILING, "", at);
  }

  static Condition failed(String type, String message, Timestamp at) {
    return of(type, Condition.State.CONDITION_FAILED, message, at);
  }
}
