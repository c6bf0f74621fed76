package dev.runwright.operator.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One `validate` run over a set of files: the Java entry point the CLI and tests share. */
public final class ValidationRun {
  private final CrdCatalog catalog;
  private final ManifestReader reader;
  private final boolean missingReferencesAreErrors;

  public ValidationRun(
      CrdCatalog catalog, ManifestReader reader, boolean missingReferencesAreErrors) {
    this.catalog = catalog;
    this.reader = reader;
    this.missingReferencesAreErrors = missingReferencesAreErrors;
  }

  /** The outcome: every problem found, plus what was looked at. */
  public record Report(int files, int documents, int objects, List<Problem> problems) {
    public boolean valid() {
      return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
    }

    public long count(Severity severity) {
      return problems.stream().filter(p -> p.severity() == severity).count();
    }
  }

  /**
   * Validates the Runwright objects in {@code paths}; objects in {@code previousPaths} with the
   * same kind, namespace and name are treated as the versions being replaced (immutable fields).
   */
  public Report validate(List<Path> paths, List<Path> previousPaths) {
    ManifestReader.Result current = reader.read(paths);
    ManifestReader.Result previous = reader.read(previousPaths);
    List<Problem> problems = new ArrayList<>(current.problems());
    problems.addAll(previous.problems());

    Map<String, Manifest> previousByIdentity = new LinkedHashMap<>();
    previous.manifests().stream()
        .filter(CrdCatalog::isOurs)
        .forEach(m -> previousByIdentity.putIfAbsent(m.identity(), m));

    ManifestValidator validator = new ManifestValidator(catalog);
    List<Manifest> ours = current.manifests().stream().filter(CrdCatalog::isOurs).toList();
    for (Manifest manifest : ours) {
      problems.addAll(
          validator.validate(
              manifest, Optional.ofNullable(previousByIdentity.get(manifest.identity()))));
    }
    problems.addAll(new ReferenceCheck(missingReferencesAreErrors).check(ours));
    problems.sort(
        Comparator.comparing((Problem p) -> p.file().toString())
            .thenComparingInt(Problem::document));
    return new Report(
        ManifestReader.expand(paths).size(), current.manifests().size(), ours.size(), problems);
  }
}
