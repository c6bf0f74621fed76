package dev.runwright.operator.cloudrun;

import dev.runwright.operator.gcp.run.CloudSqlVolume;
import dev.runwright.operator.gcp.run.Container;
import dev.runwright.operator.gcp.run.EnvVar;
import dev.runwright.operator.gcp.run.RevisionTemplate;
import dev.runwright.operator.gcp.run.VolumeMount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deterministic revision names, {@code <service>-<hash of the whole template>}: the same template
 * always has the same name (re-applying is a no-op, a restart never creates a duplicate), and any
 * change gives a new name (Cloud Run refuses a reused name with a different template).
 */
final class RevisionNames {
  /** Hex digits of the hash: with a 49-character service name the result stays a DNS label. */
  static final int HASH_LENGTH = 10;

  private RevisionNames() {}

  static String of(String service, RevisionTemplate template) {
    return service + "-" + hash(canonical(template));
  }

  /**
   * Every field of the template in a fixed order (maps sorted), except the revision name itself.
   */
  static String canonical(RevisionTemplate t) {
    StringBuilder out = new StringBuilder();
    field(out, "labels", sorted(t.labels()));
    field(out, "annotations", sorted(t.annotations()));
    field(out, "serviceAccount", t.serviceAccount().orElse(""));
    field(out, "scaling", t.scaling().minInstances() + "/" + t.scaling().maxInstances());
    field(out, "timeout", t.timeout().map(Object::toString).orElse(""));
    field(out, "concurrency", Integer.toString(t.maxInstanceRequestConcurrency()));
    for (Container c : t.containers()) {
      field(out, "container", c.name());
      field(out, "image", c.image());
      field(out, "command", String.join("\u0000", c.command()));
      field(out, "args", String.join("\u0000", c.args()));
      for (EnvVar env : c.env()) {
        switch (env) {
          case EnvVar.Literal l -> field(out, "env", l.name() + "=" + l.value());
          case EnvVar.FromSecret s ->
              field(out, "secretEnv", s.name() + "=" + s.secret() + "@" + s.version());
        }
      }
      field(out, "limits", sorted(c.resources().limits()));
      field(out, "startupCpuBoost", Boolean.toString(c.resources().startupCpuBoost()));
      field(out, "cpuIdle", Boolean.toString(c.resources().cpuIdle()));
      field(out, "port", c.port().map(Object::toString).orElse(""));
      for (VolumeMount m : c.volumeMounts()) {
        field(out, "mount", m.name() + "=" + m.mountPath());
      }
      field(out, "startupProbe", c.startupProbe().map(Object::toString).orElse(""));
      field(out, "livenessProbe", c.livenessProbe().map(Object::toString).orElse(""));
    }
    for (CloudSqlVolume v : t.volumes()) {
      field(out, "cloudSqlVolume", v.name() + "=" + String.join(",", v.instances()));
    }
    return out.toString();
  }

  private static String sorted(Map<String, String> map) {
    return new TreeMap<>(map).toString();
  }

  /** Length-prefixed, so no value can imitate a field boundary. */
  private static void field(StringBuilder out, String name, String value) {
    out.append(name).append(':').append(value.length()).append(':').append(value).append('\n');
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
