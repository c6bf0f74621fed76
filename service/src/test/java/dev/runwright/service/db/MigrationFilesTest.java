package dev.runwright.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationFilesTest {
  @Test
  void expectedVersionIsTheNewestMigration() throws Exception {
    Pattern name = Pattern.compile("V(\\d+)__\\w+\\.sql");
    Path dir = dir();
    try (Stream<Path> files = Files.list(dir)) {
      int newest =
          files
              .map(p -> name.matcher(p.getFileName().toString()))
              .filter(Matcher::matches)
              .map(m -> Integer.parseInt(m.group(1)))
              .max(Comparator.naturalOrder())
              .orElseThrow();
      assertThat(Migrations.EXPECTED_VERSION).isEqualTo(Integer.toString(newest));
    }
  }

  private static Path dir() throws URISyntaxException {
    return Path.of(MigrationFilesTest.class.getResource("/db/migration").toURI());
  }
}
