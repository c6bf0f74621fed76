package dev.runwright.operator.gcp.run;

import com.google.cloud.run.v2.CloudSqlInstance;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.ContainerPort;
import com.google.cloud.run.v2.EnvVarSource;
import com.google.cloud.run.v2.HTTPGetAction;
import com.google.cloud.run.v2.IngressTraffic;
import com.google.cloud.run.v2.Probe;
import com.google.cloud.run.v2.ResourceRequirements;
import com.google.cloud.run.v2.RevisionScaling;
import com.google.cloud.run.v2.SecretKeySelector;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.cloud.run.v2.Volume;
import dev.runwright.operator.gcp.gapic.ProtoTime;
import java.util.List;
import java.util.Optional;

/**
 * Maps Cloud Run services, revisions and the containers and volumes they share between the domain
 * records and the {@code google.cloud.run.v2} protos. Fields the domain does not model are neither
 * sent nor compared.
 */
final class CloudRunMapper {

  private CloudRunMapper() {}

  /** The service to send; the adapter adds name and etag on update. */
  static Service toService(ServiceSpec spec) {
    Service.Builder service =
        Service.newBuilder()
            .putAllLabels(spec.labels())
            .putAllAnnotations(spec.annotations())
            .setIngress(ingress(spec.ingress()))
            .setTemplate(template(spec.template()));
    spec.traffic().forEach(t -> service.addTraffic(traffic(t)));
    return service.build();
  }

  static RunService fromService(Service service) {
    ServiceSpec spec =
        new ServiceSpec(
            service.getLabelsMap(),
            service.getAnnotationsMap(),
            ingress(service.getIngress()),
            template(service.getTemplate()),
            service.getTrafficList().stream().map(CloudRunMapper::traffic).toList());
    return new RunService(
        ServiceName.parse(service.getName()),
        spec,
        service.getGeneration(),
        service.getObservedGeneration(),
        service.getReconciling(),
        service.hasTerminalCondition()
            ? Optional.of(condition(service.getTerminalCondition()))
            : Optional.empty(),
        conditions(service.getConditionsList()),
        text(service.getLatestCreatedRevision()).map(CloudRunMapper::shortName),
        text(service.getLatestReadyRevision()).map(CloudRunMapper::shortName),
        service.getTrafficStatusesList().stream().map(CloudRunMapper::trafficStatus).toList(),
        text(service.getUri()),
        service.getEtag());
  }

  static Revision fromRevision(com.google.cloud.run.v2.Revision revision) {
    return new Revision(
        RevisionName.parse(revision.getName()),
        revision.getLabelsMap(),
        revision.getAnnotationsMap(),
        revision.getGeneration(),
        revision.getReconciling(),
        conditions(revision.getConditionsList()),
        revision.getContainersList().stream()
            .map(com.google.cloud.run.v2.Container::getImage)
            .toList(),
        text(revision.getLogUri()),
        ProtoTime.instant(revision.hasCreateTime(), revision.getCreateTime()));
  }

  static com.google.cloud.run.v2.RevisionTemplate template(RevisionTemplate template) {
    var proto =
        com.google.cloud.run.v2.RevisionTemplate.newBuilder()
            .putAllLabels(template.labels())
            .putAllAnnotations(template.annotations())
            .setMaxInstanceRequestConcurrency(template.maxInstanceRequestConcurrency());
    template.revision().ifPresent(proto::setRevision);
    template.serviceAccount().ifPresent(proto::setServiceAccount);
    if (!template.scaling().equals(Scaling.defaults())) {
      proto.setScaling(
          RevisionScaling.newBuilder()
              .setMinInstanceCount(template.scaling().minInstances())
              .setMaxInstanceCount(template.scaling().maxInstances()));
    }
    template.timeout().ifPresent(t -> proto.setTimeout(ProtoTime.proto(t)));
    template.containers().forEach(c -> proto.addContainers(container(c)));
    template.volumes().forEach(v -> proto.addVolumes(volume(v)));
    return proto.build();
  }

