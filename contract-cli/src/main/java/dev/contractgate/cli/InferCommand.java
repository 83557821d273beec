package dev.contractgate.cli;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.DeployCheck;
import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.DiffReports;
import dev.contractgate.diff.Severity;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.infer.InferOptions;
import dev.contractgate.infer.InferSummary;
import dev.contractgate.infer.Inference;
import dev.contractgate.infer.InferredVersion;
import dev.contractgate.record.Redaction;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.SemVer;
import dev.contractgate.report.Report;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "infer",
    description = {
      "Write a contract version from recorded traffic (NDJSON recordings, HAR files, WireMock directories):"
          + " DIR/NS/V/endpoints.yaml with one endpoint per method and path template, one schema per endpoint and"
          + " status, and DIR/NS/namespace.yaml when the namespace has none (auth header and session cookie names,"
          + " never values). Run it once per namespace into the same tree.",
      "With --from NS@V it proposes the next version of an existing contract instead: widened only where the"
          + " recordings show values it rejects, with the endpoints and statuses it lacks added, and prints the"
          + " diff report V -> V2 for every consumer.",
      "Every inferred constraint carries its evidence (x-inferred sample counts); the rules and thresholds are in"
          + " docs/infer.md. Recordings that cannot be used are counted and shown, never fatal. All or nothing:"
          + " the files are written beside the target, loaded as a contract tree, and moved into place."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the version was written (problems with single recordings are reported, not fatal)",
      "2:usage error",
      "3:nothing usable under the base path, the version exists (use --force), the tree is not writable, or"
          + " the contract of --from cannot be read"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  contract-gate infer --recordings session.har --namespace ivanpin --base-path /api/ivanpin/services/"
          + " --version 1.0.0 --out contracts/src/main/contracts",
      "  contract-gate infer --recordings target/recordings --from ivanpin@1.2.0 --version 1.3.0"
          + " --contracts contracts/src/main/contracts"
    })
