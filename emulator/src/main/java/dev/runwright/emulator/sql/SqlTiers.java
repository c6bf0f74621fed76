package dev.runwright.emulator.sql;

import dev.runwright.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine tiers and database versions Cloud SQL accepts, checked the way Google does: an
 * unknown tier, or one that does not fit the edition, is a 400.
 */
final class SqlTiers {
  private static final Pattern CUSTOM = Pattern.compile("db-custom-(\\d+)-(\\d+)");
  private static final Pattern PERF = Pattern.compile("db-perf-optimized-N-(\\d+)");
  private static final List<Integer> PERF_CPUS = List.of(2, 4, 8, 16, 32, 48, 64, 80, 96, 128);
  private static final Pattern VERSION =
      Pattern.compile(
          "MYSQL_5_6|MYSQL_5_7|MYSQL_8_0|MYSQL_8_0_\\d{2}|MYSQL_8_4|MYSQL_9_\\d|POSTGRES_(9_6|1\\d)"
              + "|SQLSERVER_20\\d\\d_(STANDARD|ENTERPRISE|EXPRESS|WEB)");

  private SqlTiers() {}

  /** The edition an instance gets when the request names none. */
  static String defaultEdition(String databaseVersion) {
    return databaseVersion.startsWith("MYSQL_8_4") || databaseVersion.startsWith("MYSQL_9")
        ? "ENTERPRISE_PLUS"
        : "ENTERPRISE";
  }

  static void checkDatabaseVersion(String databaseVersion) {
    if (!VERSION.matcher(databaseVersion).matches()) {
      throw ApiException.invalidArgument(
          "databaseVersion",
          "Invalid request: Invalid database version (" + databaseVersion + ").");
    }
  }

  static void check(String tier, String databaseVersion, String edition) {
    if (tier == null || tier.isEmpty()) {
      throw ApiException.invalidArgument(
          "settings.tier", "Invalid request: The tier of the instance must be specified.");
    }
    boolean enterprisePlus = "ENTERPRISE_PLUS".equals(edition);
    boolean known =
        enterprisePlus
            ? isPerfOptimized(tier)
            : isShared(tier) || isStandard(tier) || isCustom(tier);
    if (!known) {
      throw ApiException.invalidArgument(
              "settings.tier",
              "Invalid request: Invalid Tier ("
                  + tier
                  + ") for ("
                  + databaseVersion
                  + ") Edition ("
                  + edition
                  + "). Use sql.tiers.list to get a list of available tiers.")
          .withReason("invalid");
    }
  }

  /** A sample of valid tiers, for {@code tiers.list}. */
  static List<String> catalog() {
    List<String> tiers = new ArrayList<>(List.of("db-f1-micro", "db-g1-small"));
    for (int cpus : List.of(1, 2, 4, 8, 16, 32, 64, 96)) {
      tiers.add("db-n1-standard-" + cpus);
    }
    for (int cpus : List.of(2, 4, 8, 16, 32, 64, 96)) {
      tiers.add("db-n1-highmem-" + cpus);
    }
    for (int cpus : PERF_CPUS) {
      tiers.add("db-perf-optimized-N-" + cpus);
    }
    return tiers;
  }

  private static boolean isShared(String tier) {
    return tier.equals("db-f1-micro") || tier.equals("db-g1-small");
  }

  private static boolean isStandard(String tier) {
    return tier.matches("db-n1-standard-(1|2|4|8|16|32|64|96)")
        || tier.matches("db-n1-highmem-(2|4|8|16|32|64|96)");
  }

  /**
   * Custom machines: 1 or an even number of vCPUs up to 96, 0.9 to 6.5 GB per vCPU in 256 MB steps.
   */
  private static boolean isCustom(String tier) {
    Matcher m = CUSTOM.matcher(tier);
    if (!m.matches()) {
      return false;
    }
    int cpus = Integer.parseInt(m.group(1));
    int memoryMb = Integer.parseInt(m.group(2));
    boolean cpuOk = cpus == 1 || (cpus % 2 == 0 && cpus <= 96);
    return cpuOk
        && memoryMb % 256 == 0
        && memoryMb >= Math.max(3840, cpus * 922)
        && memoryMb <= cpus * 6656;
  }

  private static boolean isPerfOptimized(String tier) {
    Matcher m = PERF.matcher(tier);
    return m.matches() && PERF_CPUS.contains(Integer.parseInt(m.group(1)));
  }
}