  static RevisionTemplate template(com.google.cloud.run.v2.RevisionTemplate proto) {
    return new RevisionTemplate(
        text(proto.getRevision()),
        proto.getLabelsMap(),
        proto.getAnnotationsMap(),
        text(proto.getServiceAccount()),
        new Scaling(
            proto.getScaling().getMinInstanceCount(), proto.getScaling().getMaxInstanceCount()),
        ProtoTime.duration(proto.hasTimeout(), proto.getTimeout()),
        proto.getMaxInstanceRequestConcurrency(),
        proto.getContainersList().stream().map(CloudRunMapper::container).toList(),
        volumes(proto.getVolumesList()));
  }

  static com.google.cloud.run.v2.Container container(Container container) {
    var proto =
        com.google.cloud.run.v2.Container.newBuilder()
            .setName(container.name())
            .setImage(container.image())
            .addAllCommand(container.command())
            .addAllArgs(container.args());
    for (EnvVar env : container.env()) {
      proto.addEnv(envVar(env));
    }
    if (!container.resources().equals(ContainerResources.defaults())) {
      proto.setResources(
          ResourceRequirements.newBuilder()
              .putAllLimits(container.resources().limits())
              .setStartupCpuBoost(container.resources().startupCpuBoost())
              .setCpuIdle(container.resources().cpuIdle()));
    }
    container.port().ifPresent(p -> proto.addPorts(ContainerPort.newBuilder().setContainerPort(p)));
    container.startupProbe().ifPresent(p -> proto.setStartupProbe(probe(p)));
    container.livenessProbe().ifPresent(p -> proto.setLivenessProbe(probe(p)));
    for (VolumeMount mount : container.volumeMounts()) {
      proto.addVolumeMounts(
          com.google.cloud.run.v2.VolumeMount.newBuilder()
              .setName(mount.name())
              .setMountPath(mount.mountPath()));
    }
    return proto.build();
  }

  static Container container(com.google.cloud.run.v2.Container proto) {
    return new Container(
        proto.getName(),
        proto.getImage(),
        proto.getCommandList(),
        proto.getArgsList(),
        proto.getEnvList().stream().map(CloudRunMapper::envVar).toList(),
        proto.hasResources()
            ? new ContainerResources(
                proto.getResources().getLimitsMap(),
                proto.getResources().getStartupCpuBoost(),
                proto.getResources().getCpuIdle())
            : ContainerResources.defaults(),
        proto.getPortsList().stream().findFirst().map(ContainerPort::getContainerPort),
        proto.getVolumeMountsList().stream()
            .map(m -> new VolumeMount(m.getName(), m.getMountPath()))
            .toList(),
        probe(proto.hasStartupProbe(), proto.getStartupProbe()),
        probe(proto.hasLivenessProbe(), proto.getLivenessProbe()));
  }

  private static Probe probe(HttpProbe probe) {
    return Probe.newBuilder()
        .setHttpGet(HTTPGetAction.newBuilder().setPath(probe.path()).setPort(probe.port()))
        .setInitialDelaySeconds(probe.initialDelaySeconds())
        .setPeriodSeconds(probe.periodSeconds())
        .setTimeoutSeconds(probe.timeoutSeconds())
        .setFailureThreshold(probe.failureThreshold())
        .build();
  }

  /** Only HTTP probes are modelled; TCP and gRPC probes read as absent. */
  private static Optional<HttpProbe> probe(boolean present, Probe probe) {
    if (!present || !probe.hasHttpGet()) {
      return Optional.empty();
    }
    return Optional.of(
        new HttpProbe(
            probe.getHttpGet().getPath(),
            probe.getHttpGet().getPort(),
            probe.getInitialDelaySeconds(),
            probe.getPeriodSeconds(),
            probe.getTimeoutSeconds(),
            probe.getFailureThreshold()));
  }

  private static com.google.cloud.run.v2.EnvVar envVar(EnvVar env) {
    var proto = com.google.cloud.run.v2.EnvVar.newBuilder().setName(env.name());
    switch (env) {
      case EnvVar.Literal literal -> proto.setValue(literal.value());
      case EnvVar.FromSecret secret ->
          proto.setValueSource(
              EnvVarSource.newBuilder()
                  .setSecretKeyRef(
                      SecretKeySelector.newBuilder()
                          .setSecret(secret.secret())
                          .setVersion(secret.version())));
    }
    return proto.build();
  }

  private static EnvVar envVar(com.google.cloud.run.v2.EnvVar proto) {
    if (proto.hasValueSource() && proto.getValueSource().hasSecretKeyRef()) {
      SecretKeySelector ref = proto.getValueSource().getSecretKeyRef();
      return new EnvVar.FromSecret(proto.getName(), ref.getSecret(), ref.getVersion());
    }
    return new EnvVar.Literal(proto.getName(), proto.getValue());
  }

