package dev.runwright.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
  private final FaultInjector faults = new FaultInjector(new Random(1));

  @Test
  void countedFaultsAreUsedUpInOrder() {
    faults.add(Fault.status("run.services.get", 503, 2));
    assertThat(faults.take("run.services.list", "/p")).isEmpty();
    assertThat(faults.take("run.services.get", "/p")).isPresent();
    assertThat(faults.take("run.services.get", "/p")).isPresent();
    assertThat(faults.take("run.services.get", "/p")).isEmpty();
  }

  @Test
  void prefixesResourcesAndUnlimitedFaults() {
    faults.add(Fault.latency("sql.*", Duration.ofMillis(5)).onResource("/instances/slow"));
    assertThat(faults.take("sql.instances.get", "/v1/projects/p/instances/fast")).isEmpty();
    for (int i = 0; i < 5; i++) {
      assertThat(faults.take("sql.instances.get", "/v1/projects/p/instances/slow")).isPresent();
    }
    assertThat(faults.active()).hasSize(1);
  }

  @Test
  void probabilityAppliesPerCall() {
    faults.add(Fault.status("*", 500, -1).withProbability(0.5));
    int hits = 0;
    for (int i = 0; i < 1000; i++) {
      hits += faults.take("secretmanager.versions.access", "/x").isPresent() ? 1 : 0;
    }
    assertThat(hits).isBetween(400, 600);
    faults.clear();
    assertThat(faults.injected()).isEqualTo(hits);
  }
}
