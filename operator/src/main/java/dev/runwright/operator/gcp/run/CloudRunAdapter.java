package dev.runwright.operator.gcp.run;

import com.google.api.gax.httpjson.longrunning.OperationsClient;
import com.google.cloud.run.v2.CreateJobRequest;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.DeleteJobRequest;
import com.google.cloud.run.v2.DeleteServiceRequest;
import com.google.cloud.run.v2.ExecutionsClient;
import com.google.cloud.run.v2.ExecutionsSettings;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.JobsSettings;
import com.google.cloud.run.v2.ListExecutionsRequest;
import com.google.cloud.run.v2.ListRevisionsRequest;
import com.google.cloud.run.v2.RevisionsClient;
import com.google.cloud.run.v2.RevisionsSettings;
import com.google.cloud.run.v2.RunJobRequest;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.cloud.run.v2.UpdateJobRequest;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.longrunning.Operation;
import dev.runwright.operator.gcp.CallKind;
import dev.runwright.operator.gcp.GoogleApi;
import dev.runwright.operator.gcp.GoogleCall;
import dev.runwright.operator.gcp.GoogleCalls;
import dev.runwright.operator.gcp.IamPolicy;
import dev.runwright.operator.gcp.gapic.GapicClientSettings;
import dev.runwright.operator.gcp.gapic.IamPolicyMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** {@link CloudRunApi} on the Cloud Run Admin v2 GAPIC clients over REST. */
public final class CloudRunAdapter implements CloudRunApi, AutoCloseable {

  private final ServicesClient services;
  private final RevisionsClient revisions;
  private final JobsClient jobs;
  private final ExecutionsClient executions;
  private final OperationsClient operations;
  private final GoogleCalls calls;

  CloudRunAdapter(
      ServicesClient services,
      RevisionsClient revisions,
      JobsClient jobs,
      ExecutionsClient executions,
      OperationsClient operations,
      GoogleCalls calls) {
    this.services = services;
    this.revisions = revisions;
    this.jobs = jobs;
    this.executions = executions;
    this.operations = operations;
    this.calls = calls;
  }

