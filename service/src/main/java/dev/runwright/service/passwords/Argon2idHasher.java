package dev.runwright.service.passwords;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id in the PHC string format ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}).
 *
 * <p>Each hash allocates {@code memoryKib} of memory, so a semaphore bounds how many run at once:
 * memory stays capped at {@code permits * memoryKib} under any load, and callers that cannot get a
 * permit in time are shed with {@link HashingOverloadedException} instead of queueing forever.
 */
public final class Argon2idHasher {
  /** OWASP Password Storage Cheat Sheet, first Argon2id option: m=19 MiB, t=2, p=1. */
  public static final int MEMORY_KIB = 19_456;

  public static final int ITERATIONS = 2;
  public static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  /**
   * Unknown users are verified against this so they cost the same time as a real verification. A
   * constant with the current parameters (no hashing at start-up); no password is known to match.
   */
  private static final String DUMMY_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
          + "nkUcdW3Nd7Wv2uFyKXzhzJ2Z7TX0kIbVaLZ8LKyLRnc";

  private final SecureRandom random = new SecureRandom();
  private final Semaphore permits;
  private final long waitMillis;
  private final String dummyHash;

  public Argon2idHasher(int concurrency, long waitMillis) {
    this.permits = new Semaphore(concurrency, true);
    this.waitMillis = waitMillis;
    this.dummyHash = DUMMY_HASH;
  }

  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] out = compute(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  /** True if {@code password} matches {@code encoded}; a malformed hash never matches. */
  public boolean verify(char[] password, String encoded) {
    String[] parts = encoded.split("\\$");
    // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : parts[3].split(",")) {
      String[] pair = kv.split("=", 2);
      int value = Integer.parseInt(pair[1]);
      switch (pair[0]) {
        case "m" -> m = value;
        case "t" -> t = value;
        case "p" -> p = value;
        default -> {
          return false;
        }
      }
    }
    byte[] salt = B64D.decode(parts[4]);
    byte[] expected = B64D.decode(parts[5]);
    byte[] actual = compute(password, salt, m, t, p, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** Spends the same work as a real verification, for accounts that do not exist. */
  public void verifyDummy(char[] password) {
    verify(password, dummyHash);
  }

  private byte[] compute(char[] password, byte[] salt, int m, int t, int p, int length) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HashingOverloadedException();
    }
    if (!acquired) {
      throw new HashingOverloadedException();
    }
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(
          new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
              .withVersion(Argon2Parameters.ARGON2_VERSION_13)
              .withMemoryAsKB(m)
              .withIterations(t)
              .withParallelism(p)
              .withSalt(salt)
              .build());
      byte[] out = new byte[length];
      byte[] utf8 = toUtf8(password);
      generator.generateBytes(utf8, out);
      java.util.Arrays.fill(utf8, (byte) 0);
      return out;
    } finally {
      permits.release();
    }
  }

  private static byte[] toUtf8(char[] password) {
    java.nio.ByteBuffer buffer = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
