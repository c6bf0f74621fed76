package dev.runwright.operator.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Client-side rate limits, defaulting to Google's default quotas so bursts (many resources applied
 * at once) stay under them.
 *
 * @param cloudRunWrites Cloud Run Admin writes per minute, per region
 * @param cloudRunReads Cloud Run Admin reads per minute, per region
 * @param sqlAdmin Cloud SQL Admin requests per minute
 * @param secretManager Secret Manager requests per minute
 * @param maxWait longest a call waits for quota before failing as rate limited
 */
public record RateLimits(
    ApiRateLimit cloudRunWrites,
    ApiRateLimit cloudRunReads,
    ApiRateLimit sqlAdmin,
    ApiRateLimit secretManager,
    Duration maxWait) {

  public RateLimits {
    Objects.requireNonNull(cloudRunWrites, "cloudRunWrites");
    Objects.requireNonNull(cloudRunReads, "cloudRunReads");
    Objects.requireNonNull(sqlAdmin, "sqlAdmin");
    Objects.requireNonNull(secretManager, "secretManager");
    Objects.requireNonNull(maxWait, "maxWait");
  }
}
