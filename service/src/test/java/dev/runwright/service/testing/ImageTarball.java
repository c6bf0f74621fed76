package dev.runwright.service.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads a docker-archive image tarball as Jib writes it: manifest, config and layer contents. */
public final class ImageTarball {
  private final Map<String, byte[]> outer;
  private final JsonNode manifest;
  private final JsonNode config;

  private ImageTarball(Map<String, byte[]> outer) throws IOException {
    ObjectMapper json = new ObjectMapper();
    this.outer = outer;
    this.manifest = json.readTree(outer.get("manifest.json")).get(0);
    this.config = json.readTree(outer.get(manifest.get("Config").asText()));
  }

  public static ImageTarball read(Path tarball) throws IOException {
    try (InputStream in = Files.newInputStream(tarball)) {
      return new ImageTarball(entries(in));
    }
  }

  public JsonNode manifest() {
    return manifest;
  }

  public JsonNode config() {
    return config;
  }

  /** Every file of every layer, by absolute path (later layers win), with its content. */
  public Map<String, byte[]> files() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (JsonNode layer : manifest.get("Layers")) {
      byte[] compressed = outer.get(layer.asText());
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
        entries(in).forEach((name, content) -> files.put("/" + name, content));
      }
    }
    return files;
  }

  public List<String> layerDigests() {
    List<String> digests = new ArrayList<>();
    manifest.get("Layers").forEach(l -> digests.add(l.asText()));
    return digests;
  }

  /** Regular files of a (ustar/pax) tar stream; directories are left out. */
  private static Map<String, byte[]> entries(InputStream in) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    String paxPath = null;
    while (true) {
      byte[] header = in.readNBytes(512);
      if (header.length < 512 || header[0] == 0) {
        return entries;
      }
      String name = field(header, 0, 100);
      String prefix = field(header, 345, 155);
      long size = Long.parseLong(field(header, 124, 12).trim(), 8);
      char type = (char) header[156];
      byte[] content = in.readNBytes((int) size);
      in.skipNBytes((512 - size % 512) % 512);
      if (type == 'x') {
        paxPath = paxValue(content, "path");
        continue;
      }
      String path = paxPath != null ? paxPath : (prefix.isEmpty() ? name : prefix + "/" + name);
      paxPath = null;
      if (type == '0' || type == 0) {
        entries.put(path, content);
      }
    }
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String paxValue(byte[] records, String key) {
    for (String line : new String(records, StandardCharsets.UTF_8).split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith(key + "=", space + 1)) {
        return line.substring(space + 2 + key.length());
      }
    }
    return null;
  }
}
