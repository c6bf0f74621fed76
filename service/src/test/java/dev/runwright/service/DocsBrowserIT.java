package dev.runwright.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runwright.service.testing.MutableClock;
import dev.runwright.service.testing.RunningService;
import dev.runwright.service.testing.TestDatabase;
import dev.runwright.service.testing.TestDatabase.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads {@code /docs} in Debian's headless Chromium with every host but the service unresolvable,
 * and checks that Swagger UI rendered every documented operation: the page works offline.
 */
class DocsBrowserIT {

  @Test
  void swaggerUiRendersEveryOperationOffline(@TempDir Path profile) throws Exception {
    Path chromium = findChromium();
    try (TestDatabase db = TestDatabase.create()) {
      Map<String, String> env = RunningService.baseEnv();
      env.putAll(db.databaseUrlEnv(Transport.TCP));
      try (RunningService service = RunningService.start(env, MutableClock.startingNow())) {
        List<String> command =
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.resolve("profile"),
                // Any request that leaves the machine would fail: the page must not need one.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--virtual-time-budget=15000",
                "--dump-dom",
                service.uri("/docs").toString());
        Path dom = profile.resolve("dom.html");
        Process browser =
            new ProcessBuilder(command)
                .redirectOutput(dom.toFile())
                .redirectError(profile.resolve("chromium.err").toFile())
                .start();
        assertThat(browser.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String html = Files.readString(dom);
        assertThat(html).contains("swagger-ui").contains("Runwright JWT service");

        JsonNode paths = RunningService.json(service.get("/openapi.json")).get("paths");
        List<String> expected = new ArrayList<>();
        paths.fieldNames().forEachRemaining(expected::add);
        assertThat(expected).hasSize(9);
        for (String path : expected) {
          // Swagger UI renders each operation's path inside an opblock-summary-path element.
          assertThat(html)
              .as("operation %s rendered", path)
              .containsPattern("data-path=\"" + java.util.regex.Pattern.quote(path) + "\"");
        }
        assertThat(html).contains("opblock-post").contains("opblock-get");
      }
    }
  }

  private static Path findChromium() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new IllegalStateException(
        "chromium is not installed: run scripts/ensure-chromium.sh (make test does) or install"
            + " Debian's chromium package");
  }
}
