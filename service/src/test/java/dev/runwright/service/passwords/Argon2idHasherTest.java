package dev.runwright.service.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class Argon2idHasherTest {

  @Test
  void hashesInPhcFormatAtOwaspParametersAndVerifies() {
    Argon2idHasher hasher = new Argon2idHasher(2, 10_000);
    String hash = hasher.hash("correct horse battery".toCharArray());
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.verify("correct horse battery".toCharArray(), hash)).isTrue();
    assertThat(hasher.verify("correct horse batterx".toCharArray(), hash)).isFalse();
    assertThat(hasher.hash("correct horse battery".toCharArray())).isNotEqualTo(hash); // salted
  }

  @Test
  void malformedHashNeverMatches() {
    Argon2idHasher hasher = new Argon2idHasher(1, 10_000);
    assertThat(hasher.verify("x".toCharArray(), "$2b$12$bcrypt")).isFalse();
  }

  @Test
  void dummyVerificationWorks() {
    new Argon2idHasher(1, 10_000).verifyDummy("anything".toCharArray());
  }

  @Test
  void concurrencyIsBoundedAndExcessIsShed() throws Exception {
    Argon2idHasher hasher = new Argon2idHasher(1, 1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> hasher.hash("some password".toCharArray())));
      }
      int shed = 0;
      int done = 0;
      for (Future<?> f : futures) {
        try {
          f.get();
          done++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(HashingOverloadedException.class);
          shed++;
        }
      }
      assertThat(done).isPositive();
      assertThat(shed).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }
}
