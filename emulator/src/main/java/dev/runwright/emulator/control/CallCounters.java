package dev.runwright.emulator.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every API call the emulator received, by method (e.g. {@code run.services.update}) and by
 * API and kind, including calls answered with an injected fault, as Google's quotas would.
 */
public final class CallCounters {
  private final Map<String, LongAdder> byMethod = new ConcurrentHashMap<>();
  private final Map<String, CallKind> kinds = new ConcurrentHashMap<>();

  public void record(String method, CallKind kind) {
    kinds.putIfAbsent(method, kind);
    byMethod.computeIfAbsent(method, m -> new LongAdder()).increment();
  }

  public long count(String method) {
    LongAdder adder = byMethod.get(method);
    return adder == null ? 0 : adder.sum();
  }

  /** Every call of every API. */
  public long total() {
    return byMethod.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long total(Api api, CallKind kind) {
    return byMethod.entrySet().stream()
        .filter(e -> e.getKey().startsWith(api.prefix() + "."))
        .filter(e -> kinds.get(e.getKey()) == kind)
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  public long reads(Api api) {
    return total(api, CallKind.READ);
  }

  public long writes(Api api) {
    return total(api, CallKind.WRITE);
  }

  /** Calls per method, sorted by name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    byMethod.forEach((method, adder) -> copy.put(method, adder.sum()));
    return copy;
  }

  public CallKind kindOf(String method) {
    return kinds.get(method);
  }

  public void reset() {
    byMethod.clear();
  }
}
