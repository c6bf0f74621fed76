package dev.runwright.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runwright.testsupport.fixtures.FixtureCrd;
import dev.runwright.testsupport.fixtures.Probe;
import dev.runwright.testsupport.fixtures.ProbeSpec;
import dev.runwright.testsupport.fixtures.ProbeStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real JOSDK 5 operator, with its default configuration (server-side apply for the primary
 * resource), adds its finalizer, patches status through the status subresource and removes the
 * finalizer after cleanup, on the real apiserver.
 */
@WithKubeApiServer
class JosdkRoundTripIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @BeforeAll
  static void installFixtureCrd(KubeCluster cluster) {
    cluster.applyCrds(List.of(FixtureCrd.file()));
  }

  @Test
  void finalizerAndStatusRoundTrip(KubernetesClient client, TestNamespace namespace) {
    ProbeReconciler reconciler = new ProbeReconciler();
    Operator operator =
        new Operator(
            overrider -> overrider.withKubernetesClient(client).withCloseClientOnStop(false));
    operator.register(reconciler, config -> config.settingNamespace(namespace.name()));
    assertThat(operator.getConfigurationService().useSSAToPatchPrimaryResource()).isTrue();
    operator.start();
    try {
      var probes = client.resources(Probe.class).inNamespace(namespace.name());
      Probe probe = new Probe();
      probe.setMetadata(
          new ObjectMetaBuilder().withName("alpha").withNamespace(namespace.name()).build());
      probe.setSpec(new ProbeSpec("europe-west1", "example/probe:1"));
      probes.resource(probe).create();

      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                Probe seen = probes.withName("alpha").get();
                assertThat(seen.getMetadata().getFinalizers())
                    .containsExactly("probes." + Probe.GROUP + "/finalizer");
                assertThat(seen.getStatus()).isNotNull();
                assertThat(seen.getStatus().getMessage()).isEqualTo("running example/probe:1");
                assertThat(seen.getStatus().getObservedGeneration())
                    .isEqualTo(seen.getMetadata().getGeneration());
              });

      probes.withName("alpha").delete();

      await().atMost(TIMEOUT).until(() -> probes.withName("alpha").get() == null);
      assertThat(reconciler.cleanedUp).containsExactly(namespace.name() + "/alpha");
    } finally {
      operator.stop();
    }
  }

  @ControllerConfiguration(name = "probe-fixture")
  static final class ProbeReconciler implements Reconciler<Probe>, Cleaner<Probe> {

    final Set<String> cleanedUp = ConcurrentHashMap.newKeySet();

    @Override
    public UpdateControl<Probe> reconcile(Probe probe, Context<Probe> context) {
      // With server-side apply, send only what this controller owns: identity and status.
      Probe patch = new Probe();
      patch.setMetadata(
          new ObjectMetaBuilder()
              .withName(probe.getMetadata().getName())
              .withNamespace(probe.getMetadata().getNamespace())
              .build());
      ProbeStatus status = new ProbeStatus();
      status.setObservedGeneration(probe.getMetadata().getGeneration());
      status.setMessage("running " + probe.getSpec().getImage());
      patch.setStatus(status);
      return UpdateControl.patchStatus(patch);
    }

    @Override
    public DeleteControl cleanup(Probe probe, Context<Probe> context) {
      cleanedUp.add(probe.getMetadata().getNamespace() + "/" + probe.getMetadata().getName());
      return DeleteControl.defaultDelete();
    }
  }
}
