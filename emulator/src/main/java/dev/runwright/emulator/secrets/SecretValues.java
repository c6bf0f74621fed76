package dev.runwright.emulator.secrets;

import com.google.protobuf.ByteString;
import java.util.Optional;

/**
 * Read access to stored secret payloads, for runtimes that start real processes and must resolve a
 * container's {@code secretKeyRef} environment variables the way Cloud Run would.
 */
public interface SecretValues {
  /**
   * The payload of {@code projects/P/secrets/S/versions/V} (P an id or a number, V a number or
   * {@code latest}); empty when the secret or version does not exist or is not enabled.
   */
  Optional<ByteString> access(String versionName);
}
