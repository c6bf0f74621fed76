package dev.runwright.operator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.testsupport.CommandResult;
import dev.runwright.testsupport.KubeCommandLine;
import dev.runwright.testsupport.TestNamespace;
import dev.runwright.testsupport.WithKubeApiServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offline {@code validate} command and the real apiserver ({@code kubectl apply
 * --dry-run=server}) give the same verdict on every case of the invalid-CR corpus, naming the same
 * field and message; the valid old versions of update cases are accepted by both.
 */
@WithKubeApiServer
class ApiServerAgreementIT {

  static Stream<InvalidCrCorpus.Case> cases() {
    return InvalidCrCorpus.cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validateAndApiServerRefuseTheCaseAlike(
      InvalidCrCorpus.Case corpusCase, KubeCommandLine cli, TestNamespace namespace) {
    if (corpusCase.isUpdate()) {
      Path old = corpusCase.oldFile().orElseThrow();
      assertThat(validate(old)).as("validate accepts " + old.getFileName()).startsWith("0\n");
      cli.kubectl("apply", "-n", namespace.name(), "-f", old.toString()).assertSuccess();
    }

    String offline = validate(corpusCase.file(), corpusCase.oldFile().stream().toList());
    CommandResult apiServer =
        cli.kubectl(
            "apply",
            "--dry-run=server",
            "-n",
            namespace.name(),
            "-f",
            corpusCase.file().toString());

    assertThat(offline)
        .as("validate refuses %s", corpusCase)
        .startsWith(ValidateCommand.INVALID + "\n")
        .contains(corpusCase.field(), corpusCase.message());
    assertThat(apiServer.succeeded()).as(apiServer.describe()).isFalse();
    assertThat(apiServer.stderr())
        .as("the apiserver's error for %s", corpusCase)
        .contains(corpusCase.field(), corpusCase.message());
  }

  private static String validate(Path file) {
    return validate(file, List.of());
  }

  /**
   * Runs `runwright validate FILE [--previous OLD]`; returns the exit code, a newline, and its
   * output.
   */
  private static String validate(Path file, List<Path> previous) {
    List<String> args = new ArrayList<>(List.of(file.toString(), "--allow-missing-refs"));
    previous.forEach(old -> args.addAll(List.of("--previous", old.toString())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        new ValidateCommand(new ByteArrayInputStream(new byte[0]))
            .run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    return exit + "\n" + out.toString(StandardCharsets.UTF_8);
  }
}
