package dev.runwright.service.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** At most {@code attempts} within {@code period}, written {@code 10/15m} in the environment. */
public record RateLimit(int attempts, Duration period) {
  private static final Pattern FORM = Pattern.compile("(\\d+)/(\\S+)");

  static RateLimit read(EnvironmentReader reader, String name, RateLimit defaultValue) {
    Optional<String> raw = reader.optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    Matcher m = FORM.matcher(raw.get());
    Optional<Duration> period =
        m.matches() ? EnvironmentReader.parseDuration(m.group(2)) : Optional.empty();
    if (period.isEmpty() || period.get().isZero()) {
      reader.problem(name + " must look like 10/15m (attempts/period), got '" + raw.get() + "'");
      return defaultValue;
    }
    int attempts;
    try {
      attempts = Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      attempts = 0;
    }
    if (attempts < 1 || attempts > 1_000_000) {
      reader.problem(name + " attempts must be 1..1000000, got '" + m.group(1) + "'");
      return defaultValue;
    }
    return new RateLimit(attempts, period.get());
  }

  @Override
  public String toString() {
    return attempts + "/" + EnvironmentReader.format(period);
  }
}
