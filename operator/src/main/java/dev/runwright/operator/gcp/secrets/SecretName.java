package dev.runwright.operator.gcp.secrets;

import dev.runwright.operator.gcp.ResourceNameSegments;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code projects/{project}/secrets/{secret}}. Google answers with the project number where the
 * operator used the project id, so compare secrets by {@link #secret()} within a known project, not
 * by the whole name.
 */
public record SecretName(String project, String secret) {

  private static final Pattern FORM = Pattern.compile("projects/([^/]+)/secrets/([^/]+)");

  public SecretName {
    ResourceNameSegments.require("project", project);
    ResourceNameSegments.require("secret", secret);
  }

  public static SecretName parse(String name) {
    Matcher m = FORM.matcher(name);
    if (!m.matches()) {
      throw ResourceNameSegments.malformed(name, "projects/{project}/secrets/{secret}");
    }
    return new SecretName(m.group(1), m.group(2));
  }

  public SecretVersionName version(String version) {
    return new SecretVersionName(project, secret, version);
  }

  @Override
  public String toString() {
    return "projects/" + project + "/secrets/" + secret;
  }
}
