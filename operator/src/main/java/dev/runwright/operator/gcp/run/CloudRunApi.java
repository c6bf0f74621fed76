package dev.runwright.operator.gcp.run;

import dev.runwright.operator.gcp.IamPolicy;
import java.util.List;
import java.util.Optional;

/**
 * The operator's port to the Cloud Run Admin API v2. Writes return the operation they started and
 * never wait for it: keep its name and read it with {@link #getOperation}. Every method throws a
 * {@link dev.runwright.operator.gcp.GoogleApiException} subtype on failure.
 */
public interface CloudRunApi {

  /** The service, or empty if it does not exist. */
  Optional<RunService> findService(ServiceName name);

  /**
   * @throws dev.runwright.operator.gcp.AlreadyExistsException if the service exists (read it
   *     instead)
   */
  RunOperationName createService(ServiceName name, ServiceSpec spec);

  /**
   * Replaces the service's spec. The operator owns the whole service: settings the domain does not
   * model (VPC access, TCP probes, ...) are not carried over.
   *
   * @param etag the etag of the service as read; a concurrent change makes the update fail
   * @throws dev.runwright.operator.gcp.ConflictException on a stale etag
   */
  RunOperationName updateService(ServiceName name, ServiceSpec spec, String etag);

  /** Deletes the service; empty if it was already gone. */
  Optional<RunOperationName> deleteService(ServiceName name);

  Optional<Revision> findRevision(RevisionName name);

  /** Every revision of the service, newest first as Google lists them. */
  List<Revision> listRevisions(ServiceName service);

  IamPolicy getServiceIamPolicy(ServiceName name);

  /**
   * @throws dev.runwright.operator.gcp.ConflictException if the policy's etag is stale
   */
  IamPolicy setServiceIamPolicy(ServiceName name, IamPolicy policy);

  Optional<RunJob> findJob(JobName name);

  /**
   * @throws dev.runwright.operator.gcp.AlreadyExistsException if the job exists
   */
  RunOperationName createJob(JobName name, JobSpec spec);

  /**
   * @throws dev.runwright.operator.gcp.ConflictException on a stale etag
   */
  RunOperationName updateJob(JobName name, JobSpec spec, String etag);

  Optional<RunOperationName> deleteJob(JobName name);

  /**
   * Starts one execution of the job. Not idempotent by itself: callers key it by release (execution
   * labels from the job template, or an {@link ExecutionToken} on update).
   */
  StartedExecution runJob(JobName name, RunOverrides overrides);

  Optional<Execution> findExecution(ExecutionName name);

  /** Every execution of the job, newest first as Google lists them. */
  List<Execution> listExecutions(JobName job);

  /** Reads an operation started earlier (also by a previous operator process). */
  RunOperation getOperation(RunOperationName name);
}
