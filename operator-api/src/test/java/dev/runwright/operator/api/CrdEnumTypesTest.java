package dev.runwright.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * kubectl and Helm read YAML 1.1, where an unquoted {@code True} is a boolean: an enum of condition
 * statuses written that way would make the apiserver refuse every status the operator writes.
 */
class CrdEnumTypesTest {
  @Test
  void everyEnumValueInTheCommittedCrdsIsAStringForYaml11Readers() throws IOException {
    for (String file : CommittedCrdsTest.CRD_FILES) {
      Object crd = new Yaml().load(Files.readString(CommittedCrdsTest.COMMITTED.resolve(file)));
      List<Object> enumValues = new ArrayList<>();
      collectEnumValues(crd, enumValues);

      assertThat(enumValues)
          .as(file)
          .isNotEmpty()
          .allSatisfy(v -> assertThat(v).isInstanceOf(String.class));
      assertThat(enumValues).as(file).contains("True", "False", "Unknown");
    }
  }

  private static void collectEnumValues(Object node, List<Object> values) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if ("enum".equals(key) && value instanceof List<?> list) {
              values.addAll(list);
            } else {
              collectEnumValues(value, values);
            }
          });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectEnumValues(item, values));
    }
  }
}
