package dev.runwright.operator.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runwright.operator.cli.Subcommand;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `runwright validate`: checks CR files offline against the generated CRD schemas and CEL rules,
 * plus references between the files, for CI on GitOps repositories. Exit code 0 when valid, 1 when
 * invalid, 2 on usage errors.
 */
public final class ValidateCommand implements Subcommand {
  static final int INVALID = 1;

  private static final String USAGE =
      """
      usage: runwright validate [-f] FILE|DIR|- ... [options]

      Validates the Runwright objects (apiVersion runwright.dev/*) in YAML files offline, as the
      apiserver would on kubectl apply: schema (types, required, enums, patterns, ranges, unknown
      fields), CEL rules, and references between the files given. Other documents are skipped.
      Directories are read recursively (*.yaml, *.yml); '-' reads standard input.

      options:
        -f, --filename PATH     a file or directory to validate (repeatable; bare paths work too)
        --previous PATH         the versions being replaced (e.g. the base branch's files): objects
                                with the same kind, namespace and name are checked for changes to
                                immutable fields (repeatable)
        --allow-missing-refs    a reference to an object that is not in the files given is a
                                warning instead of an error
        -o, --output FORMAT     text (default) or json
        -h, --help              show this help

      exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error
      """;

  private final InputStream stdin;

  public ValidateCommand() {
    this(System.in);
  }

  /** With the stream '-' reads from, for tests. */
  public ValidateCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public String summary() {
    return "validate Runwright CR files offline (schema, CEL rules, references)";
  }

  /** Parsed command line. */
  record Options(List<Path> paths, List<Path> previous, boolean allowMissingRefs, boolean json) {}

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    List<Path> paths = new ArrayList<>();
    List<Path> previous = new ArrayList<>();
    boolean allowMissingRefs = false;
    String output = "text";
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "-h", "--help" -> {
          out.print(USAGE);
          return 0;
        }
        case "--allow-missing-refs" -> allowMissingRefs = true;
        case "-f", "--filename", "--previous", "-o", "--output" -> {
          if (i + 1 >= args.size()) {
            return usage(err, "option " + arg + " needs a value");
          }
          String value = args.get(++i);
          switch (arg) {
            case "--previous" -> previous.add(Path.of(value));
            case "-o", "--output" -> output = value;
            default -> paths.add(Path.of(value));
          }
        }
        default -> {
          if (arg.startsWith("-") && !arg.equals("-")) {
            return usage(err, "unknown option " + arg);
          }
          paths.add(Path.of(arg));
        }
      }
    }
    if (!output.equals("text") && !output.equals("json")) {
      return usage(err, "--output must be text or json, not '" + output + "'");
    }
    if (paths.isEmpty()) {
      return usage(err, "no files given");
    }
    for (Path path : concat(paths, previous)) {
      if (!path.equals(ManifestReader.STDIN) && !Files.exists(path)) {
        return usage(err, "no such file or directory: " + path);
      }
    }
    Options options = new Options(paths, previous, allowMissingRefs, output.equals("json"));
    ValidationRun.Report report =
        new ValidationRun(CrdCatalog.load(), new ManifestReader(stdin), !allowMissingRefs)
            .validate(options.paths(), options.previous());
    if (options.json()) {
      printJson(report, out);
    } else {
      printText(report, out);
    }
    return report.valid() ? 0 : INVALID;
  }

  private static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static int usage(PrintStream err, String message) {
    err.println("error: " + message);
    err.println("Run 'runwright validate --help' for usage.");
    return USAGE_ERROR;
  }

  static void printText(ValidationRun.Report report, PrintStream out) {
    for (Problem problem : report.problems()) {
      StringBuilder line = new StringBuilder();
      line.append(problem.severity() == Severity.ERROR ? "error: " : "warning: ");
      line.append(problem.file());
      if (problem.document() > 0) {
        line.append(" (document ").append(problem.document()).append(')');
      }
      if (!problem.kind().isEmpty()) {
        line.append(' ').append(problem.kind()).append(' ');
        if (!problem.namespace().isEmpty()) {
          line.append(problem.namespace()).append('/');
        }
        line.append(problem.name().isEmpty() ? "<no name>" : problem.name());
      }
      line.append(": ").append(problem.fieldMessage());
      out.println(line);
    }
    out.printf(
        "%s: %d Runwright object(s) in %d file(s), %d error(s), %d warning(s)%n",
        report.valid() ? "valid" : "invalid",
        report.objects(),
        report.files(),
        report.count(Severity.ERROR),
        report.count(Severity.WARNING));
  }

  static void printJson(ValidationRun.Report report, PrintStream out) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("valid", report.valid());
    root.put("files", report.files());
    root.put("documents", report.documents());
    root.put("objects", report.objects());
    root.put("errors", report.count(Severity.ERROR));
    root.put("warnings", report.count(Severity.WARNING));
    ArrayNode problems = root.putArray("problems");
    for (Problem problem : report.problems()) {
      ObjectNode node = problems.addObject();
      node.put("severity", problem.severity().name().toLowerCase(java.util.Locale.ROOT));
      node.put("file", problem.file().toString());
      node.put("document", problem.document());
      node.put("kind", problem.kind());
      node.put("namespace", problem.namespace());
      node.put("name", problem.name());
      node.put("field", problem.field());
      node.put("message", problem.message());
    }
    out.println(root.toPrettyString());
  }
}
