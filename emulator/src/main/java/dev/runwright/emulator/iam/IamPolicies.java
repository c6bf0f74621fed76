package dev.runwright.emulator.iam;

import com.google.gson.JsonObject;
import com.google.iam.v1.Policy;
import com.google.protobuf.ByteString;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.world.JsonTrees;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** IAM policies by resource name, with Google's etag check on set (a stale etag is 409 ABORTED). */
public final class IamPolicies {
  private final Map<String, Policy> policies = new ConcurrentHashMap<>();
  private final AtomicLong versions = new AtomicLong(1);

  public Policy get(String resource) {
    return policies.computeIfAbsent(
        resource, r -> Policy.newBuilder().setVersion(1).setEtag(nextEtag()).build());
  }

  public synchronized Policy set(String resource, Policy requested) {
    Policy current = get(resource);
    if (!requested.getEtag().isEmpty() && !requested.getEtag().equals(current.getEtag())) {
      throw ApiException.aborted(
          "There were concurrent policy changes. Please retry the whole read-modify-write with"
              + " exponential backoff.");
    }
    Policy stored =
        requested.toBuilder()
            .setVersion(requested.getVersion() == 0 ? 1 : requested.getVersion())
            .setEtag(nextEtag())
            .build();
    policies.put(resource, stored);
    return stored;
  }

  public void remove(String resource) {
    policies.remove(resource);
  }

  public void clear() {
    policies.clear();
  }

  /** The policies as JSON, keyed by resource name. */
  public JsonObject save(JsonTrees trees) {
    JsonObject saved = new JsonObject();
    policies.forEach((resource, policy) -> saved.add(resource, trees.tree(policy)));
    return saved;
  }

  public void load(JsonObject saved, JsonTrees trees) {
    policies.clear();
    saved
        .entrySet()
        .forEach(e -> policies.put(e.getKey(), trees.message(e.getValue(), Policy.newBuilder())));
  }

  private ByteString nextEtag() {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(versions.incrementAndGet()).array());
  }
}
