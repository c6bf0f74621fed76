package dev.runwright.operator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of the invalid-CR corpus is refused offline with exactly its expected error. */
class InvalidCrCorpusTest {
  private static final CrdCatalog CATALOG = CrdCatalog.load();
  private static final ManifestReader READER = new ManifestReader(System.in);

  static Stream<InvalidCrCorpus.Case> cases() {
    return InvalidCrCorpus.cases().stream();
  }

  @Test
  void corpusIsLargeAndCoversUpdates() {
    List<InvalidCrCorpus.Case> cases = InvalidCrCorpus.cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    assertThat(cases).filteredOn(InvalidCrCorpus.Case::isUpdate).hasSizeGreaterThanOrEqualTo(10);
    assertThat(cases)
        .extracting(c -> c.file().getFileName().toString().substring(0, 3))
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithItsExpectedError(InvalidCrCorpus.Case corpusCase) {
    ManifestValidator validator = new ManifestValidator(CATALOG);
    Optional<Manifest> old = corpusCase.oldFile().map(InvalidCrCorpusTest::single);
    old.ifPresent(
        o ->
            assertThat(validator.validate(o, Optional.empty()))
                .as("the old version of an update case must itself be valid")
                .isEmpty());

    List<Problem> problems = validator.validate(single(corpusCase.file()), old);

    List<Problem> meaningful =
        problems.stream()
            .filter(p -> !p.message().equals(ManifestValidator.RULES_NOT_CHECKED))
            .toList();
    assertThat(meaningful)
        .as("exactly one error, so each case tests one rule")
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.severity()).isEqualTo(Severity.ERROR);
              assertThat(problem.field()).isEqualTo(corpusCase.field());
              assertThat(problem.message()).contains(corpusCase.message());
            });
  }

  static Stream<InvalidCrCorpus.Case> updateCases() {
    return cases().filter(InvalidCrCorpus.Case::isUpdate);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updateCases")
  void updateCaseIsValidAsACreate(InvalidCrCorpus.Case corpusCase) {
    // Only the change is wrong: created from scratch the same object is valid.
    assertThat(new ManifestValidator(CATALOG).validate(single(corpusCase.file()), Optional.empty()))
        .isEmpty();
  }

  private static Manifest single(Path file) {
    ManifestReader.Result result = READER.read(List.of(file));
    assertThat(result.problems()).isEmpty();
    assertThat(result.manifests()).as("one object per corpus file").hasSize(1);
    return result.manifests().get(0);
  }
}