final class InferCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin HelpOption help;
  @Mixin ReportOptions reports;

  @Option(names = "--recordings", required = true, arity = "1..*", paramLabel = "PATH",
      description = "NDJSON files (.ndjson, .jsonl), HAR files (.har) or WireMock directories; a directory of"
          + " NDJSON recordings is read file by file. Repeat or list several.")
  List<Path> recordings = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "The namespace id ([a-z][a-z0-9-]*).")
  String namespace;

  @Option(names = "--base-path", paramLabel = "P",
      description = "The namespace's base path, e.g. /api/ivanpin/services/; exchanges outside it are counted and"
          + " ignored. With --from: the namespace's own.")
  String basePath;

  @Option(names = "--version", required = true, paramLabel = "V", description = "The version to write, e.g. 1.0.0.")
  String version;

  @Option(names = "--out", paramLabel = "DIR",
      description = "The root of the contract tree to write into. With --from: default and only choice --contracts.")
  Path out;

  @Option(names = "--from", paramLabel = "NS@V",
      description = "Propose the next version of this one (read from --contracts).")
  String from;

  @Option(names = "--contracts", paramLabel = "DIR", description = "The contract tree of --from.")
  Path contracts;

  @Option(names = "--force", description = "Replace the version folder if it exists.")
  boolean force;

  @Option(names = "--auth-header", paramLabel = "NAME",
      description = "The request header that carries the token (default: the credential header most HAR requests"
          + " under the base path carry; NDJSON holds no request headers).")
  String authHeader;

  @Option(names = "--token-env", paramLabel = "VAR",
      description = "The environment variable that will hold the token (default: NS_API_TOKEN). Its value, when"
          + " set, is masked in every file written.")
  String tokenEnv;

  @Option(names = "--description", paramLabel = "TEXT", description = "The description of a new namespace.yaml.")
  String description;

  @Option(names = "--redact-field", paramLabel = "NAME",
      description = "Also mask this JSON field or query parameter (besides password, token, email ...); repeat.")
  List<String> redactFields = new ArrayList<>();

  @Option(names = "--min-format-samples", paramLabel = "N", defaultValue = "" + InferOptions.MIN_FORMAT_SAMPLES,
      description = "format (date-time, date, email, uri, uuid) only with at least N values, all matching"
          + " (default: ${DEFAULT-VALUE}).")
  int minFormatSamples;

  @Option(names = "--min-enum-samples", paramLabel = "N", defaultValue = "" + InferOptions.MIN_ENUM_SAMPLES,
      description = "enum only for strings seen at least N times (default: ${DEFAULT-VALUE}).")
  int minEnumSamples;

  @Option(names = "--max-enum-values", paramLabel = "N", defaultValue = "" + InferOptions.MAX_ENUM_VALUES,
      description = "... with 2 to N distinct values; 0 turns enums off (default: ${DEFAULT-VALUE}).")
  int maxEnumValues;

  @Option(names = "--min-slug-values", paramLabel = "N", defaultValue = "" + InferOptions.MIN_SLUG_VALUES,
      description = "Sibling path segments that look like slugs become {slug} from N distinct values on"
          + " (default: ${DEFAULT-VALUE}).")
  int minSlugValues;

  @Option(names = "--min-map-keys", paramLabel = "N", defaultValue = "" + InferOptions.MIN_MAP_KEYS,
      description = "An object with N or more distinct keys, none in every sample, is a map (default:"
          + " ${DEFAULT-VALUE}); objects keyed by integers or UUIDs always are.")
  int minMapKeys;

  @Option(names = "--max-properties", paramLabel = "N", defaultValue = "" + InferOptions.MAX_PROPERTIES,
      description = "Distinct keys kept per object place before it is a map (default: ${DEFAULT-VALUE}).")
  int maxProperties;

  @Option(names = "--max-path-values", paramLabel = "N", defaultValue = "" + InferOptions.MAX_PATH_VALUES,
      description = "Distinct path segments kept per position before they are a parameter (default:"
          + " ${DEFAULT-VALUE}).")
  int maxPathValues;

  @Option(names = "--max-depth", paramLabel = "N", defaultValue = "" + InferOptions.MAX_DEPTH,
      description = "Bodies nested deeper are counted and skipped (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "" + InferOptions.MAX_BODY_BYTES,
      description = "Larger bodies are counted and skipped (default: ${DEFAULT-VALUE}).")
  long maxBodyBytes;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
  Integer threads;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD",
      description = "With --from: the date sunsets are judged against in the diff report (default: today).")
  LocalDate today;

  @CommandLine.ParentCommand RootCommand root;

  @Override
  public Integer call() {
    reports.validate(spec.commandLine());
    InferOptions options;
    try {
      options = new InferOptions(minFormatSamples, minEnumSamples, maxEnumValues, minSlugValues, minMapKeys,
          maxProperties, maxPathValues, maxDepth, maxBodyBytes);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      int space = m.indexOf(' ');
      throw usage("--" + m.substring(0, space).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT)
          + m.substring(space));
    }
    ContractRegistry registry = null;
    String fromVersion = null;
    if (from != null) {
      int at = from.indexOf('@');
      if (at <= 0 || at == from.length() - 1) {
        throw usage("--from must name a namespace and version as NS@V, e.g. ivanpin@1.2.0: \"" + from + "\"");
      }
      if (namespace != null && !namespace.equals(from.substring(0, at))) {
        throw usage("--namespace " + namespace + " and --from " + from + " name different namespaces");
      }
      namespace = from.substring(0, at);
      fromVersion = from.substring(at + 1);
      if (contracts == null) {
        throw usage("--from needs --contracts DIR: the tree that holds " + from + " and receives the proposal");
      }
      if (out != null && !out.toAbsolutePath().normalize().equals(contracts.toAbsolutePath().normalize())) {
        throw usage("with --from the proposal goes into the --contracts tree, beside " + from
            + " and its consumers: drop --out");
      }
      out = contracts;
      registry = ContractRegistry.load(contracts);
      Namespace ns = registry.requireNamespace(namespace);
      registry.requireVersion(namespace, fromVersion);
      if (basePath != null && !sameBase(basePath, ns.basePath())) {
        throw usage("--base-path " + basePath + " is not the base path of " + namespace + " (" + ns.basePath() + ")");
      }
      basePath = ns.basePath();
    }
    if (namespace == null) {
      throw usage("Missing required option: '--namespace=NS' (or --from NS@V)");
    }
    if (basePath == null) {
      throw usage("Missing required option: '--base-path=P', e.g. /api/" + namespace + "/");
    }
    if (out == null) {
      throw usage("Missing required option: '--out=DIR', the root of the contract tree to write into");
    }
    Inference.Builder builder;
    try {
      builder = Inference.builder(namespace, basePath, version).options(options)
          .redaction(Redaction.defaults().withFields(redactFields)).authHeader(authHeader).tokenEnv(tokenEnv)
          .description(description).secrets(secrets(registry));
      if (threads != null) {
        builder.threads(threads);
      }
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (registry != null) {
      builder.from(registry, fromVersion);
    }
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> inputs = DriftCommand.expand(recordings);
    if (!reports.quiet) {
      err.println("Reading " + inputs.size() + (inputs.size() == 1 ? " recording source" : " recording sources") + " ...");
      err.flush();
    }
    InferredVersion v = builder.build().run(inputs);
    // The run's redactor (built before anything was read), taught the tree's tokens when there is a tree.
    Redactor redactor = Redactor.of(spec);
    if (registry != null) {
      redactor.learn(registry, root.environment);
    }
    if (v.summary().exchanges() == 0) {
      print(w, v, null, redactor);
      throw new CommandFailure(ExitCodes.INPUT, "Nothing to infer: no recorded exchange under " + v.basePath()
          + " could be used (" + v.summary().entries() + " read, " + v.summary().outsideBasePath()
          + " outside the base path). Check --base-path and the recordings; nothing was written.");
    }
    Path written = v.writeTo(out, force);
    print(w, v, written, redactor);
    if (registry != null) {
      proposalReport(fromVersion, w, err);
    } else {
      w.println("Next: review the files (every x-inferred says how many samples a constraint rests on), then");
      w.println("  contract-gate list --contracts " + out);
      w.println("  contract-gate drift --contracts " + out + " --namespace " + namespace + " --recordings "
          + String.join(" ", recordings.stream().map(Path::toString).toList()));
    }
    w.flush();
    return ExitCodes.OK;
  }

  /** V -> V2 for the namespace, then per consumer whether the proposal is safe to deploy. */
  private void proposalReport(String fromVersion, PrintWriter w, PrintWriter err) {
    ContractRegistry tree = ContractRegistry.load(out);
    DiffPolicy policy = ContractDiff.policyOf(tree);
    LocalDate day = today == null ? LocalDate.now() : today;
    VersionDiff diff = ContractDiff.compare(tree, tree.requireVersion(namespace, fromVersion),
        tree.requireVersion(namespace, version), policy, day);
    Report history = DiffReports.history("infer", "infer " + namespace + " " + fromVersion + " -> " + version,
        List.of(diff), List.of(), tree.documents(), tree.documents(), Severity.BREAKING, false);
    DeployCheck.Result deploy = DeployCheck.run(tree, namespace, version, Optional.of(fromVersion), policy, day);
    Report consumers = DiffReports.deploy(deploy, tree.documents());
    List<Report.Entry> entries = new ArrayList<>(history.entries());
    entries.addAll(consumers.entries());
    List<String> notes = new ArrayList<>();
    notes.add("The proposal " + namespace + "@" + version + " was written; a FAILED check below means it is breaking"
        + " for that consumer, not that the command failed.");
    if (deploy.verdicts().isEmpty()) {
      notes.add("No consumer declares namespace " + namespace + ": only the version diff is shown.");
    }
    w.println();
    w.flush();
    reports.emit(new Report("infer", "infer " + namespace + " " + fromVersion + " -> " + version, entries, notes), w,
        err, Redactor.forTree(tree, root.environment));
  }

  private static void print(PrintWriter w, InferredVersion v, Path written, Redactor redactor) {
    InferSummary s = v.summary();
    StringBuilder b = new StringBuilder();
    b.append(written == null ? "Inferred nothing for " : "Inferred ").append(v.namespace()).append(' ')
        .append(v.version()).append(" from ").append(count(s.exchanges(), "exchange")).append(" in ")
        .append(count(s.recordingFiles(), "recording"));
    if (written != null) {
      b.append(": ").append(count(s.endpoints(), "endpoint")).append(", ").append(count(s.schemaFiles(), "schema file"))
          .append(" in ").append(written);
    }
    b.append('\n');
    fact(b, "base path", v.basePath());
    fact(b, "auth header", s.authHeader().orElse("(none known)"));
    fact(b, "session", s.sessionCookie().orElse("(none)"));
    fact(b, "read", count(s.entries(), "item") + ", " + s.outsideBasePath() + " outside the base path");
    if (s.problems().containsKey("rejected")) {
      fact(b, "rejected", count(s.problems().get("rejected"), "response") + " the current version rejects: widened"
          + " where a schema keyword can accept them");
    }
    if (s.problemCount() > 0) {
      StringBuilder p = new StringBuilder();
      for (Map.Entry<String, Long> e : s.problems().entrySet()) {
        if (!e.getKey().equals("rejected")) {
          p.append(p.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
        }
      }
      fact(b, "not used", p.toString());
    }
    for (InferSummary.Problem e : s.examples()) {
      b.append("    ").append(e.where()).append(": ").append(e.kind()).append(", ").append(e.detail()).append('\n');
    }
    for (String note : v.notes()) {
      b.append("  note: ").append(note).append('\n');
    }
    w.print(redactor.apply(b.toString()));
  }

  private static void fact(StringBuilder b, String key, String value) {
    b.append("  ").append(String.format("%-11s", key)).append(": ").append(value).append('\n');
  }

  private List<String> secrets(ContractRegistry registry) {
    List<String> out = new ArrayList<>();
    String env = tokenEnv != null ? tokenEnv : namespace.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_API_TOKEN";
    Optional.ofNullable(root.environment.apply(env)).ifPresent(out::add);
    if (registry != null) {
      for (Namespace ns : registry.namespaces()) {
        ns.auth().map(a -> root.environment.apply(a.tokenEnv())).ifPresent(out::add);
      }
    }
    return out;
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private static boolean sameBase(String a, String b) {
    String x = a.endsWith("/") ? a : a + "/";
    String y = b.endsWith("/") ? b : b + "/";
    return (x.startsWith("/") ? x : "/" + x).equals(y.startsWith("/") ? y : "/" + y);
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
