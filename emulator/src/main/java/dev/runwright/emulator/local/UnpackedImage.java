package dev.runwright.emulator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image's files under {@code rootfs} and its configuration. Absolute paths of the image ({@code
 * /app/...}) are mapped into {@code rootfs} ({@code mapsPaths}; not for a configured command, which
 * runs on the host as it is); {@code java} is the local JDK's.
 */
record UnpackedImage(
    Path rootfs,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    String workingDir,
    boolean mapsPaths) {

  /** A configured command line standing in for an image, run in the current directory. */
  static UnpackedImage command(List<String> commandLine) {
    return new UnpackedImage(
        Path.of("").toAbsolutePath(), commandLine, List.of(), List.of(), "", false);
  }

  /**
   * The command line a container runs, as Cloud Run builds it: the container's {@code command}
   * replaces the entrypoint, its {@code args} replace the image's {@code Cmd}.
   */
  List<String> commandLine(List<String> command, List<String> args, Path javaHome) {
    List<String> line = new ArrayList<>(command.isEmpty() ? entrypoint : command);
    line.addAll(!args.isEmpty() || !command.isEmpty() ? args : cmd);
    if (line.isEmpty()) {
      throw new LaunchException("The image has no entrypoint and the container no command.");
    }
    List<String> local = new ArrayList<>();
    for (int i = 0; i < line.size(); i++) {
      String arg = line.get(i);
      if (i == 0 && (arg.equals("java") || arg.endsWith("/bin/java"))) {
        local.add(javaHome.resolve("bin/java").toString());
      } else if (!mapsPaths) {
        local.add(arg);
      } else if (arg.startsWith("@/")) {
        local.add("@" + localArgumentFile(arg.substring(1)));
      } else if (arg.startsWith("/") && Files.exists(inImage(arg))) {
        local.add(inImage(arg).toString());
      } else {
        local.add(arg);
      }
    }
    return List.copyOf(local);
  }

  /** The image's own environment ({@code NAME=value} entries). */
  Map<String, String> environment() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String entry : env) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        values.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return values;
  }

  Path workingDirectory() {
    return workingDir.isEmpty() ? rootfs : inImage(workingDir);
  }

  private Path inImage(String absolute) {
    return rootfs.resolve(absolute.substring(1));
  }

  /**
   * A Java argument file (Jib's {@code @/app/jib-classpath-file}) with the image's absolute paths
   * mapped into {@code rootfs}, written next to the original.
   */
  private Path localArgumentFile(String absolute) {
    Path original = inImage(absolute);
    Path local = original.resolveSibling(original.getFileName() + ".local");
    try {
      if (!Files.exists(local)) {
        String prefix = rootfs.toString();
        String content =
            Files.readString(original)
                .replaceAll(
                    "(^|[\\s:\"])/(?=[^\\s:\"]+)",
                    "$1" + java.util.regex.Matcher.quoteReplacement(prefix) + "/");
        Files.writeString(local, content);
      }
      return local;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + absolute + " of the image", e);
    }
  }
}
