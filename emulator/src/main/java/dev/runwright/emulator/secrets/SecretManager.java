package dev.runwright.emulator.secrets;

import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.protobuf.ByteString;
import com.google.protobuf.TypeRegistry;
import dev.runwright.emulator.http.ProtoJson;
import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.iam.IamPolicies;
import dev.runwright.emulator.world.JsonTrees;
import dev.runwright.emulator.world.Simulation;
import dev.runwright.emulator.world.StateDirectory;
import java.util.Base64;

/**
 * The emulated Secret Manager v1 API: one store, handlers for secrets and versions, IAM policies.
 */
public final class SecretManager implements StateDirectory.Persistent {
  private final SecretStore store = new SecretStore();
  private final IamPolicies iam = new IamPolicies();
  private final JsonTrees trees = new JsonTrees(TypeRegistry.getEmptyTypeRegistry());
  private final Simulation sim;

  public SecretManager(Simulation sim, Router router) {
    this.sim = sim;
    ProtoJson json = new ProtoJson(TypeRegistry.getEmptyTypeRegistry());
    SecretEtags etags = new SecretEtags();
    SecretHandler secrets = new SecretHandler(store, iam, sim, json, etags);
    secrets.register(router);
    new SecretVersionHandler(store, secrets, sim, json, etags).register(router);
  }

  public SecretValues values() {
    return store.values(sim.projects());
  }

  public void clear() {
    synchronized (store) {
      store.clear();
      iam.clear();
    }
  }

  @Override
  public String key() {
    return "secretmanager";
  }

  @Override
  public JsonObject save() {
    synchronized (store) {
      JsonArray secrets = new JsonArray();
      for (Secret secret : store.list("")) {
        SecretStore.StoredSecret stored = store.require(secret.getName());
        JsonObject entry = new JsonObject();
        entry.add("secret", trees.tree(stored.secret));
        JsonArray versions = new JsonArray();
        for (SecretStore.StoredVersion version : stored.versions) {
          JsonObject v = new JsonObject();
          v.add("version", trees.tree(version.version));
          v.addProperty("data", Base64.getEncoder().encodeToString(version.data.toByteArray()));
          v.addProperty("crc32c", version.crc32c);
          versions.add(v);
        }
        entry.add("versions", versions);
        secrets.add(entry);
      }
      JsonObject state = new JsonObject();
      state.add("secrets", secrets);
      state.add("iam", iam.save(trees));
      return state;
    }
  }

  @Override
  public void load(JsonObject state) {
    synchronized (store) {
      store.clear();
      for (JsonElement element : state.getAsJsonArray("secrets")) {
        JsonObject entry = element.getAsJsonObject();
        Secret secret = trees.message(entry.get("secret"), Secret.newBuilder());
        store.put(secret);
        SecretStore.StoredSecret stored = store.require(secret.getName());
        for (JsonElement v : entry.getAsJsonArray("versions")) {
          JsonObject version = v.getAsJsonObject();
          stored.versions.add(
              new SecretStore.StoredVersion(
                  trees.message(version.get("version"), SecretVersion.newBuilder()),
                  ByteString.copyFrom(
                      Base64.getDecoder().decode(version.get("data").getAsString())),
                  version.get("crc32c").getAsLong()));
        }
      }
      iam.load(state.getAsJsonObject("iam"), trees);
    }
  }
}
