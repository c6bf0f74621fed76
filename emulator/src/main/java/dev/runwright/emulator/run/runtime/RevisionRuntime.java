package dev.runwright.emulator.run.runtime;

import com.google.cloud.run.v2.Revision;

/**
 * Brings Cloud Run revisions up. Simulated by default (ready after a configured delay, or failing
 * as scripted); local mode can start real processes behind the same seam.
 */
public interface RevisionRuntime {
  RevisionInstance start(Revision revision);
}
