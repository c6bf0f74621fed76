package dev.runwright.service.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values from an environment map and collects every problem instead of stopping at the
 * first one. The process environment is passed in once by {@code Main}; nothing else reads it.
 */
public final class EnvironmentReader {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  public EnvironmentReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The value, or empty when unset or blank (blank values are treated as unset). */
  public Optional<String> optional(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public boolean isSet(String name) {
    return optional(name).isPresent();
  }

  public String required(String name, String what) {
    return optional(name)
        .orElseGet(
            () -> {
              problem(name + " is not set (" + what + ")");
              return null;
            });
  }

  public int integer(String name, int defaultValue, int min, int max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        problem(name + " must be between " + min + " and " + max + ", got " + value);
        return defaultValue;
      }
      return value;
    } catch (NumberFormatException e) {
      problem(name + " must be a whole number, got '" + raw.get() + "'");
      return defaultValue;
    }
  }

  public Duration duration(String name, Duration defaultValue, Duration min, Duration max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    Optional<Duration> parsed = parseDuration(raw.get());
    if (parsed.isEmpty()) {
      problem(name + " must be a duration such as 900s, 15m, 12h or 14d, got '" + raw.get() + "'");
      return defaultValue;
    }
    if (parsed.get().compareTo(min) < 0 || parsed.get().compareTo(max) > 0) {
      problem(name + " must be between " + format(min) + " and " + format(max));
      return defaultValue;
    }
    return parsed.get();
  }

  /**
   * A secret given either inline ({@code NAME}) or as a file path ({@code NAME_FILE}, e.g. a
   * mounted Secret Manager volume). Setting both is a problem because one would silently win.
   */
  public Optional<String> secret(String name) {
    String fileVariable = name + "_FILE";
    Optional<String> inline = optional(name);
    Optional<String> file = optional(fileVariable);
    if (inline.isPresent() && file.isPresent()) {
      problem("set only one of " + name + " and " + fileVariable);
      return Optional.empty();
    }
    if (file.isPresent()) {
      try {
        String content = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
        if (content.isEmpty()) {
          problem(fileVariable + " points to an empty file: " + file.get());
          return Optional.empty();
        }
        return Optional.of(content);
      } catch (IOException | RuntimeException e) {
        problem(
            fileVariable
                + " cannot be read: "
                + file.get()
                + " ("
                + e.getClass().getSimpleName()
                + ")");
        return Optional.empty();
      }
    }
    return env.containsKey(name) && !env.get(name).isEmpty()
        ? Optional.of(env.get(name))
        : Optional.empty();
  }

  public void problem(String message) {
    problems.add(message);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Throws {@link ConfigException} listing every problem collected so far, if any. */
  public void failOnProblems() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  static Optional<Duration> parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        });
  }

  static String format(Duration d) {
    if (d.toMillis() % 86_400_000 == 0) {
      return d.toDays() + "d";
    }
    if (d.toMillis() % 3_600_000 == 0) {
      return d.toHours() + "h";
    }
    if (d.toMillis() % 60_000 == 0) {
      return d.toMinutes() + "m";
    }
    if (d.toMillis() % 1000 == 0) {
      return d.toSeconds() + "s";
    }
    return d.toMillis() + "ms";
  }
}
