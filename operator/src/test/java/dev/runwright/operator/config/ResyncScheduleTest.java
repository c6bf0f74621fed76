package dev.runwright.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ResyncScheduleTest {

  private static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  @Test
  void jitterOnlyEverAddsUpToItsFraction() {
    var schedule = new ResyncSchedule(Duration.ofMinutes(10), 0.1);

    assertThat(schedule.nextDelay(fixed(0))).isEqualTo(Duration.ofMinutes(10));
    assertThat(schedule.nextDelay(fixed(0.5))).isEqualTo(Duration.ofMinutes(10).plusSeconds(30));
    var random = new SplittableRandom(7);
    for (int i = 0; i < 1000; i++) {
      assertThat(schedule.nextDelay(random))
          .isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
    }
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new ResyncSchedule(Duration.ZERO, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ResyncSchedule(Duration.ofMinutes(1), 0.6))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
