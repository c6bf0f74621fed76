package dev.runwright.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K8sBinariesTest {

  @TempDir Path testDir;

  @Test
  void picksTheNewestCompleteDirectory() throws IOException {
    binaries("1.37.9", List.of("kube-apiserver", "etcd", "kubectl", "helm"));
    binaries("1.37.10", List.of("kube-apiserver", "etcd", "kubectl", "helm"));
    binaries("1.38.0", List.of("kube-apiserver", "etcd", "kubectl")); // no helm: incomplete

    K8sBinaries found = K8sBinaries.locate(Map.of("KUBE_API_TEST_DIR", testDir.toString()));

    assertThat(found.version()).isEqualTo("1.37.10");
    assertThat(found.kubeApiServer())
        .isEqualTo(testDir.resolve("k8s/1.37.10-linux-amd64/kube-apiserver"));
    assertThat(found.helm()).isEqualTo(testDir.resolve("k8s/1.37.10-linux-amd64/helm"));
  }

  @Test
  void missingBinariesFailWithTheInstallCommand() throws IOException {
    binaries("1.37.2", List.of("kube-apiserver", "etcd"));

    assertThatThrownBy(() -> K8sBinaries.locate(Map.of("KUBE_API_TEST_DIR", testDir.toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(testDir.resolve("k8s").toString())
        .hasMessageContaining("scripts/k8s-binaries.sh");
  }

  @Test
  void versionsCompareNumerically() {
    assertThat(K8sBinaries.compareVersions("1.37.10", "1.37.9")).isPositive();
    assertThat(K8sBinaries.compareVersions("1.36.3", "1.37.0")).isNegative();
    assertThat(K8sBinaries.compareVersions("1.37.2", "1.37.2")).isZero();
  }

  private void binaries(String version, List<String> names) throws IOException {
    Path dir = Files.createDirectories(testDir.resolve("k8s").resolve(version + "-linux-amd64"));
    for (String name : names) {
      Files.writeString(dir.resolve(name), "#!/bin/sh\n");
      Files.setPosixFilePermissions(
          dir.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
