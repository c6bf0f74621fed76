package dev.runwright.emulator.local;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's memory limit in Kubernetes quantity form ({@code 512Mi}, {@code 1Gi}, {@code 2G}),
 * for the JVM: with no cgroup limit on a local process, {@code -XX:MaxRAM} makes the image's {@code
 * MaxRAMPercentage} size the heap from the instance's memory as on Cloud Run.
 */
final class MemoryLimit {
  private static final Pattern QUANTITY = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti|k|K|M|G|T)?");

  private MemoryLimit() {}

  static Optional<Long> bytes(String quantity) {
    if (quantity == null) {
      return Optional.empty();
    }
    Matcher m = QUANTITY.matcher(quantity.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long value = Long.parseLong(m.group(1));
    long unit =
        switch (m.group(2) == null ? "" : m.group(2)) {
          case "Ki" -> 1L << 10;
          case "Mi" -> 1L << 20;
          case "Gi" -> 1L << 30;
          case "Ti" -> 1L << 40;
          case "k", "K" -> 1_000L;
          case "M" -> 1_000_000L;
          case "G" -> 1_000_000_000L;
          case "T" -> 1_000_000_000_000L;
          default -> 1L;
        };
    return Optional.of(value * unit);
  }
}