  static Volume volume(CloudSqlVolume volume) {
    return Volume.newBuilder()
        .setName(volume.name())
        .setCloudSqlInstance(CloudSqlInstance.newBuilder().addAllInstances(volume.instances()))
        .build();
  }

  /** Only Cloud SQL volumes are modelled; other kinds are left out rather than misread. */
  static List<CloudSqlVolume> volumes(List<Volume> volumes) {
    return volumes.stream()
        .filter(Volume::hasCloudSqlInstance)
        .map(v -> new CloudSqlVolume(v.getName(), v.getCloudSqlInstance().getInstancesList()))
        .toList();
  }

  private static com.google.cloud.run.v2.TrafficTarget traffic(TrafficTarget target) {
    var proto =
        com.google.cloud.run.v2.TrafficTarget.newBuilder()
            .setType(
                target.latest()
                    ? TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST
                    : TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
            .setPercent(target.percent());
    target.revision().ifPresent(proto::setRevision);
    target.tag().ifPresent(proto::setTag);
    return proto.build();
  }

  private static TrafficTarget traffic(com.google.cloud.run.v2.TrafficTarget proto) {
    boolean latest =
        proto.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST;
    return new TrafficTarget(
        latest,
        latest ? Optional.empty() : Optional.of(proto.getRevision()),
        proto.getPercent(),
        text(proto.getTag()));
  }

  private static TrafficStatus trafficStatus(TrafficTargetStatus proto) {
    boolean latest =
        proto.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST;
    return new TrafficStatus(
        latest,
        text(proto.getRevision()),
        proto.getPercent(),
        text(proto.getTag()),
        text(proto.getUri()));
  }

  private static IngressTraffic ingress(Ingress ingress) {
    return switch (ingress) {
      case UNSPECIFIED -> IngressTraffic.INGRESS_TRAFFIC_UNSPECIFIED;
      case ALL -> IngressTraffic.INGRESS_TRAFFIC_ALL;
      case INTERNAL_ONLY -> IngressTraffic.INGRESS_TRAFFIC_INTERNAL_ONLY;
      case INTERNAL_LOAD_BALANCER -> IngressTraffic.INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER;
      case NONE -> IngressTraffic.INGRESS_TRAFFIC_NONE;
    };
  }

  private static Ingress ingress(IngressTraffic ingress) {
    return switch (ingress) {
      case INGRESS_TRAFFIC_ALL -> Ingress.ALL;
      case INGRESS_TRAFFIC_INTERNAL_ONLY -> Ingress.INTERNAL_ONLY;
      case INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER -> Ingress.INTERNAL_LOAD_BALANCER;
      case INGRESS_TRAFFIC_NONE -> Ingress.NONE;
      default -> Ingress.UNSPECIFIED;
    };
  }

  static List<RunCondition> conditions(List<Condition> conditions) {
    return conditions.stream().map(CloudRunMapper::condition).toList();
  }

  static RunCondition condition(Condition proto) {
    String reason =
        switch (proto.getReasonsCase()) {
          case REASON -> proto.getReason().name();
          case REVISION_REASON -> proto.getRevisionReason().name();
          case EXECUTION_REASON -> proto.getExecutionReason().name();
          case REASONS_NOT_SET -> "";
        };
    return new RunCondition(
        proto.getType(),
        state(proto.getState()),
        proto.getMessage(),
        reason,
        ProtoTime.instant(proto.hasLastTransitionTime(), proto.getLastTransitionTime()));
  }

  private static ConditionState state(Condition.State state) {
    return switch (state) {
      case CONDITION_PENDING -> ConditionState.PENDING;
      case CONDITION_RECONCILING -> ConditionState.RECONCILING;
      case CONDITION_FAILED -> ConditionState.FAILED;
      case CONDITION_SUCCEEDED -> ConditionState.SUCCEEDED;
      default -> ConditionState.UNSPECIFIED;
    };
  }

  /** Cloud Run reports revisions by full name in some fields; the domain uses the short name. */
  static String shortName(String revision) {
    return revision.substring(revision.lastIndexOf('/') + 1);
  }

  static Optional<String> text(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
