package dev.runwright.operator.cloudrun;

import dev.runwright.operator.api.cloudrun.CloudRunService;
import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.gcp.run.ServiceName;
import java.util.Optional;

/**
 * The Cloud Run service a CloudRunService owns: recorded in status.externalRef once, and from then
 * on never re-derived from the spec (project, region and name are immutable anyway).
 */
final class ServiceIdentity {
  private ServiceIdentity() {}

  static ServiceName of(CloudRunService resource, Optional<String> defaultProject) {
    ExternalRef recorded =
        resource.getStatus() == null ? null : resource.getStatus().getExternalRef();
    if (recorded != null && recorded.getName() != null && !recorded.getName().isEmpty()) {
      return ServiceName.parse(recorded.getName());
    }
    var spec = resource.getSpec();
    String project =
        Optional.ofNullable(spec.getProject())
            .filter(p -> !p.isEmpty())
            .or(() -> defaultProject)
            .orElseThrow(
                () ->
                    new SpecProblem(
                        Reasons.SPEC_INVALID,
                        "spec.project is not set and the operator has no default project"
                            + " (--project)"));
    String service =
        spec.getServiceName() != null && !spec.getServiceName().isEmpty()
            ? spec.getServiceName()
            : resource.getMetadata().getName();
    if (service.length() > 49 || !service.matches("[a-z]([-a-z0-9]*[a-z0-9])?")) {
      throw new SpecProblem(
          Reasons.SPEC_INVALID,
          "Cloud Run service name '"
              + service
              + "' is invalid: set spec.serviceName (lowercase letters, digits and hyphens, at"
              + " most 49 characters)");
    }
    return new ServiceName(project, spec.getRegion(), service);
  }

  static ExternalRef externalRef(ServiceName name, boolean owned) {
    ExternalRef ref = new ExternalRef();
    ref.setName(name.toString());
    ref.setProject(name.project());
    ref.setLocation(name.location());
    ref.setOwned(owned);
    return ref;
  }
}
