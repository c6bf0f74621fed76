package dev.runwright.service.logging;

import java.time.Duration;

/** The {@code httpRequest} object of a Cloud Logging access log entry. */
public record HttpRequestEntry(
    String method,
    String url,
    int status,
    Duration latency,
    String remoteIp,
    String userAgent,
    String protocol) {}
