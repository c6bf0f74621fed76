package dev.runwright.testsupport;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension behind {@link WithKubeApiServer}: one real apiserver for the whole test run
 * (started by the first test class that needs it, stopped when the run ends), the project's CRDs
 * installed, and a fresh namespace for every test. Injects {@link KubeCluster}, {@link
 * KubernetesClient}, {@link KubeCommandLine} and {@link TestNamespace} parameters.
 *
 * <p>Missing binaries fail the test with the command that installs them; nothing is skipped.
 */
public final class KubeApiServerExtension implements BeforeEachCallback, ParameterResolver {

  /** Generous: kube-apiserver needs 10-30 s on 2 busy cores, and longer while other builds run. */
  static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(KubeApiServerExtension.class);
  private static final Set<Class<?>> INJECTABLE =
      Set.of(KubeCluster.class, KubernetesClient.class, KubeCommandLine.class, TestNamespace.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    String prefix =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName();
    context.getStore(STORE).put(TestNamespace.class, cluster(context).createNamespace(prefix));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTABLE.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    KubeCluster cluster = cluster(context);
    if (type == KubernetesClient.class) {
      return cluster.client();
    }
    if (type == KubeCommandLine.class) {
      return cluster.commandLine();
    }
    if (type == TestNamespace.class) {
      TestNamespace namespace =
          context.getStore(STORE).get(TestNamespace.class, TestNamespace.class);
      if (namespace == null) {
        throw new IllegalStateException(
            "A TestNamespace exists per test method; it cannot be injected into constructors or"
                + " @BeforeAll methods");
      }
      return namespace;
    }
    return cluster;
  }

  /**
   * The run's cluster; a failed start is remembered so later classes fail fast with the same cause.
   */
  private static KubeCluster cluster(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(STORE)
        .getOrComputeIfAbsent(RunCluster.class, key -> RunCluster.start(), RunCluster.class)
        .get();
  }

  /** The outcome of starting the run's cluster; closed by JUnit when the run ends. */
  private record RunCluster(KubeCluster cluster, RuntimeException failure)
      implements AutoCloseable {

    static RunCluster start() {
      try {
        return new RunCluster(
            KubeCluster.start(K8sBinaries.locate(System.getenv()), STARTUP_TIMEOUT), null);
      } catch (RuntimeException e) {
        return new RunCluster(null, e);
      }
    }

    KubeCluster get() {
      if (failure != null) {
        throw new IllegalStateException(
            "The test apiserver could not be started or prepared: " + failure.getMessage(),
            failure);
      }
      return cluster;
    }

    @Override
    public void close() {
      if (cluster != null) {
        cluster.close();
      }
    }
  }
}
