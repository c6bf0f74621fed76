package dev.runwright.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.testsupport.K8sBinaries;
import dev.runwright.testsupport.KubeCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chaos soak, shortened for {@code make test}: 12 applications (36 resources) in three
 * namespaces, 90 s of faults on every Google API, failed Cloud SQL operations, SIGKILLs of the
 * operator and concurrent releases, scaling changes, flag changes, rotations and deletions. {@code
 * make soak-operator} runs the long one.
 */
class OperatorChaosSoakIT {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorChaosSoakIT.class);

  /** Retries, restarts and re-reads after each kill cost calls; more than this is a loop. */
  private static final double MAX_AMPLIFICATION = 10;

  @Test
  void survivesFaultsKillsAndConcurrentChangesAndEndsWithExactlyTheExpectedCloudState()
      throws Exception {
    long seed = System.nanoTime();
    var settings =
        new OperatorChaosSoak.Settings(
            Duration.ofSeconds(90), 12, 0.2, true, seed, Duration.ofMinutes(3));
    Path logs = Files.createDirectories(Path.of("target", "soak-it"));
    try (var cluster =
            KubeCluster.start(K8sBinaries.locate(System.getenv()), Duration.ofMinutes(2));
        var emulator = Emulator.start(EmulatorConfig.defaults())) {
      OperatorChaosSoak.Report report =
          new OperatorChaosSoak(cluster, emulator, logs, seed).run(settings);
      LOG.info("chaos soak (seed {}): {}", seed, report.summary());

      assertThat(report.problems()).as("seed %d, operator logs in %s", seed, logs).isEmpty();
      assertThat(report.kills()).isGreaterThanOrEqualTo(2);
      assertThat(report.specChanges()).isGreaterThan(50);
      assertThat(report.faultsInjected()).isGreaterThan(50);
      assertThat(report.failedOperationRules()).isGreaterThanOrEqualTo(2);
      assertThat(report.amplification()).isLessThanOrEqualTo(MAX_AMPLIFICATION);
    }
  }
}
