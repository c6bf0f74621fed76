package dev.runwright.operator.gcp.run;

import com.google.api.HttpRule;
import com.google.api.gax.httpjson.longrunning.OperationsClient;
import com.google.api.gax.httpjson.longrunning.stub.HttpJsonOperationsStub;
import com.google.api.gax.rpc.ClientContext;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.cloud.run.v2.stub.HttpJsonServicesCallableFactory;
import com.google.protobuf.TypeRegistry;
import java.io.IOException;
import java.util.Map;

/**
 * An operations client that reads every Cloud Run operation. Each GAPIC client's own one only knows
 * its own resource types, so the services client fails on a job's or an execution's operation
 * ("Exception in message delivery"); this one knows them all.
 */
final class CloudRunOperationsClient {

  private static final TypeRegistry RESOURCE_TYPES =
      TypeRegistry.newBuilder()
          .add(Service.getDescriptor())
          .add(Job.getDescriptor())
          .add(Execution.getDescriptor())
          .add(Revision.getDescriptor())
          .build();

  private static final Map<String, HttpRule> RULES =
      Map.of(
          "google.longrunning.Operations.GetOperation",
          HttpRule.newBuilder().setGet("/v2/{name=projects/*/locations/*/operations/*}").build());

  private CloudRunOperationsClient() {}

  static OperationsClient create(ServicesSettings settings) throws IOException {
    return OperationsClient.create(
        HttpJsonOperationsStub.create(
            ClientContext.create(settings),
            new HttpJsonServicesCallableFactory(),
            RESOURCE_TYPES,
            RULES));
  }
}
