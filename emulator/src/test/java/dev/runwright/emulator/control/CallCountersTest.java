package dev.runwright.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallCountersTest {
  @Test
  void totalsCountEveryCallByApiAndKind() {
    var counters = new CallCounters();
    counters.record("run.services.get", CallKind.READ);
    counters.record("run.services.get", CallKind.READ);
    counters.record("run.services.create", CallKind.WRITE);
    counters.record("sql.instances.get", CallKind.READ);

    assertThat(counters.total()).isEqualTo(4);
    assertThat(counters.reads(Api.RUN)).isEqualTo(2);
    assertThat(counters.writes(Api.RUN)).isEqualTo(1);
    assertThat(counters.reads(Api.SQL)).isEqualTo(1);
    counters.reset();
    assertThat(counters.total()).isZero();
  }
}
