package dev.runwright.emulator.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedImageTest {
  @TempDir Path rootfs;

  private UnpackedImage jibImage() throws Exception {
    Files.createDirectories(rootfs.resolve("app"));
    Files.writeString(
        rootfs.resolve("app/jib-classpath-file"), "/app/resources:/app/classes:/app/libs/a.jar");
    return new UnpackedImage(
        rootfs,
        List.of("java", "-Xss512k", "-cp", "@/app/jib-classpath-file", "dev.example.Main"),
        List.of("serve"),
        List.of("A=1", "B=x=y"),
        "",
        true);
  }

  @Test
  void theEntrypointRunsWithTheLocalJdkAndTheClasspathMappedIntoTheImageDirectory()
      throws Exception {
    List<String> line = jibImage().commandLine(List.of(), List.of(), Path.of("/opt/jdk"));
    assertThat(line)
        .containsExactly(
            "/opt/jdk/bin/java",
            "-Xss512k",
            "-cp",
            "@" + rootfs.resolve("app/jib-classpath-file.local"),
            "dev.example.Main",
            "serve");
    assertThat(Files.readString(rootfs.resolve("app/jib-classpath-file.local")))
        .isEqualTo(
            rootfs + "/app/resources:" + rootfs + "/app/classes:" + rootfs + "/app/libs/a.jar");
  }

  @Test
  void containerArgsReplaceTheImageCmdAndACommandReplacesBoth() throws Exception {
    UnpackedImage image = jibImage();
    assertThat(image.commandLine(List.of(), List.of("migrate"), Path.of("/opt/jdk")))
        .endsWith("dev.example.Main", "migrate");
    assertThat(image.commandLine(List.of("/bin/echo"), List.of(), Path.of("/opt/jdk")))
        .containsExactly("/bin/echo");
  }

  @Test
  void aConfiguredCommandRunsAsItIsWithContainerArgsAppended() {
    UnpackedImage image = UnpackedImage.command(List.of("java", "-jar", "/opt/app.jar"));
    assertThat(image.commandLine(List.of(), List.of("migrate"), Path.of("/opt/jdk")))
        .containsExactly("/opt/jdk/bin/java", "-jar", "/opt/app.jar", "migrate");
  }

  @Test
  void theImageEnvironmentKeepsValuesWithEqualsSigns() throws Exception {
    assertThat(jibImage().environment()).containsEntry("A", "1").containsEntry("B", "x=y");
  }

  @Test
  void repositoriesMatchReferencesWithATagOrDigest() {
    assertThat(ImageStore.repository("runwright/jwt-service:1.0.0"))
        .isEqualTo("runwright/jwt-service");
    assertThat(ImageStore.repository("localhost:5000/jwt@sha256:abc"))
        .isEqualTo("localhost:5000/jwt");
    assertThat(ImageStore.repository("localhost:5000/jwt")).isEqualTo("localhost:5000/jwt");
  }
}
