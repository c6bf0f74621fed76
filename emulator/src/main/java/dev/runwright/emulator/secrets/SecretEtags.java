package dev.runwright.emulator.secrets;

import java.util.concurrent.atomic.AtomicLong;

/** Opaque, quoted etags as Secret Manager returns them; each change gets a new one. */
public final class SecretEtags {
  private final AtomicLong counter = new AtomicLong(System.currentTimeMillis() * 1000);

  public String next() {
    return "\"" + Long.toHexString(counter.incrementAndGet()) + "\"";
  }
}
