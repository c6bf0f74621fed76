package dev.runwright.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.testsupport.fixtures.FixtureCrd;
import dev.runwright.testsupport.fixtures.Probe;
import dev.runwright.testsupport.fixtures.ProbeSpec;
import dev.runwright.testsupport.fixtures.ProbeStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server-side apply calls JOSDK 5 makes (status through the status subresource, finalizers on
 * the main resource, each with a field manager and force) behave as the reconcilers rely on, on the
 * real apiserver.
 */
@WithKubeApiServer
class ServerSideApplyIT {

  private static final String USER = "kubectl-client-side-apply";
  private static final String CONTROLLER = "probe-controller";
  private static final String FINALIZER = Probe.GROUP + "/cleanup";

  @BeforeAll
  static void installFixtureCrd(KubeCluster cluster) {
    cluster.applyCrds(List.of(FixtureCrd.file()));
  }

  @Test
  void statusSubresourceRoundTrip(KubernetesClient client, TestNamespace namespace) {
    Probe created = applyAsUser(client, probe(namespace, "alpha", "example/probe:1"));
    Probe status = emptyProbe(namespace, "alpha");
    status.setStatus(status(created.getMetadata().getGeneration(), "serving"));

    Probe patched = applyStatus(client, status);

    assertThat(patched.getStatus().getMessage()).isEqualTo("serving");
    assertThat(patched.getMetadata().getGeneration())
        .isEqualTo(created.getMetadata().getGeneration());
    assertThat(patched.getSpec().getImage()).isEqualTo("example/probe:1");

    // A spec change bumps the generation and leaves the controller's status alone; status sent to
    // the main
    // resource is ignored, as the status subresource demands.
    Probe changed = probe(namespace, "alpha", "example/probe:2");
    changed.setStatus(status(99L, "written through the main resource"));
    Probe updated = applyAsUser(client, changed);

    assertThat(updated.getMetadata().getGeneration())
        .isEqualTo(created.getMetadata().getGeneration() + 1);
    assertThat(updated.getStatus().getMessage()).isEqualTo("serving");
    assertThat(updated.getStatus().getObservedGeneration())
        .isEqualTo(created.getMetadata().getGeneration());
  }

  @Test
  void finalizerRoundTrip(KubernetesClient client, TestNamespace namespace) {
    applyAsUser(client, probe(namespace, "alpha", "example/probe:1"));
    Probe withFinalizer = emptyProbe(namespace, "alpha");
    withFinalizer.getMetadata().setFinalizers(List.of(FINALIZER));
    applyAsController(client, withFinalizer);

    client.resources(Probe.class).inNamespace(namespace.name()).withName("alpha").delete();

    Probe terminating =
        client.resources(Probe.class).inNamespace(namespace.name()).withName("alpha").get();
    assertThat(terminating).as("the finalizer holds the object").isNotNull();
    assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(terminating.getMetadata().getFinalizers()).containsExactly(FINALIZER);

    // Applying the controller's intent without the finalizer removes it (the controller owns that
    // list entry),
    // and the apiserver then deletes the object.
    applyAsController(client, emptyProbe(namespace, "alpha"));

    assertThat(client.resources(Probe.class).inNamespace(namespace.name()).withName("alpha").get())
        .isNull();
  }

  private static Probe probe(TestNamespace namespace, String name, String image) {
    Probe probe = emptyProbe(namespace, name);
    probe.setSpec(new ProbeSpec("europe-west1", image));
    return probe;
  }

  private static Probe emptyProbe(TestNamespace namespace, String name) {
    Probe probe = new Probe();
    probe.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(namespace.name()).build());
    return probe;
  }

  private static ProbeStatus status(long observedGeneration, String message) {
    ProbeStatus status = new ProbeStatus();
    status.setObservedGeneration(observedGeneration);
    status.setMessage(message);
    return status;
  }

  private static Probe applyAsUser(KubernetesClient client, Probe probe) {
    return client.resource(probe).fieldManager(USER).forceConflicts().serverSideApply();
  }

  private static Probe applyAsController(KubernetesClient client, Probe probe) {
    return client.resource(probe).fieldManager(CONTROLLER).forceConflicts().serverSideApply();
  }

  /** Exactly how JOSDK 5 patches status with server-side apply. */
  private static Probe applyStatus(KubernetesClient client, Probe probe) {
    return client
        .resources(Probe.class)
        .inNamespace(probe.getMetadata().getNamespace())
        .resource(probe)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withFieldManager(CONTROLLER)
                .withForce(true)
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .build());
  }
}
