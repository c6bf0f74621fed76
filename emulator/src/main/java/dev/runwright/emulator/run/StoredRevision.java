package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionTemplate;
import dev.runwright.emulator.run.runtime.RevisionInstance;

/**
 * A revision: its fixed definition, the template it came from (for the name re-use check) and its
 * runtime.
 */
final class StoredRevision {
  final Revision revision;
  final RevisionTemplate template;
  final RevisionInstance instance;

  StoredRevision(Revision revision, RevisionTemplate template, RevisionInstance instance) {
    this.revision = revision;
    this.template = template;
    this.instance = instance;
  }
}
