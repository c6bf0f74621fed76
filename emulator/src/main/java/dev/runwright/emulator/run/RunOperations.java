package dev.runwright.emulator.run;

import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.Status;
import dev.runwright.emulator.http.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Cloud Run long-running operations. Each one names the work it waits for ({@link Work}, plain data
 * so it can be persisted) and is evaluated when read: its progress says whether the work is
 * finished, and it is frozen once done. {@code metadata} and {@code response} carry the resource
 * type the RPC declares (Service, Job, Execution or Revision), which the clients check.
 */
final class RunOperations {

  /** What an operation waits for. */
  enum Kind {
    /**
     * A service create or update: {@code resource} is the service, {@code generation} the one to
     * settle.
     */
    SERVICE_ROLLOUT,
    /**
     * A job create or update: done at once, or when {@code execution} (a run token's) has finished.
     */
    JOB_WRITE,
    /** {@code jobs.run}: done when {@code resource} (the execution) has finished; fails with it. */
    EXECUTION_RUN,
    /** An execution cancel: done when {@code resource} has stopped. */
    EXECUTION_CANCEL
  }

  /** The work behind an operation, as data. */
  record Work(Kind kind, String resource, long generation, String execution) {}

  /** The state of some work, asked under the Run store's lock. */
  interface Progress {
    /** The resource as it is now (the operation's metadata); empty once it was deleted. */
    Optional<Message> metadata();

    /** Empty while running; the response (null: the last metadata), or the error, when finished. */
    Optional<Outcome> outcome();
  }

  /** How an operation ended. */
  record Outcome(Message response, ApiException error) {
    static Outcome success(Message response) {
      return new Outcome(response, null);
    }

    static Outcome failure(ApiException error) {
      return new Outcome(null, error);
    }
  }

  static final class StoredOperation {
    final Work work;
    Message lastMetadata;
    Operation finished;

    StoredOperation(Work work, Message lastMetadata, Operation finished) {
      this.work = work;
      this.lastMetadata = lastMetadata;
      this.finished = finished;
    }
  }

  final Map<String, StoredOperation> operations = new LinkedHashMap<>();
  private Function<Work, Progress> progress;

  /** Connects the operations to the resources they wait for. */
  void bind(Function<Work, Progress> progressOfWork) {
    this.progress = progressOfWork;
  }

  /** Starts an operation under {@code projects/P/locations/L} and returns its first view. */
  Operation start(String location, Work work, Message metadata) {
    String name = location + "/operations/" + UUID.randomUUID();
    operations.put(name, new StoredOperation(work, metadata, null));
    return render(name, operations.get(name));
  }

  /** An operation that is already finished, for calls whose work completes at once. */
  Operation done(String location, Message response) {
    String name = location + "/operations/" + UUID.randomUUID();
    Operation finished =
        Operation.newBuilder()
            .setName(name)
            .setMetadata(Any.pack(response))
            .setDone(true)
            .setResponse(Any.pack(response))
            .build();
    operations.put(name, new StoredOperation(null, response, finished));
    return finished;
  }

  Optional<Operation> get(String name) {
    StoredOperation stored = operations.get(name);
    return stored == null ? Optional.empty() : Optional.of(render(name, stored));
  }

  List<Operation> list(String location) {
    return operations.entrySet().stream()
        .filter(e -> e.getKey().startsWith(location + "/operations/"))
        .map(e -> render(e.getKey(), e.getValue()))
        .toList();
  }

  boolean delete(String name) {
    return operations.remove(name) != null;
  }

  void clear() {
    operations.clear();
  }

  private Operation render(String name, StoredOperation stored) {
    if (stored.finished != null) {
      return stored.finished;
    }
    Progress current = progress.apply(stored.work);
    current.metadata().ifPresent(m -> stored.lastMetadata = m);
    Operation.Builder operation =
        Operation.newBuilder().setName(name).setMetadata(Any.pack(stored.lastMetadata));
    Optional<Outcome> outcome = current.outcome();
    if (outcome.isEmpty()) {
      return operation.build();
    }
    operation.setDone(true);
    if (outcome.get().error() != null) {
      ApiException error = outcome.get().error();
      operation.setError(
          Status.newBuilder().setCode(error.rpcCode()).setMessage(error.getMessage()).build());
    } else {
      Message response = outcome.get().response();
      operation.setResponse(Any.pack(response != null ? response : stored.lastMetadata));
    }
    stored.finished = operation.build();
    return stored.finished;
  }
}
