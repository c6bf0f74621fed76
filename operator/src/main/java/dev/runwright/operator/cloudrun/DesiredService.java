package dev.runwright.operator.cloudrun;

import dev.runwright.operator.api.cloudrun.CloudRunService;
import dev.runwright.operator.api.cloudrun.CloudRunServiceSpec;
import dev.runwright.operator.api.cloudrun.ResourcesSpec;
import dev.runwright.operator.api.common.SecretEnvVar;
import dev.runwright.operator.cloudsql.DatabaseConnection;
import dev.runwright.operator.gcp.run.CloudSqlVolume;
import dev.runwright.operator.gcp.run.Container;
import dev.runwright.operator.gcp.run.ContainerResources;
import dev.runwright.operator.gcp.run.EnvVar;
import dev.runwright.operator.gcp.run.Ingress;
import dev.runwright.operator.gcp.run.RevisionTemplate;
import dev.runwright.operator.gcp.run.Scaling;
import dev.runwright.operator.gcp.run.ServiceName;
import dev.runwright.operator.gcp.run.ServiceSpec;
import dev.runwright.operator.gcp.run.TrafficTarget;
import dev.runwright.operator.gcp.run.VolumeMount;
import dev.runwright.operator.gcp.secrets.SecretName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Cloud Run service a CloudRunService asks for, as a pure function of the spec and the database
 * settings: the revision template (named by its hash), the release it carries, the secrets it pins
 * and the service-level settings. Every default is written out, so what the operator sends does not
 * depend on Cloud Run's defaults.
 *
 * @param revision the deterministic revision name of {@code template}
 * @param secretVersions env name to full secret version name, for status
 * @param secrets every secret the revision reads (its service account needs access to exactly
 *     these)
 */
