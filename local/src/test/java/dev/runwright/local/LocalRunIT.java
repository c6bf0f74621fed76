package dev.runwright.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * `make run`'s entry point, headless: scripts/run.sh brings up the whole system, the seed serves
 * register/login/me through the service URL, the 1.1.0 upgrade rolls out after its migration, the
 * broken release's failed migration leaves 1.1.0 serving, and after SIGTERM no process it started
 * is alive.
 */
class LocalRunIT {
  private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
  private static final Pattern READY =
      Pattern.compile("RUNWRIGHT_LOCAL_READY url=(\\S+) kubeconfig=(\\S+) kubectl=(\\S+)");
  private static final String CREDENTIALS =
      "{\"username\":\"alice\",\"password\":\"correct horse battery\"}";
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void runsTheSeedUpgradesAndKeepsServingThroughABrokenMigration() throws Exception {
    Path state = REPO.resolve("local/target/local-it");
    deleteRecursively(state);
    Files.createDirectories(state);
    Path output = state.resolve("run.out");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "scripts/run.sh")
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder
        .environment()
        .putAll(
            Map.of(
                "RUNWRIGHT_LOCAL_DIR",
                state.toString(),
                "RUNWRIGHT_LOCAL_SKIP_BUILD",
                "1",
                "RUNWRIGHT_LOCAL_PORT_BASE",
                String.valueOf(freePortRange(5)),
                "RUNWRIGHT_LOCAL_READY_TIMEOUT",
                "420"));
    Process run = builder.start();
    List<ProcessHandle> started = new ArrayList<>();
    try {
      Matcher ready =
          await(
              "the READY line in " + output,
              Duration.ofMinutes(8),
              () -> {
                if (!run.isAlive()) {
                  fail("scripts/run.sh exited with " + run.exitValue() + ":\n" + read(output));
                }
                Matcher m = READY.matcher(read(output));
                return m.find() ? m : null;
              });
      String url = ready.group(1);
      Kubectl kubectl = new Kubectl(Path.of(ready.group(3)), Path.of(ready.group(2)));

      assertThat(post(url + "/api/v1/auth/register", CREDENTIALS).statusCode()).isEqualTo(201);
      String token = accessToken(url);
      HttpResponse<String> me = get(url + "/api/v1/users/me", token);
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("alice");
      String seedRevision = me.headers().firstValue("X-Runwright-Revision").orElseThrow();

      kubectl.run("apply", "-k", "examples/local/upgrade");
      String upgradedRevision =
          await(
              "1.1.0 serving after its migration",
              Duration.ofMinutes(4),
              () -> {
                String migration = kubectl.readyMessage("migrationjob", "jwt-migrate");
                String revision = servingRevision(url, token);
                return migration.contains("1.1.0 succeeded")
                        && kubectl.readyStatus("cloudrunservice", "jwt-service").equals("True")
                        && revision != null
                        && !revision.equals(seedRevision)
                    ? revision
                    : null;
              });
      assertThat(post(url + "/api/v1/auth/login", CREDENTIALS).statusCode()).isEqualTo(200);

      kubectl.run("apply", "-k", "examples/local/broken-migration");
      String reason =
          await(
              "the broken migration reported on the CloudRunService",
              Duration.ofMinutes(4),
              () -> {
                String service = kubectl.readyReason("cloudrunservice", "jwt-service");
                return kubectl.readyMessage("migrationjob", "jwt-migrate").contains("1.2.0-broken")
                        && kubectl.readyStatus("migrationjob", "jwt-migrate").equals("False")
                        && service.equals("MigrationFailed")
                    ? service
                    : null;
              });
      assertThat(reason).isEqualTo("MigrationFailed");
      for (int i = 0; i < 5; i++) {
        assertThat(servingRevision(url, token)).isEqualTo(upgradedRevision);
      }

      started.addAll(run.descendants().toList());
      assertThat(started).isNotEmpty();
    } finally {
      started.addAll(run.descendants().toList());
      run.destroy(); // SIGTERM: the script stops every process group it started
      if (!run.waitFor(90, TimeUnit.SECONDS)) {
        run.destroyForcibly();
        fail("scripts/run.sh did not stop within 90 s:\n" + read(output));
      }
    }
    await(
        "every started process gone",
        Duration.ofSeconds(20),
        () ->
            started.stream().noneMatch(ProcessHandle::isAlive) && leftovers(state).isEmpty()
                ? true
                : null);
    assertThat(read(output)).contains("stopped");
  }

  /** Processes whose command line names the state directory (MariaDB, etcd, emulator, ...). */
  private static List<String> leftovers(Path state) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .filter(line -> line.contains(state.toString()))
        .toList();
  }

  private String accessToken(String url) throws IOException, InterruptedException {
    HttpResponse<String> login = post(url + "/api/v1/auth/login", CREDENTIALS);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body());
    assertThat(token.find()).as(login.body()).isTrue();
    return token.group(1);
  }

  /** The revision that answered an authenticated /users/me with 200, or null. */
  private String servingRevision(String url, String token) {
    try {
      HttpResponse<String> me = get(url + "/api/v1/users/me", token);
      return me.statusCode() == 200
          ? me.headers().firstValue("X-Runwright-Revision").orElse(null)
          : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private HttpResponse<String> post(String url, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private record Kubectl(Path binary, Path kubeconfig) {
    String run(String... args) {
      List<String> command =
          new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
      command.addAll(List.of(args));
      try {
        Process process =
            new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
          fail(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    String ready(String kind, String name, String field) {
      return run(
          "get",
          kind + ".runwright.dev",
          name,
          "-o",
          "jsonpath={.status.conditions[?(@.type==\"Ready\")]." + field + "}");
    }

    String readyStatus(String kind, String name) {
      return ready(kind, name, "status");
    }

    String readyReason(String kind, String name) {
      return ready(kind, name, "reason");
    }

    String readyMessage(String kind, String name) {
      return ready(kind, name, "message");
    }
  }

  private static <T> T await(String what, Duration timeout, Supplier<T> probe)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(1000);
    }
    return fail("timed out after " + timeout + " waiting for " + what);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A base port with the next {@code count - 1} ports free on 127.0.0.1. */
  private static int freePortRange(int count) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20000, 30000);
      boolean free = true;
      for (int port = base; port < base + count && free; port++) {
        try (ServerSocket socket =
            new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
          socket.setReuseAddress(true);
        } catch (IOException taken) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IOException("no 5 consecutive free ports found");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
