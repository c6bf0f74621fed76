package dev.runwright.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.runwright.emulator.control.AdminEndpoints;
import dev.runwright.emulator.control.CallCounters;
import dev.runwright.emulator.control.EmulatorControl;
import dev.runwright.emulator.control.FaultInjector;
import dev.runwright.emulator.control.OutcomeRules;
import dev.runwright.emulator.http.FrontDoor;
import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.local.LocalRuntime;
import dev.runwright.emulator.secrets.SecretValues;
import dev.runwright.emulator.world.ProjectNumbers;
import dev.runwright.emulator.world.Simulation;
import dev.runwright.emulator.world.StateDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A running emulator of Cloud Run Admin v2, Cloud SQL Admin and Secret Manager on 127.0.0.1. Point
 * the real Google clients at {@link #endpoint()}; steer and observe it through {@link #control()}.
 */
public final class Emulator implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final FrontDoor frontDoor;
  private final EmulatorControl control;
  private final SecretValues secrets;
  private final Runnable persist;
  private final Runnable stopRuntime;

  private Emulator(
      HttpServer server,
      ExecutorService executor,
      FrontDoor frontDoor,
      EmulatorControl control,
      SecretValues secrets,
      Runnable persist,
      Runnable stopRuntime) {
    this.server = server;
    this.executor = executor;
    this.frontDoor = frontDoor;
    this.control = control;
    this.secrets = secrets;
    this.persist = persist;
    this.stopRuntime = stopRuntime;
  }

  /** Starts an emulator listening on 127.0.0.1. */
  public static Emulator start(EmulatorConfig config) {
    Simulation sim =
        new Simulation(
            config.clock(),
            config.latencies(),
            new OutcomeRules(),
            new ProjectNumbers(config.projectNumbers()));
    Router router = new Router();
    EmulatedApis apis = EmulatedApis.register(config, sim, router);
    Optional<StateDirectory> state =
        Optional.ofNullable(config.stateDirectory())
            .map(directory -> new StateDirectory(directory, apis.persistent()));
    Runnable stopRuntime = () -> apis.local().ifPresent(LocalRuntime::close);
    try {
      state.ifPresent(StateDirectory::load);
    } catch (RuntimeException e) {
      stopRuntime.run();
      throw e;
    }
    Runnable persist = () -> state.ifPresent(StateDirectory::save);
    List<Runnable> resets = new ArrayList<>(apis.resets());
    resets.add(persist);
    CallCounters counters = new CallCounters();
    FaultInjector faults = new FaultInjector(new Random());
    EmulatorControl control =
        new EmulatorControl(counters, faults, sim, apis.run().trafficHistory(), resets);
    FrontDoor frontDoor =
        new FrontDoor(router, new AdminEndpoints(control), counters, faults, persist);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    try {
      HttpServer server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
      server.createContext("/", frontDoor);
      server.setExecutor(executor);
      server.start();
      return new Emulator(
          server, executor, frontDoor, control, apis.secrets().values(), persist, stopRuntime);
    } catch (IOException e) {
      executor.shutdownNow();
      stopRuntime.run();
      throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + config.port(), e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The endpoint for the GAPIC clients, e.g. {@code http://127.0.0.1:PORT} (the scheme is
   * required).
   */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** The root URL for the discovery-based SQL Admin client, with its trailing slash. */
  public String rootUrl() {
    return endpoint() + "/";
  }

  public EmulatorControl control() {
    return control;
  }

  /**
   * Stored secret payloads, for runtimes that resolve {@code secretKeyRef} environment variables.
   */
  public SecretValues secretValues() {
    return secrets;
  }

  @Override
  public void close() {
    frontDoor.close();
    server.stop(0);
    executor.shutdownNow();
    persist.run();
    // Last: the state is saved before the processes it describes are stopped.
    stopRuntime.run();
  }
}
