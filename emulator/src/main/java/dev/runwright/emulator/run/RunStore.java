package dev.runwright.emulator.run;

import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.iam.IamPolicies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All Cloud Run state, keyed by full resource name. Handlers synchronize on the store for every
 * call, so one lock orders all changes, as Cloud Run's per-resource serialization would.
 */
final class RunStore {
  final Map<String, StoredService> services = new LinkedHashMap<>();
  final Map<String, StoredRevision> revisions = new LinkedHashMap<>();
  final Map<String, StoredJob> jobs = new LinkedHashMap<>();
  final Map<String, StoredExecution> executions = new LinkedHashMap<>();
  final RunOperations operations = new RunOperations();
  final IamPolicies iam = new IamPolicies();
  private final AtomicLong etags = new AtomicLong();

  StoredService service(String name) {
    StoredService stored = services.get(name);
    if (stored == null) {
      throw ApiException.notFound("Resource '" + name + "' was not found");
    }
    return stored;
  }

  StoredRevision revision(String name) {
    StoredRevision stored = revisions.get(name);
    if (stored == null) {
      throw ApiException.notFound("Resource '" + name + "' was not found");
    }
    return stored;
  }

  StoredJob job(String name) {
    StoredJob stored = jobs.get(name);
    if (stored == null) {
      throw ApiException.notFound("Resource '" + name + "' was not found");
    }
    return stored;
  }

  StoredExecution execution(String name) {
    StoredExecution stored = executions.get(name);
    if (stored == null) {
      throw ApiException.notFound("Resource '" + name + "' was not found");
    }
    return stored;
  }

  /** Children of {@code parent} in a map keyed by full name, newest first. */
  static <T> List<T> childrenNewestFirst(Map<String, T> map, String parent) {
    return map.entrySet().stream()
        .filter(e -> e.getKey().startsWith(parent + "/"))
        .map(Map.Entry::getValue)
        .toList()
        .reversed();
  }

  String nextEtag() {
    return "\"" + Long.toHexString(System.nanoTime()) + "-" + etags.incrementAndGet() + "\"";
  }

  static void checkEtag(String given, String current, String name) {
    if (given != null && !given.isEmpty() && !given.equals(current)) {
      throw ApiException.aborted(
          "The etag '"
              + given
              + "' does not match the current etag of '"
              + name
              + "'; re-read the resource and retry.");
    }
  }

  void clear() {
    revisions.values().forEach(r -> r.instance.stop());
    executions.values().forEach(e -> e.run.cancel());
    services.clear();
    revisions.clear();
    jobs.clear();
    executions.clear();
    operations.clear();
    iam.clear();
  }
}
