package dev.runwright.operator.config;

import dev.runwright.operator.config.OperatorConfig.GoogleClientSettings;
import dev.runwright.operator.config.OperatorConfig.LeaderElection;
import dev.runwright.operator.config.OperatorConfig.LogFormat;
import dev.runwright.operator.config.OperatorConfig.LogLevel;
import dev.runwright.operator.config.OperatorConfig.Logging;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@link OperatorConfig} from command-line flags and environment variables (a flag wins over
 * its variable, which wins over the default), checking every option and reporting all problems at
 * once.
 *
 * <p>Flags are written {@code --name=value} or {@code --name value}. The caller passes the
 * environment in, so nothing below the composition root reads it.
 */
public final class OperatorConfigReader {

  private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern REGION = Pattern.compile("[a-z]+(-[a-z]+)+[0-9]+");
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Duration MIN_RESYNC = Duration.ofSeconds(30);

  private final Map<ConfigOption, String> flags = new EnumMap<>(ConfigOption.class);
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private OperatorConfigReader(List<String> args, Map<String, String> env) {
    this.env = env;
    parseFlags(args);
  }

  /**
   * @param args the command's arguments, flags only
   * @param env the process environment
   * @throws InvalidConfigurationException listing every problem found
   */
  public static OperatorConfig read(List<String> args, Map<String, String> env) {
    return new OperatorConfigReader(args, env).build();
  }

  private OperatorConfig build() {
    Optional<String> project = optionalText(ConfigOption.PROJECT);
    project
        .filter(p -> !PROJECT_ID.matcher(p).matches())
        .ifPresent(
            p ->
                problem(
                    ConfigOption.PROJECT,
                    "'"
                        + p
                        + "' is not a Google Cloud project id (6 to 30 lowercase letters, digits or"
                        + " hyphens, starting with a letter)"));
    Set<String> regions = list(ConfigOption.ALLOWED_REGIONS, REGION, "a Google Cloud region");
    Duration resyncInterval = duration(ConfigOption.RESYNC_INTERVAL, MIN_RESYNC);
    double jitter = fraction(ConfigOption.RESYNC_JITTER, 0.5);
    int concurrency = integer(ConfigOption.CONCURRENCY, 1, 100);
    var rateLimits =
        new RateLimits(
            new ApiRateLimit(integer(ConfigOption.CLOUD_RUN_WRITES_PER_MINUTE, 1, 100_000)),
            new ApiRateLimit(integer(ConfigOption.CLOUD_RUN_READS_PER_MINUTE, 1, 100_000)),
            new ApiRateLimit(integer(ConfigOption.SQL_ADMIN_REQUESTS_PER_MINUTE, 1, 100_000)),
            new ApiRateLimit(integer(ConfigOption.SECRET_MANAGER_REQUESTS_PER_MINUTE, 1, 100_000)),
            duration(ConfigOption.RATE_LIMIT_MAX_WAIT, Duration.ZERO));
    Duration timeout = duration(ConfigOption.GOOGLE_TIMEOUT, Duration.ofSeconds(1));
    Optional<URI> all = endpoint(ConfigOption.GOOGLE_ENDPOINT);
    var endpoints =
        new GoogleEndpoints(
            endpoint(ConfigOption.CLOUD_RUN_ENDPOINT).or(() -> all),
            endpoint(ConfigOption.SQL_ADMIN_ENDPOINT).or(() -> all),
            endpoint(ConfigOption.SECRET_MANAGER_ENDPOINT).or(() -> all));
    Set<String> namespaces =
        list(ConfigOption.NAMESPACES, NAMESPACE, "a Kubernetes namespace name");
    LogLevel level = choice(ConfigOption.LOG_LEVEL, LogLevel.class, LogLevel.INFO);
    LogFormat format = choice(ConfigOption.LOG_FORMAT, LogFormat.class, LogFormat.JSON);
    int port = integer(ConfigOption.MANAGEMENT_PORT, 0, 65_535);
    boolean leaderElection = bool(ConfigOption.LEADER_ELECTION);
    String leaseName = text(ConfigOption.LEASE_NAME);
    if (!NAMESPACE.matcher(leaseName).matches()) {
      problem(ConfigOption.LEASE_NAME, "'" + leaseName + "' is not a valid Kubernetes name");
    }
    Optional<String> leaseNamespace = optionalText(ConfigOption.LEASE_NAMESPACE);
    leaseNamespace
        .filter(ns -> !NAMESPACE.matcher(ns).matches())
        .ifPresent(
            ns ->
                problem(
                    ConfigOption.LEASE_NAMESPACE,
                    "'" + ns + "' is not a Kubernetes namespace name"));

    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
    return new OperatorConfig(
        project,
        regions,
        new ResyncSchedule(resyncInterval, jitter),
        concurrency,
        rateLimits,
        new GoogleClientSettings(timeout, endpoints),
        namespaces,
        new Logging(level, format),
        port,
        new LeaderElection(leaderElection, leaseName, leaseNamespace));
  }

