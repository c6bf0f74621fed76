package dev.runwright.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kube-apiserver, etcd, kubectl and helm binaries that {@code scripts/k8s-binaries.sh}
 * provides, in the layout fabric8 kube-api-test reads: {@code <testDir>/k8s/<X.Y.Z>-linux-amd64/}.
 *
 * @param testDir the kube-api-test directory (binaries, generated certificates)
 * @param binDir the directory holding the four binaries
 * @param version the Kubernetes version of kube-apiserver and kubectl (the directory's X.Y.Z)
 */
public record K8sBinaries(Path testDir, Path binDir, String version) {

  /** The command that builds the binaries; every failure message names it. */
  public static final String INSTALL_COMMAND = "scripts/k8s-binaries.sh (or: make k8s-binaries)";

  static final String TEST_DIR_VARIABLE = "KUBE_API_TEST_DIR";
  private static final String PLATFORM_SUFFIX = "-linux-amd64";
  private static final List<String> REQUIRED = List.of("kube-apiserver", "etcd", "kubectl", "helm");

  /**
   * Finds the newest complete binary directory under {@code $KUBE_API_TEST_DIR} (default {@code
   * ~/.cache/runwright}, where the script puts them).
   *
   * @throws IllegalStateException naming the install command when none is complete (tests must
   *     fail, not skip)
   */
  public static K8sBinaries locate(Map<String, String> environment) {
    Path testDir =
        Optional.ofNullable(environment.get(TEST_DIR_VARIABLE))
            .filter(dir -> !dir.isBlank())
            .map(Path::of)
            .orElse(Path.of(System.getProperty("user.home"), ".cache", "runwright"));
    Path k8sDir = testDir.resolve("k8s");
    Optional<Path> newest = newestCompleteDirectory(k8sDir);
    if (newest.isEmpty()) {
      throw new IllegalStateException(
          "No complete set of Kubernetes test binaries ("
              + String.join(", ", REQUIRED)
              + ") under "
              + k8sDir
              + "/<X.Y.Z>"
              + PLATFORM_SUFFIX
              + ". Build them (offline, cached; the first time takes 10-20+ minutes) with: "
              + INSTALL_COMMAND
              + ", then export "
              + TEST_DIR_VARIABLE
              + " if you used a cache other than ~/.cache/runwright.");
    }
    Path binDir = newest.get();
    String name = binDir.getFileName().toString();
    return new K8sBinaries(
        testDir, binDir, name.substring(0, name.length() - PLATFORM_SUFFIX.length()));
  }

  public Path kubeApiServer() {
    return binDir.resolve("kube-apiserver");
  }

  public Path etcd() {
    return binDir.resolve("etcd");
  }

  public Path kubectl() {
    return binDir.resolve("kubectl");
  }

  public Path helm() {
    return binDir.resolve("helm");
  }

  private static Optional<Path> newestCompleteDirectory(Path k8sDir) {
    if (!Files.isDirectory(k8sDir)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(k8sDir)) {
      return dirs.filter(dir -> dir.getFileName().toString().endsWith(PLATFORM_SUFFIX))
          .filter(K8sBinaries::isComplete)
          .max(Comparator.comparing(K8sBinaries::versionOf, K8sBinaries::compareVersions));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + k8sDir, e);
    }
  }

  private static boolean isComplete(Path dir) {
    return REQUIRED.stream().map(dir::resolve).allMatch(Files::isExecutable);
  }

  private static String versionOf(Path dir) {
    String name = dir.getFileName().toString();
    return name.substring(0, name.length() - PLATFORM_SUFFIX.length());
  }

  /**
   * Numeric comparison of X.Y.Z, so 1.37.10 is newer than 1.37.9 (as kube-api-test orders them).
   */
  static int compareVersions(String left, String right) {
    String[] a = left.split("\\.");
    String[] b = right.split("\\.");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int difference = Integer.compare(part(a, i), part(b, i));
      if (difference != 0) {
        return difference;
      }
    }
    return 0;
  }

  private static int part(String[] parts, int index) {
    if (index >= parts.length) {
      return 0;
    }
    try {
      return Integer.parseInt(parts[index]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
