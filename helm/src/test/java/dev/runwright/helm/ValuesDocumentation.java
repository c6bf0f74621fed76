package dev.runwright.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented values of the chart: every {@code # -- description} comment in values.yaml and the
 * key it stands above (the helm-docs convention), with the key's default read from the YAML.
 */
final class ValuesDocumentation {
  static final String TABLE_START = "<!-- values-table:start (generated from values.yaml) -->";
  static final String TABLE_END = "<!-- values-table:end -->";

  private static final Pattern DOC_START = Pattern.compile("^\\s*# -- (.*)$");
  private static final Pattern DOC_CONTINUATION = Pattern.compile("^\\s*# ?(.*)$");
  private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_.-]+):.*$");
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One documented value: dotted key, default as compact JSON, description. */
  record Entry(String key, String defaultJson, String description) {}

  private final List<Entry> entries;
  private final JsonNode values;

  private ValuesDocumentation(List<Entry> entries, JsonNode values) {
    this.entries = List.copyOf(entries);
    this.values = values;
  }

  static ValuesDocumentation read(Path valuesYaml) {
    try {
      String text = Files.readString(valuesYaml);
      JsonNode values = new YAMLMapper().readTree(text);
      return new ValuesDocumentation(parse(text, values), values);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + valuesYaml, e);
    }
  }

  List<Entry> entries() {
    return entries;
  }

  /**
   * Leaf values (scalars, lists, empty maps) that neither they nor a parent map is documented; the
   * chart's promise is that there are none.
   */
  List<String> undocumentedLeaves() {
    List<String> leaves = new ArrayList<>();
    collectLeaves("", values, leaves);
    return leaves.stream()
        .filter(
            leaf ->
                entries.stream()
                    .noneMatch(e -> leaf.equals(e.key()) || leaf.startsWith(e.key() + ".")))
        .toList();
  }

  /**
   * The Markdown table the chart README carries between {@link #TABLE_START} and {@link
   * #TABLE_END}.
   */
  String markdownTable() {
    StringBuilder table = new StringBuilder();
    table.append("| Key | Default | Description |\n|---|---|---|\n");
    for (Entry entry : entries) {
      table
          .append("| `")
          .append(entry.key())
          .append("` | `")
          .append(cell(entry.defaultJson()))
          .append("` | ")
          .append(cell(entry.description()))
          .append(" |\n");
    }
    return table.toString();
  }

  /** {@code readme} with its generated section replaced by the current table. */
  String updatedReadme(String readme) {
    int start = readme.indexOf(TABLE_START);
    int end = readme.indexOf(TABLE_END);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "the chart README has no section between " + TABLE_START + " and " + TABLE_END);
    }
    return readme.substring(0, start + TABLE_START.length())
        + "\n"
        + markdownTable()
        + readme.substring(end);
  }

  private static List<Entry> parse(String text, JsonNode values) {
    List<Entry> entries = new ArrayList<>();
    Deque<Map.Entry<Integer, String>> parents = new ArrayDeque<>();
    StringBuilder pending = null;
    for (String line : text.split("\n", -1)) {
      Matcher doc = DOC_START.matcher(line);
      Matcher key = KEY.matcher(line);
      if (doc.matches()) {
        pending = new StringBuilder(doc.group(1).strip());
      } else if (line.isBlank()) {
        pending = null;
      } else if (line.stripLeading().startsWith("#")) {
        Matcher continuation = DOC_CONTINUATION.matcher(line);
        if (pending != null && continuation.matches()) {
          pending.append(' ').append(continuation.group(1).strip());
        }
      } else if (key.matches()) {
        int indent = key.group(1).length();
        while (!parents.isEmpty() && parents.peek().getKey() >= indent) {
          parents.pop();
        }
        parents.push(Map.entry(indent, key.group(2)));
        if (pending != null) {
          List<String> path = new ArrayList<>();
          parents.descendingIterator().forEachRemaining(p -> path.add(p.getValue()));
          String dotted = String.join(".", path);
          JsonNode value = values.at("/" + String.join("/", path));
          if (value.isMissingNode()) {
            throw new IllegalStateException("documented key " + dotted + " has no value");
          }
          entries.add(new Entry(dotted, compactJson(value), pending.toString()));
          pending = null;
        }
      } else {
        pending = null;
      }
    }
    return entries;
  }

  private static void collectLeaves(String prefix, JsonNode node, List<String> leaves) {
    if (node.isObject() && !node.isEmpty()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        collectLeaves(
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(),
            leaves);
      }
    } else {
      leaves.add(prefix);
    }
  }

  private static String compactJson(JsonNode value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
