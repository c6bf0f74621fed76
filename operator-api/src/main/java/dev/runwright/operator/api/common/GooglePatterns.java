package dev.runwright.operator.api.common;

/** Regular expressions for Google Cloud identifiers, shared by the CRD schemas. */
public final class GooglePatterns {
  /** A Google Cloud project ID: 6 to 30 lowercase letters, digits and hyphens. */
  public static final String PROJECT = "^[a-z][a-z0-9-]{4,28}[a-z0-9]$";

  /** A Google Cloud region such as asia-east1 or us-central1 (zones are not regions). */
  public static final String REGION = "^[a-z]+-[a-z]+[0-9]+$";

  /** A container image reference: registry host (optional port), path, tag and/or digest. */
  public static final String IMAGE =
      "^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)+"
          + "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$";

  /** A service account e-mail address. */
  public static final String SERVICE_ACCOUNT =
      "^[a-z0-9][a-z0-9-]{0,62}@[a-z0-9][a-z0-9.-]*\\.gserviceaccount\\.com$";

  /** An explicit release identity, e.g. 1.4.2 or 2026-11-25.1. */
  public static final String RELEASE = "^[A-Za-z0-9][A-Za-z0-9._+-]{0,62}$";

  /** A Cloud Run service or job name. */
  public static final String CLOUD_RUN_NAME = "^[a-z]([-a-z0-9]{0,47}[a-z0-9])?$";

  /** CEL: the image names a tag or a digest. */
  public static final String IMAGE_HAS_TAG_OR_DIGEST_RULE =
      "!has(self.image) || self.image.contains('@sha256:')"
          + " || self.image.matches(':[A-Za-z0-9_][A-Za-z0-9_.-]*$')";

  public static final String IMAGE_HAS_TAG_OR_DIGEST_MESSAGE =
      "image must name a tag or a digest (e.g. runwright/jwt-service:1.0.0 or ...@sha256:<64 hex>);"
          + " an untagged image is not a release";

  /** CEL: a ':latest' image needs an explicit release, since the tag alone identifies nothing. */
  public static final String LATEST_NEEDS_RELEASE_RULE =
      "!has(self.image) || !self.image.endsWith(':latest') || has(self.release)";

  public static final String LATEST_NEEDS_RELEASE_MESSAGE =
      "image tag 'latest' does not identify a release: use a versioned tag or a digest, or set"
          + " release explicitly";

  private GooglePatterns() {}
}
