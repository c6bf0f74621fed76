package dev.runwright.emulator.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryLimitTest {
  @Test
  void quantitiesInBinaryAndDecimalUnits() {
    assertThat(MemoryLimit.bytes("512Mi")).hasValue(512L * 1024 * 1024);
    assertThat(MemoryLimit.bytes("1Gi")).hasValue(1024L * 1024 * 1024);
    assertThat(MemoryLimit.bytes("2G")).hasValue(2_000_000_000L);
    assertThat(MemoryLimit.bytes("1048576")).hasValue(1048576L);
  }

  @Test
  void noLimitOrAnUnreadableOneLeavesTheJvmAlone() {
    assertThat(MemoryLimit.bytes(null)).isEmpty();
    assertThat(MemoryLimit.bytes("lots")).isEmpty();
  }
}