record DesiredService(
    ServiceName name,
    String release,
    String revision,
    RevisionTemplate template,
    Ingress ingress,
    Map<String, String> labels,
    Map<String, String> annotations,
    Optional<String> serviceAccount,
    boolean allowUnauthenticated,
    Map<String, String> secretVersions,
    Set<SecretName> secrets) {

  static final String RELEASE_ANNOTATION = "runwright.dev/release";
  static final String OWNER_ANNOTATION = "runwright.dev/owner";
  static final String MANAGED_BY_LABEL = "managed-by";
  static final String MANAGED_BY = "runwright";
  static final String VOLUME = "cloudsql";
  static final String MOUNT_PATH = "/cloudsql";
  static final String DB_SOCKET = "DB_SOCKET";
  static final String DB_NAME = "DB_NAME";
  static final String DB_USER = "DB_USER";
  static final String DB_PASSWORD = "DB_PASSWORD";

  /** Variables the operator derives from the CloudSqlDatabase; the spec may not set them. */
  static final Set<String> DATABASE_ENV =
      Set.of(DB_SOCKET, DB_NAME, DB_USER, DB_PASSWORD, "DB_HOST", "DB_PORT", "DATABASE_URL");

  static final int DEFAULT_CONCURRENCY = 80;
  static final int DEFAULT_TIMEOUT_SECONDS = 300;
  static final int DEFAULT_PORT = 8080;
  static final String DEFAULT_CPU = "1";
  static final String DEFAULT_MEMORY = "512Mi";

  DesiredService {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    secretVersions = Map.copyOf(secretVersions);
    secrets = Set.copyOf(secrets);
  }

  /** The release a spec deploys: spec.release, else the image reference. */
  static String releaseOf(CloudRunServiceSpec spec) {
    return spec.getRelease() != null && !spec.getRelease().isBlank()
        ? spec.getRelease()
        : spec.getImage();
  }

  /**
   * @param database empty when the spec has no databaseRef
   * @throws SpecProblem when the spec sets a variable the operator derives from the database
   */
  static DesiredService of(
      CloudRunService resource, ServiceName name, Optional<DatabaseConnection> database) {
    CloudRunServiceSpec spec = resource.getSpec();
    String release = releaseOf(spec);
    Map<String, String> secretVersions = new TreeMap<>();
    Set<SecretName> secrets = new LinkedHashSet<>();
    List<EnvVar> env = new ArrayList<>();
    if (spec.getEnv() != null) {
      for (var declared : spec.getEnv()) {
        requireNotDerived(declared.getName(), database.isPresent(), "spec.env");
        env.add(
            new EnvVar.Literal(
                declared.getName(), declared.getValue() == null ? "" : declared.getValue()));
      }
    }
    database.ifPresent(
        db -> {
          env.add(new EnvVar.Literal(DB_SOCKET, db.socketPath()));
          env.add(new EnvVar.Literal(DB_NAME, db.databaseName()));
          env.add(new EnvVar.Literal(DB_USER, db.userName()));
          env.add(
              new EnvVar.FromSecret(
                  DB_PASSWORD, db.passwordSecret().toString(), db.passwordVersion()));
          secrets.add(db.passwordSecret());
          secretVersions.put(
              DB_PASSWORD, db.passwordSecret().version(db.passwordVersion()).toString());
        });
    if (spec.getSecretEnv() != null) {
      for (SecretEnvVar declared : spec.getSecretEnv()) {
        requireNotDerived(declared.getName(), database.isPresent(), "spec.secretEnv");
        SecretName secret = secretName(declared.getSecret(), name.project());
        env.add(
            new EnvVar.FromSecret(declared.getName(), secret.toString(), declared.getVersion()));
        secrets.add(secret);
        secretVersions.put(declared.getName(), secret.version(declared.getVersion()).toString());
      }
    }
    int port = spec.getPort() == null ? DEFAULT_PORT : spec.getPort();
    Container container =
        new Container(
            "",
            spec.getImage(),
            List.of(),
            List.of(),
            env,
            resources(spec.getResources()),
            Optional.of(port),
            database.isPresent() ? List.of(new VolumeMount(VOLUME, MOUNT_PATH)) : List.of(),
            Optional.empty(),
            Optional.empty());
    Optional<String> serviceAccount =
        Optional.ofNullable(spec.getServiceAccount()).filter(s -> !s.isEmpty());
    RevisionTemplate unnamed =
        new RevisionTemplate(
            Optional.empty(),
            Map.of(MANAGED_BY_LABEL, MANAGED_BY),
            Map.of(RELEASE_ANNOTATION, release),
            serviceAccount,
            scaling(spec),
            Optional.of(
                Duration.ofSeconds(
                    spec.getTimeoutSeconds() == null
                        ? DEFAULT_TIMEOUT_SECONDS
                        : spec.getTimeoutSeconds())),
            spec.getConcurrency() == null ? DEFAULT_CONCURRENCY : spec.getConcurrency(),
            List.of(container),
            database
                .map(db -> List.of(new CloudSqlVolume(VOLUME, List.of(db.connectionName()))))
                .orElse(List.of()));
    String revision = RevisionNames.of(name.service(), unnamed);
    RevisionTemplate template =
        new RevisionTemplate(
            Optional.of(revision),
            unnamed.labels(),
            unnamed.annotations(),
            unnamed.serviceAccount(),
            unnamed.scaling(),
            unnamed.timeout(),
            unnamed.maxInstanceRequestConcurrency(),
            unnamed.containers(),
            unnamed.volumes());
    return new DesiredService(
        name,
        release,
        revision,
        template,
        ingress(spec.getIngress()),
        Map.of(MANAGED_BY_LABEL, MANAGED_BY),
        Map.of(OWNER_ANNOTATION, owner(resource)),
        serviceAccount,
        Boolean.TRUE.equals(spec.getAllowUnauthenticated()),
        secretVersions,
        secrets);
  }

  /** The service to write: this template (or another one to keep) and the given traffic. */
  ServiceSpec spec(RevisionTemplate withTemplate, List<TrafficTarget> traffic) {
    return new ServiceSpec(labels, annotations, ingress, withTemplate, traffic);
  }

  /** {@code namespace/name} of the owning resource, kept on the Cloud Run service. */
  static String owner(CloudRunService resource) {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }

  /** A secret id of the service's project, or a full secret name. */
  static SecretName secretName(String secret, String project) {
    return secret.startsWith("projects/")
        ? SecretName.parse(secret)
        : new SecretName(project, secret);
  }

  private static void requireNotDerived(String name, boolean hasDatabase, String field) {
    if (hasDatabase && DATABASE_ENV.contains(name)) {
      throw new SpecProblem(
          Reasons.SPEC_INVALID,
          field
              + " sets "
              + name
              + ", which the operator derives from the CloudSqlDatabase; remove it");
    }
  }

  private static ContainerResources resources(ResourcesSpec resources) {
    Map<String, String> limits = new HashMap<>();
    limits.put(
        "cpu", resources == null || resources.getCpu() == null ? DEFAULT_CPU : resources.getCpu());
    limits.put(
        "memory",
        resources == null || resources.getMemory() == null
            ? DEFAULT_MEMORY
            : resources.getMemory());
    boolean boost = resources != null && Boolean.TRUE.equals(resources.getStartupCpuBoost());
    return new ContainerResources(limits, boost, true);
  }

  private static Scaling scaling(CloudRunServiceSpec spec) {
    if (spec.getScaling() == null) {
      return Scaling.defaults();
    }
    return new Scaling(
        spec.getScaling().getMinInstances() == null ? 0 : spec.getScaling().getMinInstances(),
        spec.getScaling().getMaxInstances() == null ? 0 : spec.getScaling().getMaxInstances());
  }

  private static Ingress ingress(dev.runwright.operator.api.cloudrun.Ingress ingress) {
    if (ingress == null) {
      return Ingress.ALL;
    }
    return switch (ingress) {
      case All -> Ingress.ALL;
      case Internal -> Ingress.INTERNAL_ONLY;
      case InternalAndCloudLoadBalancing -> Ingress.INTERNAL_LOAD_BALANCER;
    };
  }
}
