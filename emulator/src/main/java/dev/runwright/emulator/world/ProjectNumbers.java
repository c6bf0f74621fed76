package dev.runwright.emulator.world;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Project ids and their numbers. Secret Manager answers with the number even when called with the
 * id, so both forms must name the same project. Unknown ids get a stable 12-digit number derived
 * from the id.
 */
public final class ProjectNumbers {
  private final Map<String, Long> numbers = new ConcurrentHashMap<>();

  public ProjectNumbers(Map<String, Long> configured) {
    numbers.putAll(configured);
  }

  /** The project number for an id or a number. */
  public long number(String idOrNumber) {
    if (idOrNumber.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(idOrNumber);
    }
    return numbers.computeIfAbsent(
        idOrNumber,
        id ->
            100_000_000_000L + Math.floorMod(id.hashCode() * 31L + id.length(), 900_000_000_000L));
  }
}