  private void parseFlags(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      Optional<ConfigOption> option = ConfigOption.byFlag(name);
      if (option.isEmpty()) {
        problems.add("unknown argument '" + name + "' (run with --help to list the options)");
        continue;
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        problems.add(name + " needs a value");
        continue;
      }
      if (flags.put(option.get(), value) != null) {
        problems.add(name + " is given more than once");
      }
    }
  }

  /** The effective raw value: flag, else environment variable, else default. */
  private String text(ConfigOption option) {
    String flag = flags.get(option);
    if (flag != null) {
      return flag.trim();
    }
    String fromEnv = env.get(option.envVar());
    return fromEnv != null ? fromEnv.trim() : option.defaultValue();
  }

  private Optional<String> optionalText(ConfigOption option) {
    return Optional.of(text(option)).filter(s -> !s.isEmpty());
  }

  private void problem(ConfigOption option, String message) {
    String source =
        flags.containsKey(option)
            ? option.flag()
            : env.containsKey(option.envVar()) ? option.envVar() : option.flag() + " (default)";
    problems.add(source + ": " + message);
  }

  private int integer(ConfigOption option, int min, int max) {
    String value = text(option);
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        problem(option, value + " is out of range (" + min + " to " + max + ")");
        return min;
      }
      return parsed;
    } catch (NumberFormatException e) {
      problem(option, "'" + value + "' is not a whole number");
      return min;
    }
  }

  private double fraction(ConfigOption option, double max) {
    String value = text(option);
    try {
      double parsed = Double.parseDouble(value);
      if (!(parsed >= 0 && parsed <= max)) {
        problem(option, value + " is out of range (0 to " + max + ")");
        return 0;
      }
      return parsed;
    } catch (NumberFormatException e) {
      problem(option, "'" + value + "' is not a number");
      return 0;
    }
  }

  private Duration duration(ConfigOption option, Duration min) {
    try {
      Duration parsed = DurationText.parse(text(option));
      if (parsed.compareTo(min) < 0) {
        problem(option, text(option) + " is shorter than the minimum of " + min.toSeconds() + "s");
        return min.isZero() ? Duration.ofSeconds(1) : min;
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      problem(option, e.getMessage());
      return min.isZero() ? Duration.ofSeconds(1) : min;
    }
  }

  private boolean bool(ConfigOption option) {
    String value = text(option).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problem(option, "'" + value + "' is not true or false");
        yield false;
      }
    };
  }

  private <E extends Enum<E>> E choice(ConfigOption option, Class<E> type, E fallback) {
    String value = text(option);
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> c.name().equalsIgnoreCase(value))
        .findFirst()
        .orElseGet(
            () -> {
              problem(
                  option,
                  "'"
                      + value
                      + "' is not one of "
                      + Arrays.stream(type.getEnumConstants())
                          .map(Enum::name)
                          .map(n -> n.toLowerCase(Locale.ROOT))
                          .toList());
              return fallback;
            });
  }

  private Set<String> list(ConfigOption option, Pattern element, String what) {
    Set<String> values = new LinkedHashSet<>();
    for (String raw : text(option).split(",")) {
      String value = raw.trim();
      if (value.isEmpty()) {
        continue;
      }
      if (!element.matcher(value).matches()) {
        problem(option, "'" + value + "' is not " + what);
      }
      values.add(value);
    }
    return values;
  }

  private Optional<URI> endpoint(ConfigOption option) {
    return optionalText(option).flatMap(value -> parseEndpoint(option, value));
  }

  private Optional<URI> parseEndpoint(ConfigOption option, String value) {
    Function<String, Optional<URI>> reject =
        why -> {
          problem(option, "'" + value + "' " + why);
          return Optional.empty();
        };
    if (!value.startsWith("http://") && !value.startsWith("https://")) {
      // Without a scheme the Google clients assume https and hang until their deadline.
      return reject.apply("must start with http:// or https://");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return reject.apply("is not a URL");
    }
    if (uri.getHost() == null) {
      return reject.apply("has no host");
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
      return reject.apply("must be a base URL without a path");
    }
    if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
      return reject.apply("must be a base URL without query, fragment or user info");
    }
    return Optional.of(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()));
  }
}
