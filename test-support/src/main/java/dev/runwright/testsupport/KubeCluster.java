package dev.runwright.testsupport;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real kube-apiserver and etcd (fabric8 kube-api-test) with the project's CRDs installed: a
 * fabric8 client, a kubeconfig file for tools that shell out, and the real kubectl and helm. No
 * kubelet and no controller-manager, so there is no garbage collection of owner references and
 * namespaces are never finalized.
 */
public final class KubeCluster implements AutoCloseable {

  /** The field manager the harness applies CRDs and namespaces with. */
  public static final String FIELD_MANAGER = "runwright-test-support";

  private static final Duration CRD_ESTABLISHED_TIMEOUT = Duration.ofMinutes(1);

  /**
   * Requests made by ServiceAccounts are audited (metadata only: who, verb, resource, response
   * code), so tests can compare what a component authenticated as a ServiceAccount did with its
   * RBAC rules. The harness's own admin requests are not logged.
   */
  private static final String AUDIT_POLICY =
      """
      apiVersion: audit.k8s.io/v1
      kind: Policy
      omitStages: ["RequestReceived"]
      rules:
        - level: Metadata
          userGroups: ["system:serviceaccounts"]
        - level: None
      """;

  private final K8sBinaries binaries;
  private final KubeAPIServer apiServer;
  private final Path workDir;
  private final Path auditLog;
  private final Path kubeconfig;
  private final KubernetesClient client;
  private final KubeCommandLine commandLine;
  private final Thread stopOnExit;

  private KubeCluster(K8sBinaries binaries, Duration startupTimeout) throws IOException {
    this.binaries = binaries;
    this.workDir = Files.createTempDirectory("runwright-kube-");
    Path auditPolicy = Files.writeString(workDir.resolve("audit-policy.yaml"), AUDIT_POLICY);
    this.auditLog = workDir.resolve("audit.log");
    this.apiServer =
        new KubeAPIServer(
            KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(binaries.testDir().toString())
                .withApiServerVersion(binaries.version())
                // Never download: the binaries come from scripts/k8s-binaries.sh.
                .withOfflineMode(true)
                .withStartupTimeout(Math.toIntExact(startupTimeout.toMillis()))
                .withApiServerFlag("--bind-address", "127.0.0.1")
                .withApiServerFlag("--audit-policy-file", auditPolicy.toString())
                .withApiServerFlag("--audit-log-path", auditLog.toString())
                .withApiServerFlag("--audit-log-format", "json")
                .build());
    // kube-api-test kills its processes only when stopped; a JVM ended early must not leave them
    // behind.
    this.stopOnExit = new Thread(apiServer::stop, "stop-kube-apiserver");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      apiServer.start();
    } catch (RuntimeException e) {
      apiServer.stop();
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
      throw new IllegalStateException(
          "kube-apiserver "
              + binaries.version()
              + " from "
              + binaries.binDir()
              + " did not become ready within "
              + startupTimeout
              + " (its output is logged at DEBUG by io.fabric8.kubeapitest.process)",
          e);
    }
    String kubeconfigYaml = apiServer.getKubeConfigYaml();
    this.kubeconfig = Files.writeString(workDir.resolve("kubeconfig"), kubeconfigYaml);
    this.client =
        new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
    this.commandLine = new KubeCommandLine(binaries, kubeconfig, workDir);
  }

  /**
   * Starts a cluster from the binaries {@code scripts/k8s-binaries.sh} provides and installs the
   * CRDs of the repository's {@code crds/} directory.
   */
  public static KubeCluster start(K8sBinaries binaries, Duration startupTimeout) {
    KubeCluster cluster;
    try {
      cluster = new KubeCluster(binaries, startupTimeout);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the test apiserver's work directory", e);
    }
    try {
      cluster.applyCrds(ProjectCrds.files());
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  public KubernetesClient client() {
    return client;
  }

  /**
   * A kubeconfig file (client certificate of {@code system:masters}) for kubectl, helm or other
   * processes.
   */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /**
   * The apiserver's audit log (JSON lines, one event per request stage) of every request made by a
   * ServiceAccount; empty or absent until one makes a request.
   */
  public Path auditLog() {
    return auditLog;
  }

  public K8sBinaries binaries() {
    return binaries;
  }

  /** The real kubectl and helm, configured for this cluster. */
  public KubeCommandLine commandLine() {
    return commandLine;
  }

  /** Creates a namespace with a unique name starting with {@code prefix}. */
  public TestNamespace createNamespace(String prefix) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String base = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    base = base.substring(0, Math.min(base.length(), 50)).replaceAll("^-+|-+$", "");
    String name = (base.isEmpty() ? "test" : base) + "-" + suffix;
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return new TestNamespace(name);
  }

  /**
   * Applies CRD files (server-side apply) and waits until each is Established, so tests can create
   * instances right away.
   */
  public void applyCrds(List<Path> files) {
    for (Path file : files) {
      List<HasMetadata> objects;
      try (InputStream in = Files.newInputStream(file)) {
        objects = client.load(in).items();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read CRD file " + file, e);
      }
      for (HasMetadata object : objects) {
        if (!(object instanceof CustomResourceDefinition crd)) {
          throw new IllegalArgumentException(
              file
                  + " contains a "
                  + object.getKind()
                  + ", expected only CustomResourceDefinitions");
        }
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .resource(crd)
            .fieldManager(FIELD_MANAGER)
            .forceConflicts()
            .serverSideApply();
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(crd.getMetadata().getName())
            .waitUntilCondition(
                KubeCluster::isEstablished, CRD_ESTABLISHED_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    }
  }

  private static boolean isEstablished(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  @Override
  public void close() {
    client.close();
    apiServer.stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs (or ran) anyway; stop() is idempotent
    }
    deleteRecursively(workDir);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
