package dev.runwright.operator.gcp.secrets;

import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.protobuf.ByteString;
import dev.runwright.operator.gcp.SecretValue;
import dev.runwright.operator.gcp.gapic.ProtoTime;
import java.util.Optional;
import java.util.zip.CRC32C;

/** Maps Secret Manager v1 protos to the domain records, and payloads with their CRC32C. */
final class SecretManagerMapper {

  private SecretManagerMapper() {}

  static Secret fromSecret(com.google.cloud.secretmanager.v1.Secret secret) {
    return new Secret(
        SecretName.parse(secret.getName()),
        secret.getLabelsMap(),
        secret.getAnnotationsMap(),
        secret.getVersionAliasesMap(),
        ProtoTime.instant(secret.hasCreateTime(), secret.getCreateTime()),
        secret.getEtag());
  }

  static SecretVersion fromVersion(com.google.cloud.secretmanager.v1.SecretVersion version) {
    return new SecretVersion(
        SecretVersionName.parse(version.getName()),
        switch (version.getState()) {
          case ENABLED -> SecretVersion.State.ENABLED;
          case DISABLED -> SecretVersion.State.DISABLED;
          case DESTROYED -> SecretVersion.State.DESTROYED;
          default -> SecretVersion.State.UNKNOWN;
        },
        ProtoTime.instant(version.hasCreateTime(), version.getCreateTime()));
  }

  static SecretPayload payload(SecretValue value) {
    byte[] bytes = value.bytes();
    return SecretPayload.newBuilder()
        .setData(ByteString.copyFrom(bytes))
        .setDataCrc32C(crc32c(bytes))
        .build();
  }

  /** The value, or empty if Google sent a checksum that does not match the bytes. */
  static Optional<SecretValue> value(AccessSecretVersionResponse response) {
    byte[] bytes = response.getPayload().getData().toByteArray();
    if (response.getPayload().hasDataCrc32C()
        && response.getPayload().getDataCrc32C() != crc32c(bytes)) {
      return Optional.empty();
    }
    return Optional.of(SecretValue.of(bytes));
  }

  static long crc32c(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return crc.getValue();
  }
}
