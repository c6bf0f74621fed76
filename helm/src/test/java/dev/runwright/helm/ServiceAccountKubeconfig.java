package dev.runwright.helm;

import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A kubeconfig that authenticates as a ServiceAccount with a token from the TokenRequest API, as
 * the kubelet mounts one into the operator's pod, so the holder has exactly the RBAC rights bound
 * to that account.
 */
final class ServiceAccountKubeconfig {
  private static final long TOKEN_SECONDS = 3600;

  private ServiceAccountKubeconfig() {}

  /**
   * Writes the kubeconfig to {@code file}.
   *
   * @param admin a client with the right to request tokens (setup only)
   * @param namespace the ServiceAccount's namespace, also the kubeconfig's default namespace (as in
   *     a pod)
   */
  static Path write(KubernetesClient admin, String namespace, String serviceAccount, Path file) {
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withExpirationSeconds(TOKEN_SECONDS)
            .endSpec()
            .build();
    String token =
        admin
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(serviceAccount)
            .tokenRequest(request)
            .getStatus()
            .getToken();
    Config config = admin.getConfiguration();
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: e2e
            cluster:
              server: %s
              certificate-authority-data: %s
        users:
          - name: %s
            user:
              token: %s
        contexts:
          - name: e2e
            context:
              cluster: e2e
              user: %s
              namespace: %s
        current-context: e2e
        """
            .formatted(
                config.getMasterUrl(),
                caData(config),
                serviceAccount,
                token,
                serviceAccount,
                namespace);
    try {
      return Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static String caData(Config config) {
    if (config.getCaCertData() != null) {
      return config.getCaCertData();
    }
    try {
      return Base64.getEncoder()
          .encodeToString(Files.readAllBytes(Path.of(config.getCaCertFile())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the cluster CA " + config.getCaCertFile(), e);
    }
  }
}
