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

/**
 * Cloud Run long-running operations. Each one is evaluated when read: it asks its progress whether
 * the work is finished, and is frozen once done. {@code metadata} and {@code response} carry the
 * resource type the RPC declares (Service, Job, Execution or Revision), which the clients check.
 */
final class RunOperations {

  /** The work behind one operation, asked under the Run store's lock. */
  interface Progress {
    /** The resource as it is now: the operation's metadata. */
    Message metadata();

    /** Empty while running; the response, or the error, when finished. */
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

  private static final class StoredOperation {
    final Progress progress;
    Operation finished;

    StoredOperation(Progress progress) {
      this.progress = progress;
    }
  }

  private final Map<String, StoredOperation> operations = new LinkedHashMap<>();

  /** Starts an operation under {@code projects/P/locations/L} and returns its first view. */
  Operation start(String location, Progress progress) {
    String name = location + "/operations/" + UUID.randomUUID();
    operations.put(name, new StoredOperation(progress));
    return render(name, operations.get(name));
  }

  /** An operation that is already finished, for calls whose work completes at once. */
  Operation done(String location, Message response) {
    return start(
        location,
        new Progress() {
          @Override
          public Message metadata() {
            return response;
          }

          @Override
          public Optional<Outcome> outcome() {
            return Optional.of(Outcome.success(response));
          }
        });
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

  private static Operation render(String name, StoredOperation stored) {
    if (stored.finished != null) {
      return stored.finished;
    }
    Operation.Builder operation =
        Operation.newBuilder().setName(name).setMetadata(Any.pack(stored.progress.metadata()));
    Optional<Outcome> outcome = stored.progress.outcome();
    if (outcome.isEmpty()) {
      return operation.build();
    }
    operation.setDone(true);
    if (outcome.get().error() != null) {
      ApiException error = outcome.get().error();
      operation.setError(
          Status.newBuilder().setCode(error.rpcCode()).setMessage(error.getMessage()).build());
    } else {
      operation.setResponse(Any.pack(outcome.get().response()));
    }
    stored.finished = operation.build();
    return stored.finished;
  }
}
