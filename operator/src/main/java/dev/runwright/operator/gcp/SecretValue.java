package dev.runwright.operator.gcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The bytes of a secret. Its {@link #toString()} never shows them, so a secret cannot leak through
 * logs, exception messages or status by accident.
 */
public final class SecretValue {

  private final byte[] bytes;

  private SecretValue(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  public static SecretValue of(byte[] bytes) {
    return new SecretValue(bytes);
  }

  public static SecretValue ofUtf8(String text) {
    return new SecretValue(text.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public String utf8() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretValue value && MessageDigest.isEqual(bytes, value.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SecretValue[redacted, " + bytes.length + " bytes]";
  }
}
