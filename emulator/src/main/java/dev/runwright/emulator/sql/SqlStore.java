package dev.runwright.emulator.sql;

import com.google.api.client.json.GenericJson;
import com.google.api.services.sqladmin.model.Database;
import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.Operation;
import com.google.api.services.sqladmin.model.OperationError;
import com.google.api.services.sqladmin.model.OperationErrors;
import com.google.api.services.sqladmin.model.User;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.world.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cloud SQL instances, their databases and users, and the operations that change them. A change
 * takes effect when its operation finishes (after the configured latency); the store settles due
 * operations on every access. Callers synchronize on the store.
 */
final class SqlStore {

  /** An instance with its databases and users (users keyed by {@code name@host}). */
  static final class StoredInstance {
    DatabaseInstance instance;
    final Map<String, Database> databases = new LinkedHashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();

    StoredInstance(DatabaseInstance instance) {
      this.instance = instance;
    }
  }

  /**
   * An operation, the change it applies when done (as data: the payload its type needs, so it can
   * be persisted) and when that is.
   */
  static final class StoredOperation {
    final Operation operation;
    final String project;
    final Instant doneAt;
    final GenericJson change;
    final boolean fails;

    StoredOperation(
        Operation operation, String project, Instant doneAt, GenericJson change, boolean fails) {
      this.operation = operation;
      this.project = project;
      this.doneAt = doneAt;
      this.change = change;
      this.fails = fails;
    }
  }

  final Map<String, StoredInstance> instances = new LinkedHashMap<>();
  final Map<String, StoredOperation> operations = new LinkedHashMap<>();
  private final Simulation sim;
  private final CloudSqlBackend backend;

  SqlStore(Simulation sim, CloudSqlBackend backend) {
    this.sim = sim;
    this.backend = backend;
  }

  static String key(String project, String instance) {
    return project + "/" + instance;
  }

  Optional<StoredInstance> find(String project, String instance) {
    settle();
    return Optional.ofNullable(instances.get(key(project, instance)));
  }

  StoredInstance require(String project, String instance) {
    return find(project, instance)
        .orElseThrow(
            () ->
                ApiException.notFound("The Cloud SQL instance does not exist.")
                    .withReason("instanceDoesNotExist"));
  }

  /**
   * An instance that can take a new change: it exists, no operation runs on it and it is not
   * broken.
   */
  StoredInstance requireIdle(String project, String instance) {
    StoredInstance stored = require(project, instance);
    boolean busy =
        operations.values().stream()
            .anyMatch(
                op ->
                    op.project.equals(project)
                        && instance.equals(op.operation.getTargetId())
                        && !"DONE".equals(op.operation.getStatus()));
    if (busy) {
      throw ApiException.of(
          409,
          "ABORTED",
          "Operation failed because another operation was already in progress.",
          "operationInProgress");
    }
    if (!"RUNNABLE".equals(stored.instance.getState())) {
      throw ApiException.of(
          400,
          "FAILED_PRECONDITION",
          "Invalid request since instance is not running (state "
              + stored.instance.getState()
              + ").",
          "invalidState");
    }
    return stored;
  }

  void put(String project, DatabaseInstance instance) {
    instances.put(key(project, instance.getName()), new StoredInstance(instance));
  }

  void remove(String project, String instance) {
    instances.remove(key(project, instance));
  }

  List<DatabaseInstance> list(String project) {
    settle();
    return instances.entrySet().stream()
        .filter(e -> e.getKey().startsWith(project + "/"))
        .map(e -> e.getValue().instance)
        .toList();
  }

  /**
   * Records an operation on {@code instance} whose {@code change} (a payload, see {@link
   * SqlChanges}) applies after {@code latency}. Returns the operation as the insert call answers
   * it: PENDING, or already DONE when there is no latency.
   */
  Operation start(
      String project, String instance, String type, Duration latency, GenericJson change) {
    Instant now = sim.now();
    Operation operation =
        new Operation()
            .setKind("sql#operation")
            .setName(UUID.randomUUID().toString())
            .setStatus("PENDING")
            .setOperationType(type)
            .setTargetId(instance)
            .setTargetProject(project)
            .setUser("emulator@runwright.dev")
            .setInsertTime(now.toString())
            .setStartTime(now.toString());
    boolean fails = sim.outcomes().sqlOperationFails(instance);
    operations.put(
        operation.getName(),
        new StoredOperation(operation, project, now.plus(latency), change, fails));
    settle();
    Operation answer = operation.clone();
    if (!"DONE".equals(answer.getStatus())) {
      answer.setStatus("PENDING");
    }
    return answer;
  }

  Optional<Operation> operation(String project, String name) {
    settle();
    StoredOperation stored = operations.get(name);
    if (stored == null || !stored.project.equals(project)) {
      return Optional.empty();
    }
    return Optional.of(stored.operation.clone());
  }

  /** Operations of a project (optionally of one instance), newest first. */
  List<Operation> operations(String project, String instance) {
    settle();
    List<Operation> result = new ArrayList<>();
    operations.values().stream()
        .filter(op -> op.project.equals(project))
        .filter(op -> instance == null || instance.equals(op.operation.getTargetId()))
        .forEach(op -> result.add(op.operation.clone()));
    return result.reversed();
  }

  void clear() {
    instances.clear();
    operations.clear();
  }

  /** Finishes every operation that is due, in the order they are due, applying its change. */
  void settle() {
    Instant now = sim.now();
    List<StoredOperation> due =
        operations.values().stream()
            .filter(op -> !"DONE".equals(op.operation.getStatus()))
            .sorted(Comparator.comparing(op -> op.doneAt))
            .toList();
    for (StoredOperation op : due) {
      if (op.doneAt.isAfter(now)) {
        op.operation.setStatus("RUNNING");
        continue;
      }
      String failure =
          op.fails ? "An internal error has occurred (injected by the emulator)." : null;
      if (failure == null) {
        try {
          SqlChanges.apply(this, op, backend);
        } catch (RuntimeException e) {
          failure = "The operation failed: " + e.getMessage();
        }
      }
      if (failure != null) {
        op.operation.setError(
            new OperationErrors()
                .setKind("sql#operationErrors")
                .setErrors(
                    // Mutable: the client model's clone() deep-copies lists by reflection.
                    new ArrayList<>(
                        List.of(
                            new OperationError()
                                .setKind("sql#operationError")
                                .setCode("INTERNAL_ERROR")
                                .setMessage(failure)))));
        StoredInstance target = instances.get(key(op.project, op.operation.getTargetId()));
        if (target != null && "CREATE".equals(op.operation.getOperationType())) {
          target.instance.setState("FAILED");
        }
      }
      op.operation.setStatus("DONE").setEndTime(op.doneAt.toString());
    }
  }
}
