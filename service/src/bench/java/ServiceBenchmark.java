import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `make bench-service`: start-up, throughput/latency, login and overload figures for the JWT service,
 * with a bare Helidon server measured the same way in the same run. Prints a Markdown report.
 *
 * <p>Arguments: SERVICE_CLASSPATH HELLO_CLASSPATH WORK_DIR. Environment: DATABASE_URL (migrated),
 * JWT_SIGNING_KEY, BENCH_RUNS (start-up runs per configuration, default 5), BENCH_SECONDS (per wrk run,
 * default 10), BENCH_SOAK_SECONDS (1,000-connection run, default 60).
 */
public final class ServiceBenchmark {
  static final String MAIN = "dev.runwright.service.Main";
  static final String HELLO = "dev.runwright.bench.HelloServer";
  static final List<String> BASE = List.of("--enable-native-access=ALL-UNNAMED");
  static final List<String> FAST = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  /** The image's flags, on a JVM that sees 512 MiB like a default Cloud Run instance. */
  static final List<String> IMAGE =
      List.of("-XX:MaxRAM=512m", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-Xss512k");

  final String serviceCp;
  final String helloCp;
  final Path work;
  final int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "5"));
  final int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "10"));
  final int soakSeconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SOAK_SECONDS", "60"));
  final StringBuilder report = new StringBuilder();
  final HttpClient http = HttpClient.newHttpClient();

  ServiceBenchmark(String serviceCp, String helloCp, Path work) {
    this.serviceCp = serviceCp;
    this.helloCp = helloCp;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    ServiceBenchmark bench = new ServiceBenchmark(args[0], args[1], Path.of(args[2]));
    Files.createDirectories(bench.work);
    bench.line("# JWT service benchmark");
    bench.line("");
    bench.line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (load average " + loadAverage() + " at start), "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + "; load generator (wrk) on the same machine. Medians of " + bench.runs + " runs.");
    bench.line("");
    bench.signatures();
    bench.coldStart();
    bench.throughput();
    Files.writeString(bench.work.resolve("results.md"), bench.report);
    System.out.println("\n(report written to " + bench.work.resolve("results.md") + ")");
  }

  void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }

  // ---------------------------------------------------------------- signatures

  void signatures() throws Exception {
    line("## Token signatures (JCA, one thread)");
    line("");
    line("| Algorithm | sign | verify |");
    line("|---|---|---|");
    signature("ES256 (P-256, SunEC)", "EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA");
    signature("EdDSA (Ed25519, SunEC)", "Ed25519", null, "Ed25519");
    line("");
  }

  void signature(String name, String keyAlg, ECGenParameterSpec spec, String alg) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance(keyAlg);
    if (spec != null) {
      g.initialize(spec);
    }
    KeyPair kp = g.generateKeyPair();
    byte[] msg = new byte[300];
    new SecureRandom().nextBytes(msg);
    byte[] sig = null;
    double signUs = 0;
    double verifyUs = 0;
    for (int round = 0; round < 3; round++) {
      long t = System.nanoTime();
      int n = 0;
      while (System.nanoTime() - t < 700_000_000L) {
        Signature s = Signature.getInstance(alg);
        s.initSign(kp.getPrivate());
        s.update(msg);
        sig = s.sign();
        n++;
      }
      signUs = (System.nanoTime() - t) / 1e3 / n;
      t = System.nanoTime();
      n = 0;
      while (System.nanoTime() - t < 700_000_000L) {
        Signature s = Signature.getInstance(alg);
        s.initVerify(kp.getPublic());
        s.update(msg);
        s.verify(sig);
        n++;
      }
      verifyUs = (System.nanoTime() - t) / 1e3 / n;
    }
    line(String.format(Locale.ROOT, "| %s | %.0f µs | %.0f µs |", name, signUs, verifyUs));
  }

  // ---------------------------------------------------------------- cold start

  void coldStart() throws Exception {
    line("## Cold start: process start to first HTTP 200 on /readyz (database connected)");
    line("");
    Path serviceAot = work.resolve("service.aot");
    Path helloAot = work.resolve("hello.aot");
    train(MAIN, serviceCp, serviceAot, true);
    train(HELLO, helloCp, helloAot, false);
    line("| JVM flags | JWT service | bare Helidon | ratio |");
    line("|---|---|---|---|");
    startRow("plain (`java -cp ...`)", List.of(), List.of());
    startRow("`-XX:+UseSerialGC -XX:TieredStopAtLevel=1`", FAST, FAST);
    startRow(
        "the same + JDK 25 AOT cache (`-XX:AOTCache`, trained by the benchmark)",
        concat(FAST, List.of("-XX:AOTCache=" + serviceAot)),
        concat(FAST, List.of("-XX:AOTCache=" + helloAot)));
    line("");
  }

  void startRow(String label, List<String> serviceFlags, List<String> helloFlags) throws Exception {
    // Alternate the two servers so that load from elsewhere on the machine hits both alike.
    List<Long> service = new ArrayList<>();
    List<Long> hello = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      service.add(startOnce(MAIN, serviceCp, serviceFlags, "start-service-" + i));
      hello.add(startOnce(HELLO, helloCp, helloFlags, "start-hello-" + i));
    }
    long s = median(service);
    long h = median(hello);
    line(String.format(Locale.ROOT, "| %s | %d ms | %d ms | %.2f |", label, s, h, s / (double) h));
  }

  long startOnce(String main, String cp, List<String> flags, String name) throws Exception {
    int port = freePort();
    long start = System.nanoTime();
    Process p = launch(main, cp, flags, port, name);
    try {
      waitFor200(port, "/readyz", Duration.ofSeconds(30));
      return (System.nanoTime() - start) / 1_000_000;
    } finally {
      stop(p);
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  void train(String main, String cp, Path aot, boolean service) throws Exception {
    Files.deleteIfExists(aot);
    int port = freePort();
    Process p = launch(main, cp, concat(FAST, List.of("-XX:AOTCacheOutput=" + aot)), port, "train-" + (service ? "service" : "hello"));
    waitFor200(port, "/readyz", Duration.ofSeconds(60));
    for (int i = 0; i < 20; i++) {
      get(port, "/readyz", Map.of());
    }
    if (service) {
      String token = login(port, "train" + System.nanoTime());
      for (int i = 0; i < 50; i++) {
        get(port, "/api/v1/users/me", Map.of("Authorization", "Bearer " + token));
        get(port, "/healthz", Map.of());
      }
      get(port, "/openapi.json", Map.of());
      get(port, "/.well-known/jwks.json", Map.of());
      get(port, "/nope", Map.of());
    }
    stop(p);
    if (!Files.exists(aot)) {
      throw new IllegalStateException("AOT cache was not written: " + aot);
    }
  }

  // ---------------------------------------------------------------- throughput

  void throughput() throws Exception {
    int port = freePort();
    Process p = launch(MAIN, serviceCp, IMAGE, port, "throughput", Map.of("LOGIN_CLIENT_LIMIT", "1000000/1m", "LOGIN_ACCOUNT_LIMIT", "1000000/1m"));
    try {
      waitFor200(port, "/readyz", Duration.ofSeconds(30));
      String token = login(port, "bench" + System.nanoTime());
      Path me = work.resolve("me.lua");
      Files.writeString(me, "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n");
      String url = "http://127.0.0.1:" + port;
      wrk(2, 64, 5, url + "/healthz", null); // warm-up (JIT)
      wrk(2, 64, 5, url + "/api/v1/users/me", me);
      line("## Throughput and latency (server with the image's JVM flags, sized as a 512 MiB instance)");
      line("");
      line("| Endpoint | connections | requests/s | p50 | p99 |");
      line("|---|---|---|---|---|");
      Map<String, Double> saturation = new HashMap<>();
      for (String[] endpoint : new String[][] {{"/healthz", null}, {"/api/v1/users/me", me.toString()}}) {
        for (int c : new int[] {1, 8, 64}) {
          WrkResult r = wrk(Math.min(2, c), c, seconds, url + endpoint[0], endpoint[1] == null ? null : Path.of(endpoint[1]));
          saturation.merge(endpoint[0], r.rps, Math::max);
          line(String.format(Locale.ROOT, "| `GET %s` | %d | %.0f | %s | %s |", endpoint[0], c, r.rps, r.p50, r.p99));
        }
      }
      line("");
      line(String.format(Locale.ROOT, "`/users/me` keeps %.0f%% of `/healthz` throughput at saturation.",
          100 * saturation.get("/api/v1/users/me") / saturation.get("/healthz")));
      line("");

      // Login: Argon2id-bound.
      String user = "loginbench" + System.nanoTime();
      login(port, user);
      Path loginLua = work.resolve("login.lua");
      Files.writeString(loginLua, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
          + "wrk.body = '{\"username\":\"" + user + "\",\"password\":\"correct horse battery\"}'\n");
      wrk(2, 8, 5, url + "/api/v1/auth/login", loginLua); // warm-up: Argon2's first hashes run interpreted
      long rssBefore = peakRssKb(p);
      WrkResult login = wrk(2, 8, seconds, url + "/api/v1/auth/login", loginLua);
      line("## Login (Argon2id m=19 MiB, t=2, p=1; hash concurrency = CPU count)");
      line("");
      line(String.format(Locale.ROOT, "%.1f logins/s at 8 connections, p50 %s, p99 %s; %s; peak RSS %d MiB (%d MiB before).",
          login.rps, login.p50, login.p99, login.statusLine, peakRssKb(p) / 1024, rssBefore / 1024));
      line("");

      // Overload: 1,000 connections on /users/me.
      Path soak = work.resolve("soak.lua");
      Files.writeString(soak, Files.readString(me) + """
          local threads = {}
          function setup(thread) table.insert(threads, thread) end
          function init(args) ok = 0; shed = 0; other = 0 end
          function response(status, headers, body)
            if status == 200 then ok = ok + 1 elseif status == 503 then shed = shed + 1 else other = other + 1 end
          end
          function done(summary, latency, requests)
            local o, s, x = 0, 0, 0
            for _, t in ipairs(threads) do o = o + t:get("ok"); s = s + t:get("shed"); x = x + t:get("other") end
            io.write(string.format("STATUS ok=%d shed=%d other=%d\\n", o, s, x))
          end
          """);
      WrkResult overload = wrk(2, 1000, soakSeconds, url + "/api/v1/users/me", soak);
      line("## " + soakSeconds + " s at 1,000 connections (`GET /api/v1/users/me`)");
      line("");
      line(String.format(Locale.ROOT, "%.0f requests/s, p50 %s, p99 %s; %s; socket errors: %s; peak RSS %d MiB.",
          overload.rps, overload.p50, overload.p99, overload.statusLine, overload.socketErrors, peakRssKb(p) / 1024));
    } finally {
      stop(p);
    }
  }

  record WrkResult(double rps, String p50, String p99, String socketErrors, String statusLine) {}

  WrkResult wrk(int threads, int connections, int secs, String url, Path script) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + secs + "s", "--latency", "--timeout", "10s"));
    if (script != null) {
      cmd.addAll(List.of("-s", script.toString()));
    }
    cmd.add(url);
    Process wrk = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    wrk.waitFor(secs + 60L, TimeUnit.SECONDS);
    Files.writeString(work.resolve("wrk-last.txt"), out);
    double rps = Double.parseDouble(find(out, "Requests/sec:\\s+([0-9.]+)", "0"));
    String p50 = find(out, "\\n\\s+50%\\s+(\\S+)", "?");
    String p99 = find(out, "\\n\\s+99%\\s+(\\S+)", "?");
    String errors = find(out, "Socket errors: (.*)", "none");
    String statuses = find(out, "STATUS (.*)", "");
    String non2xx = find(out, "Non-2xx or 3xx responses: (\\d+)", "0");
    return new WrkResult(rps, p50, p99, errors, statuses.isEmpty() ? "non-2xx " + non2xx : statuses.replace("ok=", "200: ").replace(" shed=", ", 503 (shed): ").replace(" other=", ", other: "));
  }

  // ---------------------------------------------------------------- helpers

  Process launch(String main, String cp, List<String> flags, int port, String name) throws IOException {
    return launch(main, cp, flags, port, name, Map.of());
  }

  Process launch(String main, String cp, List<String> flags, int port, String name, Map<String, String> extraEnv) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(BASE);
    cmd.addAll(flags);
    cmd.addAll(List.of("-cp", cp, main, "serve"));
    ProcessBuilder builder = new ProcessBuilder(cmd);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().putAll(extraEnv);
    builder.redirectOutput(work.resolve(name + ".log").toFile());
    builder.redirectError(work.resolve(name + ".err").toFile());
    return builder.start();
  }

  static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor();
    }
  }

  /** Raw socket polling keeps client overhead out of the measurement. */
  static void waitFor200(int port, String path, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        OutputStream out = s.getOutputStream();
        out.write(request);
        out.flush();
        InputStream in = s.getInputStream();
        byte[] head = in.readNBytes(12);
        if (new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException("no 200 on " + path + " within " + timeout);
  }

  String login(int port, String user) throws Exception {
    String body = "{\"username\":\"" + user + "\",\"password\":\"correct horse battery\"}";
    post(port, "/api/v1/auth/register", body);
    String tokens = post(port, "/api/v1/auth/login", body);
    return find(tokens, "\"access_token\":\"([^\"]+)\"", null);
  }

  String post(int port, String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  void get(int port, String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    headers.forEach(b::header);
    http.send(b.build(), HttpResponse.BodyHandlers.discarding());
  }

  static long peakRssKb(Process p) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String find(String text, String regex, String fallback) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (m.find()) {
      return m.group(1).trim();
    }
    if (fallback == null) {
      throw new IllegalStateException("no match for " + regex + " in: " + text);
    }
    return fallback;
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
