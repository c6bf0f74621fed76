package dev.runwright.operator.gcp.secrets;

import dev.runwright.operator.gcp.ResourceNameSegments;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code projects/{project}/secrets/{secret}/versions/{version}}; the version is a number or an
 * alias.
 */
public record SecretVersionName(String project, String secret, String version) {

  private static final Pattern FORM =
      Pattern.compile("projects/([^/]+)/secrets/([^/]+)/versions/([^/]+)");

  public SecretVersionName {
    ResourceNameSegments.require("project", project);
    ResourceNameSegments.require("secret", secret);
    ResourceNameSegments.require("version", version);
  }

  public static SecretVersionName parse(String name) {
    Matcher m = FORM.matcher(name);
    if (!m.matches()) {
      throw ResourceNameSegments.malformed(
          name, "projects/{project}/secrets/{secret}/versions/{version}");
    }
    return new SecretVersionName(m.group(1), m.group(2), m.group(3));
  }

  public SecretName secretName() {
    return new SecretName(project, secret);
  }

  @Override
  public String toString() {
    return "projects/" + project + "/secrets/" + secret + "/versions/" + version;
  }
}
