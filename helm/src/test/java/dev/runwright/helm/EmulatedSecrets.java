package dev.runwright.helm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Secrets the users of the operator keep in Secret Manager themselves (the seed's JWT signing key),
 * created in the emulator over its REST API as {@code gcloud secrets create} would.
 */
final class EmulatedSecrets {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String endpoint;
  private final String project;

  EmulatedSecrets(String endpoint, String project) {
    this.endpoint = endpoint;
    this.project = project;
  }

  /** Creates secret {@code id} with one version (version 1) holding {@code payload}. */
  void create(String id, String payload) {
    post(
        "/v1/projects/" + project + "/secrets?secretId=" + id,
        "{\"replication\":{\"automatic\":{}}}");
    String data = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    post(
        "/v1/projects/" + project + "/secrets/" + id + ":addVersion",
        "{\"payload\":{\"data\":\"" + data + "\"}}");
  }

  /** A fresh EC P-256 private JWK, what the service's {@code generate-key} command prints. */
  static String signingKeyJwk() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      var pair = generator.generateKeyPair();
      ECPublicKey pub = (ECPublicKey) pair.getPublic();
      ECPrivateKey key = (ECPrivateKey) pair.getPrivate();
      return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"e2e\",\"x\":\"%s\",\"y\":\"%s\",\"d\":\"%s\"}"
          .formatted(
              base64Url(pub.getW().getAffineX().toByteArray()),
              base64Url(pub.getW().getAffineY().toByteArray()),
              base64Url(key.getS().toByteArray()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is always available", e);
    }
  }

  private void post(String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "POST " + path + " answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The 32-byte big-endian coordinate, without the sign byte BigInteger may add. */
  private static String base64Url(byte[] bigEndian) {
    byte[] fixed = new byte[32];
    int length = Math.min(bigEndian.length, 32);
    System.arraycopy(bigEndian, bigEndian.length - length, fixed, 32 - length, length);
    Arrays.fill(bigEndian, (byte) 0);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
  }
}
