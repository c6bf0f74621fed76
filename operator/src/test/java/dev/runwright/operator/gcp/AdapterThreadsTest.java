package dev.runwright.operator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.operator.config.OperatorConfigReader;
import dev.runwright.operator.gcp.run.ServiceName;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.gcp.sql.SqlInstanceName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Google clients keep a bounded set of threads however many calls the operator makes (gax's
 * default HTTP/JSON executor kept one platform thread per call).
 */
class AdapterThreadsTest {
  private static final int WARM_UP_CALLS = 40;
  private static final int CALLS = 200;

  @Test
  void callsDoNotAddThreads() throws Exception {
    try (var emulator = Emulator.start(EmulatorConfig.defaults())) {
      var config =
          OperatorConfigReader.read(
              List.of(
                  "--google-endpoint=" + emulator.endpoint(),
                  "--google-timeout=5s",
                  // Not the client-side limits' subject: without them they would set the pace.
                  "--cloud-run-reads-per-minute=100000",
                  "--sql-admin-requests-per-minute=100000",
                  "--secret-manager-requests-per-minute=100000"),
              Map.of());
      try (var adapters = GoogleAdapters.create(config, new SimpleMeterRegistry())) {
        // The clients' background pools (a few threads each) fill up during the first calls.
        callEveryApi(adapters, WARM_UP_CALLS);
        int before = Thread.activeCount();
        callEveryApi(adapters, CALLS);
        assertThat(Thread.activeCount() - before)
            .as("threads added by %d calls to each API", CALLS)
            .isLessThan(5);
      }
    }
  }

  private static void callEveryApi(GoogleAdapters adapters, int calls) {
    for (int i = 0; i < calls; i++) {
      adapters.cloudRun().findService(new ServiceName("p-threads", "europe-west1", "s" + i));
      adapters.secrets().findSecret(new SecretName("p-threads", "s" + i));
      adapters.sqlAdmin().findInstance(new SqlInstanceName("p-threads", "i" + i));
    }
  }
}
