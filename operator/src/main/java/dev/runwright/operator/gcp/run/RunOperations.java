package dev.runwright.operator.gcp.run;

import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.Service;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Optional;

/** Reads Cloud Run operations: whether done, the error, and the resource the operation is about. */
final class RunOperations {

  private static final List<Class<? extends Message>> RESOURCE_TYPES =
      List.of(Service.class, Job.class, Execution.class, Revision.class);

  private RunOperations() {}

  static RunOperation fromProto(RunOperationName name, Operation operation) {
    Optional<RunOperation.OperationError> error =
        operation.hasError()
            ? Optional.of(
                new RunOperation.OperationError(
                    operation.getError().getCode(), operation.getError().getMessage()))
            : Optional.empty();
    return new RunOperation(name, operation.getDone(), resource(operation), error);
  }

  /** The name of the resource in the operation's response, else in its metadata. */
  static Optional<String> resource(Operation operation) {
    return nameIn(operation.getResponse()).or(() -> nameIn(operation.getMetadata()));
  }

  private static Optional<String> nameIn(Any any) {
    for (Class<? extends Message> type : RESOURCE_TYPES) {
      if (any.is(type)) {
        try {
          Message message = any.unpack(type);
          Object name = message.getField(message.getDescriptorForType().findFieldByName("name"));
          return name instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
        } catch (InvalidProtocolBufferException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
