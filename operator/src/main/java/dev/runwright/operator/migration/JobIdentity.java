package dev.runwright.operator.migration;

import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.gcp.run.ExecutionName;
import dev.runwright.operator.gcp.run.JobName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The Cloud Run job a MigrationJob stands for. Once recorded in {@code status.externalRef} the
 * recorded name wins, so a change of the operator's default project never moves the job.
 *
 * <p>The job ID is {@code <namespace>-<name>}, so MigrationJobs of the same name in two namespaces
 * never share a job; a long one is shortened with a hash to {@value #MAX_JOB_ID} characters, which
 * leaves room for the execution token ({@code <job>-<token>} stays under 63 characters).
 */
record JobIdentity(JobName job) {
  static final int MAX_JOB_ID = 49;
  private static final int HASH_LENGTH = 8;

  /**
   * @param project the project to use when nothing is recorded
   * @param region the region to use when nothing is recorded
   */
  static JobIdentity resolve(MigrationJob resource, String project, String region) {
    Optional<String> recorded =
        Optional.ofNullable(resource.getStatus())
            .map(s -> s.getExternalRef())
            .map(ExternalRef::getName)
            .filter(n -> !n.isEmpty());
    if (recorded.isPresent()) {
      return new JobIdentity(JobName.parse(recorded.get()));
    }
    return new JobIdentity(
        new JobName(
            project,
            region,
            jobId(resource.getMetadata().getNamespace(), resource.getMetadata().getName())));
  }

  /** A Cloud Run job ID: lowercase letters, digits and '-', starting with a letter. */
  static String jobId(String namespace, String name) {
    String id = (namespace + "-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (!Character.isLetter(id.charAt(0))) {
      id = "j" + id;
    }
    if (id.length() <= MAX_JOB_ID && !id.endsWith("-")) {
      return id;
    }
    String prefix = id.substring(0, Math.min(id.length(), MAX_JOB_ID - HASH_LENGTH - 1));
    prefix = prefix.replaceAll("-+$", "");
    return prefix + "-" + hash(namespace + "/" + name);
  }

  /** The execution a release's token starts: {@code <job>-<token>}, as Cloud Run names it. */
  ExecutionName executionFor(Release release) {
    return job.execution(job.job() + "-" + release.executionToken());
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