  /**
   * Creates the clients: against {@code endpoint} without credentials when given, else against
   * Google with Application Default Credentials; each call is one attempt bounded by {@code
   * timeout}.
   */
  public static CloudRunAdapter create(
      Optional<URI> endpoint, Duration timeout, GoogleCalls calls) {
    try {
      var servicesSettings = ServicesSettings.newHttpJsonBuilder();
      servicesSettings.applyToAllUnaryMethods(GapicClientSettings.singleAttempt(timeout));
      var revisionsSettings = RevisionsSettings.newHttpJsonBuilder();
      revisionsSettings.applyToAllUnaryMethods(GapicClientSettings.singleAttempt(timeout));
      var jobsSettings = JobsSettings.newHttpJsonBuilder();
      jobsSettings.applyToAllUnaryMethods(GapicClientSettings.singleAttempt(timeout));
      var executionsSettings = ExecutionsSettings.newHttpJsonBuilder();
      executionsSettings.applyToAllUnaryMethods(GapicClientSettings.singleAttempt(timeout));
      ServicesSettings services =
          GapicClientSettings.connection(servicesSettings, endpoint).build();
      return new CloudRunAdapter(
          ServicesClient.create(services),
          RevisionsClient.create(
              GapicClientSettings.connection(revisionsSettings, endpoint).build()),
          JobsClient.create(GapicClientSettings.connection(jobsSettings, endpoint).build()),
          ExecutionsClient.create(
              GapicClientSettings.connection(executionsSettings, endpoint).build()),
          CloudRunOperationsClient.create(services),
          calls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Cloud Run clients", e);
    }
  }

  @Override
  public Optional<RunService> findService(ServiceName name) {
    return calls
        .find(read("getService", name.location()), () -> services.getService(name.toString()))
        .map(CloudRunMapper::fromService);
  }

  @Override
  public RunOperationName createService(ServiceName name, ServiceSpec spec) {
    var request =
        CreateServiceRequest.newBuilder()
            .setParent(parent(name.project(), name.location()))
            .setServiceId(name.service())
            .setService(CloudRunMapper.toService(spec))
            .build();
    return operation(
        calls.run(
            call("createService", CallKind.CREATE, name.location()),
            () -> services.createServiceCallable().call(request)));
  }

  @Override
  public RunOperationName updateService(ServiceName name, ServiceSpec spec, String etag) {
    var service =
        CloudRunMapper.toService(spec).toBuilder().setName(name.toString()).setEtag(etag).build();
    var request = UpdateServiceRequest.newBuilder().setService(service).build();
    return operation(
        calls.run(
            call("updateService", CallKind.WRITE, name.location()),
            () -> services.updateServiceCallable().call(request)));
  }

  @Override
  public Optional<RunOperationName> deleteService(ServiceName name) {
    var request = DeleteServiceRequest.newBuilder().setName(name.toString()).build();
    return calls
        .find(
            call("deleteService", CallKind.WRITE, name.location()),
            () -> services.deleteServiceCallable().call(request))
        .map(CloudRunAdapter::operation);
  }

  @Override
  public Optional<Revision> findRevision(RevisionName name) {
    return calls
        .find(read("getRevision", name.location()), () -> revisions.getRevision(name.toString()))
        .map(CloudRunMapper::fromRevision);
  }

  @Override
  public List<Revision> listRevisions(ServiceName service) {
    var request = ListRevisionsRequest.newBuilder().setParent(service.toString()).build();
    return calls.run(
        read("listRevisions", service.location()),
        () ->
            StreamSupport.stream(revisions.listRevisions(request).iterateAll().spliterator(), false)
                .map(CloudRunMapper::fromRevision)
                .toList());
  }

  @Override
  public IamPolicy getServiceIamPolicy(ServiceName name) {
    var request = GetIamPolicyRequest.newBuilder().setResource(name.toString()).build();
    return IamPolicyMapper.fromProto(
        calls.run(read("getIamPolicy", name.location()), () -> services.getIamPolicy(request)));
  }

  @Override
  public IamPolicy setServiceIamPolicy(ServiceName name, IamPolicy policy) {
    var request =
        SetIamPolicyRequest.newBuilder()
            .setResource(name.toString())
            .setPolicy(IamPolicyMapper.toProto(policy))
            .build();
    return IamPolicyMapper.fromProto(
        calls.run(
            call("setIamPolicy", CallKind.WRITE, name.location()),
            () -> services.setIamPolicy(request)));
  }

  @Override
  public Optional<RunJob> findJob(JobName name) {
    return calls
        .find(read("getJob", name.location()), () -> jobs.getJob(name.toString()))
        .map(CloudRunJobMapper::fromJob);
  }

  @Override
  public RunOperationName createJob(JobName name, JobSpec spec) {
    var request =
        CreateJobRequest.newBuilder()
            .setParent(parent(name.project(), name.location()))
            .setJobId(name.job())
            .setJob(CloudRunJobMapper.toJob(spec))
            .build();
    return operation(
        calls.run(
            call("createJob", CallKind.CREATE, name.location()),
            () -> jobs.createJobCallable().call(request)));
  }

  @Override
  public RunOperationName updateJob(JobName name, JobSpec spec, String etag) {
    var job =
        CloudRunJobMapper.toJob(spec).toBuilder().setName(name.toString()).setEtag(etag).build();
    var request = UpdateJobRequest.newBuilder().setJob(job).build();
    return operation(
        calls.run(
            call("updateJob", CallKind.WRITE, name.location()),
            () -> jobs.updateJobCallable().call(request)));
  }

  @Override
  public Optional<RunOperationName> deleteJob(JobName name) {
    var request = DeleteJobRequest.newBuilder().setName(name.toString()).build();
    return calls
        .find(
            call("deleteJob", CallKind.WRITE, name.location()),
            () -> jobs.deleteJobCallable().call(request))
        .map(CloudRunAdapter::operation);
  }

  @Override
  public StartedExecution runJob(JobName name, RunOverrides overrides) {
    var request = RunJobRequest.newBuilder().setName(name.toString());
    if (!overrides.isEmpty()) {
      request.setOverrides(CloudRunJobMapper.overrides(overrides));
    }
    Operation operation =
        calls.run(
            call("runJob", CallKind.WRITE, name.location()),
            () -> jobs.runJobCallable().call(request.build()));
    return new StartedExecution(
        operation(operation),
        RunOperations.resource(operation)
            .filter(n -> n.contains("/executions/"))
            .map(ExecutionName::parse));
  }

  @Override
  public Optional<Execution> findExecution(ExecutionName name) {
    return calls
        .find(read("getExecution", name.location()), () -> executions.getExecution(name.toString()))
        .map(CloudRunJobMapper::fromExecution);
  }

  @Override
  public List<Execution> listExecutions(JobName job) {
    var request = ListExecutionsRequest.newBuilder().setParent(job.toString()).build();
    return calls.run(
        read("listExecutions", job.location()),
        () ->
            StreamSupport.stream(
                    executions.listExecutions(request).iterateAll().spliterator(), false)
                .map(CloudRunJobMapper::fromExecution)
                .toList());
  }

  @Override
  public RunOperation getOperation(RunOperationName name) {
    Operation operation =
        calls.run(
            read("getOperation", name.location()), () -> operations.getOperation(name.toString()));
    return RunOperations.fromProto(name, operation);
  }

  @Override
  public void close() {
    services.close();
    revisions.close();
    jobs.close();
    executions.close();
    operations.close();
  }

  private static RunOperationName operation(Operation operation) {
    return RunOperationName.parse(operation.getName());
  }

  private static String parent(String project, String location) {
    return "projects/" + project + "/locations/" + location;
  }

  private static GoogleCall read(String method, String region) {
    return call(method, CallKind.READ, region);
  }

  private static GoogleCall call(String method, CallKind kind, String region) {
    return GoogleCall.inRegion(GoogleApi.CLOUD_RUN, method, kind, region);
  }
}
