package dev.runwright.emulator.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Images as the build wrote them: docker-archive tarballs (Jib's {@code buildTar}), unpacked once
 * into a directory each, so the artifact that runs is the artifact that was built.
 */
final class ImageStore {
  private final Map<String, Path> tarballs;
  private final Map<String, List<String>> commands;
  private final Path root;
  private final Map<Path, UnpackedImage> unpacked = new ConcurrentHashMap<>();

  ImageStore(Map<String, Path> tarballs, Map<String, List<String>> commands, Path root) {
    this.tarballs = tarballs;
    this.commands = commands;
    this.root = root;
  }

  /** The unpacked image for a reference, or a message saying why there is none. */
  UnpackedImage resolve(String reference) {
    Optional<List<String>> command =
        Optional.ofNullable(commands.get(reference))
            .or(() -> Optional.ofNullable(commands.get(repository(reference))));
    if (tarball(reference).isEmpty() && command.isPresent()) {
      return UnpackedImage.command(command.get());
    }
    Path tarball =
        tarball(reference)
            .orElseThrow(
                () ->
                    new LaunchException(
                        "Image '"
                            + reference
                            + "' not found: the local runtime knows "
                            + tarballs.keySet()
                            + " and the commands for "
                            + commands.keySet()
                            + "."));
    if (!Files.isRegularFile(tarball)) {
      throw new LaunchException(
          "Image '" + reference + "' not found: its tarball " + tarball + " does not exist.");
    }
    return unpacked.computeIfAbsent(tarball.toAbsolutePath().normalize(), this::unpack);
  }

  private Optional<Path> tarball(String reference) {
    Path exact = tarballs.get(reference);
    if (exact != null) {
      return Optional.of(exact);
    }
    return Optional.ofNullable(tarballs.get(repository(reference)));
  }

  /** {@code host/name:tag} or {@code host/name@sha256:...} without the tag or digest. */
  static String repository(String reference) {
    int at = reference.indexOf('@');
    String withoutDigest = at >= 0 ? reference.substring(0, at) : reference;
    int colon = withoutDigest.lastIndexOf(':');
    return colon > withoutDigest.lastIndexOf('/')
        ? withoutDigest.substring(0, colon)
        : withoutDigest;
  }

  /**
   * Unpacks into {@code root/<sha256 of the tarball>}, so a later run (or another emulator sharing
   * the work directory) reuses what an earlier one unpacked; a staging directory moved into place
   * at the end means a half-unpacked image is never used.
   */
  private UnpackedImage unpack(Path tarball) {
    try {
      Files.createDirectories(root);
      Path directory = root.resolve(sha256(tarball));
      if (!Files.isDirectory(directory)) {
        Path staging = Files.createTempDirectory(root, ".unpacking-");
        extract(tarball, staging);
        try {
          Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
          deleteTree(staging);
        }
      }
      return read(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack image tarball " + tarball, e);
    }
  }

  private static void extract(Path tarball, Path directory) throws IOException {
    Path archive = Files.createDirectories(directory.resolve("archive"));
    Path rootfs = Files.createDirectories(directory.resolve("rootfs"));
    untar(tarball, archive, false);
    for (JsonElement layer : manifest(archive).getAsJsonArray("Layers")) {
      untar(archive.resolve(layer.getAsString()), rootfs, true);
    }
  }

  private static UnpackedImage read(Path directory) throws IOException {
    Path archive = directory.resolve("archive");
    JsonObject config =
        JsonParser.parseString(
                Files.readString(archive.resolve(manifest(archive).get("Config").getAsString())))
            .getAsJsonObject()
            .getAsJsonObject("config");
    return new UnpackedImage(
        directory.resolve("rootfs"),
        strings(config.get("Entrypoint")),
        strings(config.get("Cmd")),
        strings(config.get("Env")),
        config.has("WorkingDir") ? config.get("WorkingDir").getAsString() : "",
        true);
  }

  private static JsonObject manifest(Path archive) throws IOException {
    return JsonParser.parseString(Files.readString(archive.resolve("manifest.json")))
        .getAsJsonArray()
        .get(0)
        .getAsJsonObject();
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static void untar(Path tarball, Path into, boolean gzip) throws IOException {
    List<String> command = new ArrayList<>(List.of("tar", "--warning=no-unknown-keyword", "-x"));
    if (gzip) {
      command.add("-z");
    }
    command.addAll(List.of("-f", tarball.toString(), "-C", into.toString()));
    Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
        throw new IOException("tar failed on " + tarball + ": " + output.strip());
      }
    } catch (InterruptedException e) {
      tar.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while unpacking " + tarball, e);
    }
  }

  private static List<String> strings(JsonElement element) {
    if (element == null || element.isJsonNull()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (JsonElement e : (JsonArray) element) {
      values.add(e.getAsString());
    }
    return List.copyOf(values);
  }
}
