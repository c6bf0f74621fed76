package dev.runwright.operator.api;

import dev.runwright.operator.api.cloudrun.CloudRunService;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.migration.MigrationJob;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build step: puts the generated printer columns in the order they are declared on the CR class
 * (fabric8's generator sorts them by JSON path, which would show AGE first in {@code kubectl get}).
 * Runs after generation and before the tests, so crds/ and the jar carry the same order.
 */
public final class PrinterColumnOrder {
  private static final Pattern COLUMNS =
      Pattern.compile("(?m)^  - additionalPrinterColumns:\\n((?:    - .*\\n(?:      .*\\n)*)+)");
  private static final Pattern COLUMN = Pattern.compile("(?m)^    - (?:.*\\n)(?:      .*\\n)*");
  private static final Pattern NAME = Pattern.compile("(?m)^      name: \"?([^\"\\n]*)\"?$");

  private PrinterColumnOrder() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]);
    for (Class<? extends HasMetadata> kind :
        List.of(CloudSqlDatabase.class, MigrationJob.class, CloudRunService.class)) {
      Path crd =
          directory.resolve(
              HasMetadata.getPlural(kind) + "." + HasMetadata.getGroup(kind) + "-v1.yml");
      Files.writeString(crd, reorder(Files.readString(crd), declaredOrder(kind)));
    }
  }

  static List<String> declaredOrder(Class<?> kind) {
    return Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::name)
        .toList();
  }

  static String reorder(String crd, List<String> order) {
    Matcher block = COLUMNS.matcher(crd);
    if (!block.find()) {
      throw new IllegalStateException("no additionalPrinterColumns block in the generated CRD");
    }
    List<String> columns = new ArrayList<>();
    Matcher column = COLUMN.matcher(block.group(1));
    while (column.find()) {
      columns.add(column.group());
    }
    columns.sort(Comparator.comparingInt(c -> position(order, c)));
    return crd.substring(0, block.start(1))
        + String.join("", columns)
        + crd.substring(block.end(1));
  }

  private static int position(List<String> order, String column) {
    Matcher name = NAME.matcher(column);
    int index = name.find() ? order.indexOf(name.group(1).trim()) : -1;
    if (index < 0) {
      throw new IllegalStateException("printer column not declared on the class: " + column);
    }
    return index;
  }
}
