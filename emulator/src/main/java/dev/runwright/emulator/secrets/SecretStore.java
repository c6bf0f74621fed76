package dev.runwright.emulator.secrets;

import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.protobuf.ByteString;
import dev.runwright.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Secrets and their versions (with payloads), keyed by {@code projects/NUMBER/secrets/ID}. */
public final class SecretStore {

  /** Payload look-ups by version name, resolving project ids to numbers and {@code latest}. */
  public SecretValues values(dev.runwright.emulator.world.ProjectNumbers projects) {
    return versionName -> {
      String[] parts = versionName.split("/");
      if (parts.length != 6 || !parts[0].equals("projects") || !parts[2].equals("secrets")) {
        return Optional.empty();
      }
      synchronized (this) {
        StoredSecret stored =
            secrets.get("projects/" + projects.number(parts[1]) + "/secrets/" + parts[3]);
        if (stored == null || stored.versions.isEmpty()) {
          return Optional.empty();
        }
        int number;
        try {
          number = parts[5].equals("latest") ? stored.versions.size() : Integer.parseInt(parts[5]);
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (number < 1 || number > stored.versions.size()) {
          return Optional.empty();
        }
        StoredVersion version = stored.versions.get(number - 1);
        return version.version.getState() == SecretVersion.State.ENABLED
            ? Optional.of(version.data)
            : Optional.empty();
      }
    };
  }

  /** A secret and its versions in creation order; version N is at index N-1. */
  static final class StoredSecret {
    Secret secret;
    final List<StoredVersion> versions = new ArrayList<>();

    StoredSecret(Secret secret) {
      this.secret = secret;
    }
  }

  /** One version and its payload (cleared when destroyed). */
  static final class StoredVersion {
    SecretVersion version;
    ByteString data;
    long crc32c;

    StoredVersion(SecretVersion version, ByteString data, long crc32c) {
      this.version = version;
      this.data = data;
      this.crc32c = crc32c;
    }
  }

  private final Map<String, StoredSecret> secrets = new LinkedHashMap<>();

  synchronized Optional<StoredSecret> find(String name) {
    return Optional.ofNullable(secrets.get(name));
  }

  synchronized StoredSecret require(String name) {
    StoredSecret stored = secrets.get(name);
    if (stored == null) {
      throw ApiException.notFound("Secret [" + name + "] not found or has no versions.");
    }
    return stored;
  }

  synchronized void put(Secret secret) {
    secrets.put(secret.getName(), new StoredSecret(secret));
  }

  synchronized void remove(String name) {
    secrets.remove(name);
  }

  synchronized List<Secret> list(String projectPrefix) {
    return secrets.values().stream()
        .map(s -> s.secret)
        .filter(s -> s.getName().startsWith(projectPrefix))
        .toList();
  }

  public synchronized void clear() {
    secrets.clear();
  }
}
