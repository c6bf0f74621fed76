package dev.runwright.operator.gcp;

import java.time.Duration;

/** Waits; a seam so rate-limit tests run without real waiting. */
@FunctionalInterface
public interface Sleeper {

  Sleeper SYSTEM = duration -> Thread.sleep(duration);

  void sleep(Duration duration) throws InterruptedException;
}
