package dev.contractgate.cli;

import dev.contractgate.diff.Change;
import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.DiffReports;
import dev.contractgate.diff.DiffResult;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.EndpointChange;
import dev.contractgate.diff.HistoryCheck;
import dev.contractgate.diff.SchemaDiff;
import dev.contractgate.diff.SchemaInput;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.drift.RecordedEvidence;
import dev.contractgate.openapi.ImportedVersion;
import dev.contractgate.openapi.OpenApiImport;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Policy;
import dev.contractgate.registry.SemVer;
import dev.contractgate.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(
    name = "diff",
    description = {
      "Show every change between two contract versions or two schemas, classified for the direction it flows.",
      "OLD and NEW are two schema files (.json, .yaml), two OpenAPI 3.0/3.1 descriptions (detected by their"
          + " 'openapi' key; compared operation by operation as namespace --namespace, default 'api'), or two"
          + " version folders of a contract tree (contracts/src/main/contracts/ivanpin/1.0.0), or use --namespace"
          + " with --from and --to on --contracts.",
      "Responses break when the new version allows a value the old did not; requests break when it refuses a"
          + " value the old accepted. Undecidable changes count as breaking."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above --fail-on",
      "1:a finding at or above --fail-on",
      "2:usage error",
      "3:an input cannot be read (file, line and hint are printed)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  contract-gate diff old/blog-list.schema.json new/blog-list.schema.json",
      "  contract-gate diff contracts/src/main/contracts/ivanpin/1.1.0 contracts/src/main/contracts/ivanpin/1.2.0",
      "  contract-gate diff --namespace ivanpin --from 1.1.0 --to 1.2.0 --format markdown",
      "  contract-gate diff openapi-v1.yaml openapi-v2.yaml"
    })
final class DiffCommand implements Callable<Integer> {

  enum DirectionOption { response, request, both }

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;
  @Mixin DiffOptions diff;
  @Mixin ReportOptions reports;

  @Parameters(arity = "0..2", paramLabel = "OLD NEW", description = "Two schema files, two OpenAPI descriptions or two version folders.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "With --from/--to: the namespace. With two OpenAPI descriptions: the namespace to report"
          + " them as (default: api).")
  String namespace;

  @Option(names = "--from", paramLabel = "V", description = "With --namespace: the old version.")
  String from;

  @Option(names = "--to", paramLabel = "V", description = "With --namespace: the new version.")
  String to;

  @Option(names = "--direction", paramLabel = "DIR",
      description = "For two schema files: ${COMPLETION-CANDIDATES} (default: response). Contract versions"
          + " judge each part in its own direction.")
  DirectionOption direction;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "A contract-gate.yaml whose severities and exceptions apply (default: the tree's own).")
  Path policyFile;

  @Option(names = "--no-second-opinion", negatable = false,
      description = "Skip the counter-witness search that checks every \"safe\" verdict with generated values"
          + " and the real validator (on by default; docs/diff-engine.md, \"Second opinion\").")
  boolean noSecondOpinion;

  /** The engine's defaults, with the second opinion as the command line asks. */
  private DiffPolicy base() {
    return DiffPolicy.defaults().withSecondOpinion(!noSecondOpinion);
  }

  @Override
  public Integer call() {
    reports.validate(spec.commandLine());
    boolean byName = from != null || to != null || (namespace != null && inputs.isEmpty());
    if (byName && !inputs.isEmpty()) {
      throw usage("Give either OLD NEW or --namespace/--from/--to, not both");
    }
    if (byName) {
      if (namespace == null || from == null || to == null) {
        throw usage("--namespace, --from and --to go together: e.g. --namespace ivanpin --from 1.1.0 --to 1.2.0");
      }
      ContractRegistry registry = contracts.load();
      return versions(registry, registry.requireVersion(namespace, from), registry, registry.requireVersion(namespace, to));
    }
    if (inputs.size() != 2) {
      throw usage("Give two inputs OLD NEW (schema files or version folders), or --namespace NS --from V1 --to V2");
    }
    Path oldPath = inputs.get(0);
    Path newPath = inputs.get(1);
    for (Path p : inputs) {
      if (!Files.exists(p)) {
        throw ContractException.builder("Cannot read input", p.toString())
            .expected("a schema file or a version folder")
            .butWas("nothing at this path")
            .hint("check the path")
            .build();
      }
    }
    if (Files.isDirectory(oldPath) != Files.isDirectory(newPath)) {
      throw usage("OLD and NEW must both be schema files or both be version folders");
    }
    boolean oldOas = !Files.isDirectory(oldPath) && OpenApiImport.isOpenApi(oldPath);
    boolean newOas = !Files.isDirectory(newPath) && OpenApiImport.isOpenApi(newPath);
    if ((oldOas || !Files.isDirectory(oldPath)) && !diff.recordings.isEmpty()) {
      throw usage("--recordings needs contract versions (a tree, version folders, or --namespace/--from/--to):"
          + " recordings are matched to endpoints; import OpenAPI descriptions first with 'import openapi'");
    }
    if (oldOas || newOas) {
      if (oldOas != newOas) {
        throw usage((oldOas ? "OLD" : "NEW") + " is an OpenAPI description but " + (oldOas ? "NEW" : "OLD")
            + " is not; give two OpenAPI descriptions, two schema files or two version folders");
      }
      return openApi(oldPath, newPath);
    }
    if (namespace != null) {
      throw usage("--namespace goes with --from/--to, or with two OpenAPI descriptions");
    }
    if (Files.isDirectory(oldPath)) {
      ContractRegistry oldTree = treeOf(oldPath);
      ContractRegistry newTree = treeRoot(oldPath).equals(treeRoot(newPath)) ? oldTree : treeOf(newPath);
      return versions(oldTree, versionOf(oldTree, oldPath), newTree, versionOf(newTree, newPath));
    }
    return schemas(oldPath, newPath);
  }

  /** Two OpenAPI descriptions: each is imported in memory and the versions are compared endpoint by endpoint. */
  private int openApi(Path oldPath, Path newPath) {
    if (direction != null) {
      throw usage("--direction applies to two schema files; OpenAPI operations judge each part in its own direction");
    }
    String ns = namespace == null ? "api" : namespace;
    if (!ns.matches("[a-z][a-z0-9-]*")) {
      throw usage("--namespace must be lower-case letters, digits and '-', starting with a letter: \"" + ns + "\"");
    }
    String ov = label(oldPath, "0.0.0-old");
    String nv = label(newPath, "0.0.0-new");
    if (ov.equals(nv)) {
      ov = "0.0.0-old";
      nv = "0.0.0-new";
    }
    List<ImportedVersion> both = importBoth(oldPath, newPath, ns, ov, nv);
    ImportedVersion o = both.get(0);
    ImportedVersion n = both.get(1);
    Policy policy = policyFile == null ? Policy.defaults() : Policy.read(policyFile);
    DiffPolicy diffPolicy = ContractDiff.withSeverities(base(), policy);
    VersionDiff d = OpenApiImport.compare(o, n, diffPolicy, diff.today());
    HistoryCheck.Result result = HistoryCheck.applyExceptions(List.of(d), policy, diff.today());
    Report report = DiffReports.history("diff", "diff " + oldPath + " -> " + newPath + " (OpenAPI, as " + ns + " "
        + o.version().version() + " -> " + n.version().version() + ")", result.pairs(), List.of(), o.documents(),
        n.documents(), diff.threshold(), diff.showInfo);
    List<String> notes = importNotes(o.diffNotes(), n.diffNotes());
    if (!notes.isEmpty()) {
      report = new Report(report.kind(), report.title(), report.entries(), notes);
    }
    return emit(report, result.failsAt(diff.threshold()));
  }

  /**
   * Both descriptions imported side by side: the machines this runs on have two cores or more, and the two
   * imports share nothing (issue 15: the import was a third of a large diff). The old one's error, if any,
   * is reported first, as when they ran one after the other.
   */
  private static List<ImportedVersion> importBoth(Path oldPath, Path newPath, String ns, String ov, String nv) {
    java.util.concurrent.FutureTask<ImportedVersion> old =
        new java.util.concurrent.FutureTask<>(() -> OpenApiImport.convert(oldPath, ns, ov, Optional.empty()));
    Thread worker = new Thread(old, "contract-gate-import");
    worker.setDaemon(true);
    worker.start();
    RuntimeException newFailure = null;
    ImportedVersion n = null;
    try {
      n = OpenApiImport.convert(newPath, ns, nv, Optional.empty());
    } catch (RuntimeException e) {
      newFailure = e;
    }
    ImportedVersion o;
    try {
      o = old.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing " + oldPath, e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
    if (newFailure != null) {
      throw newFailure;
    }
    return List.of(o, n);
  }

  /**
   * What the import could not read (or reads only in part) in either description, with a count first: a
   * note said by both is said once.
   */
  static List<String> importNotes(List<String> old, List<String> now) {
    java.util.Set<String> both = new java.util.LinkedHashSet<>(old);
    both.retainAll(now);
    List<String> out = new ArrayList<>();
    both.forEach(x -> out.add("both: " + x));
    old.stream().filter(x -> !both.contains(x)).distinct().forEach(x -> out.add("old: " + x));
    now.stream().filter(x -> !both.contains(x)).distinct().forEach(x -> out.add("new: " + x));
    if (!out.isEmpty()) {
      out.add(0, out.size() + (out.size() == 1 ? " note" : " notes") + " on what the import skipped, derived or"
          + " reads only in part:");
    }
    return out;
  }

  /** The description's info.version when it is a semantic version, else the fallback. */
  private static String label(Path spec, String fallback) {
    String v = OpenApiImport.infoVersion(spec).orElse("");
    return SemVer.isValid(v) ? v : fallback;
  }

  private int versions(ContractRegistry oldTree, ContractVersion o, ContractRegistry newTree, ContractVersion n) {
    if (!o.namespace().equals(n.namespace())) {
      throw usage("OLD and NEW belong to different namespaces (" + o.namespace() + ", " + n.namespace() + ")");
    }
    if (direction != null) {
      throw usage("--direction applies to two schema files; contract versions judge each part in its own direction");
    }
    Policy policy = policyFile == null ? newTree.policy() : Policy.read(policyFile);
    DiffPolicy diffPolicy = ContractDiff.withSeverities(base(), policy);
    VersionDiff d = ContractDiff.compare(oldTree, o, newTree, n, diffPolicy, diff.today());
    if (!diff.recordings.isEmpty()) {
      if (oldTree != newTree) {
        throw usage("--recordings needs both versions in one contract tree (use --namespace/--from/--to, or two"
            + " version folders of the same tree)");
      }
      d = ContractDiff.grouped(RecordedEvidence.apply(d, newTree, diff.recordings, diffPolicy), o, n);
    }
    HistoryCheck.Result result = HistoryCheck.applyExceptions(List.of(d), policy, diff.today());
    Report report = DiffReports.history("diff", "diff " + o.label() + " -> " + n.version(), result.pairs(),
        List.of(), oldTree.documents(), newTree.documents(), diff.threshold(), diff.showInfo);
    return emit(report, result.failsAt(diff.threshold()));
  }

  private int schemas(Path oldPath, Path newPath) {
    Direction dir = switch (direction == null ? DirectionOption.response : direction) {
      case response -> Direction.RESPONSE;
      case request -> Direction.REQUEST;
      case both -> Direction.BOTH;
    };
    DiffPolicy diffPolicy = policyFile == null ? base()
        : ContractDiff.withSeverities(base(), Policy.read(policyFile));
    SchemaInput oldIn = SchemaInput.ofFile(oldPath);
    SchemaInput newIn = SchemaInput.ofFile(newPath);
    Function<String, JsonNode> oldDocs = oldIn.documents();
    Function<String, JsonNode> newDocs = newIn.documents();
    if (oldDocs.apply(oldIn.root().file()) == null || newDocs.apply(newIn.root().file()) == null) {
      throw ContractException.builder("Cannot read input", oldPath + " / " + newPath)
          .expected("two readable schema files")
          .butWas("an unreadable file")
          .hint("check both paths")
          .build();
    }
    DiffResult r = SchemaDiff.compare(oldIn, newIn, dir, diffPolicy);
    // A change inside a shared $defs component is reported once, with every instance path it reaches.
    Map<String, EndpointChange> byComponent = new java.util.LinkedHashMap<>();
    for (Change c : r.changes()) {
      String key = c.ruleId() + "|" + c.direction() + "|" + c.oldLocation() + "|" + c.newLocation();
      String place = "schema " + c.direction().prefix() + " " + c.path();
      byComponent.merge(key, new EndpointChange("schema", c.direction().prefix(), c, List.of(place), ""),
          (first, next) -> {
            List<String> reaches = new ArrayList<>(first.reaches());
            if (reaches.contains(place)) {
              return first; // several values at one place (enum values added) are one finding
            }
            reaches.add(place);
            return new EndpointChange(first.endpoint(), first.part(), first.change(), reaches, first.note());
          });
    }
    List<EndpointChange> changes = new ArrayList<>(byComponent.values());
    VersionDiff d = new VersionDiff("schema", oldPath.toString(), newPath.toString(), changes,
        r.secondOpinionInstances());
    Report report = DiffReports.history("diff", "diff " + oldPath + " " + newPath + " (" + dir.prefix() + ")",
        List.of(d), List.of(), oldDocs, newDocs, diff.threshold(), diff.showInfo);
    return emit(report, d.failsAt(diff.threshold()));
  }

  private int emit(Report report, boolean failed) {
    reports.verbose = help.verbose;
    reports.emit(report);
    return failed ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private static Path treeRoot(Path versionDir) {
    Path abs = versionDir.toAbsolutePath().normalize();
    if (abs.getParent() == null || abs.getParent().getParent() == null) {
      throw ContractException.builder("Cannot read input", versionDir.toString())
          .expected("a version folder inside a contract tree (TREE/NAMESPACE/VERSION)")
          .butWas("a folder without a tree around it")
          .hint("pass e.g. contracts/src/main/contracts/ivanpin/1.0.0")
          .build();
    }
    return abs.getParent().getParent();
  }

  private ContractRegistry treeOf(Path versionDir) {
    ContractRegistry tree = ContractRegistry.load(treeRoot(versionDir));
    Redactor.root(spec).ifPresent(r -> r.learn(tree));
    return tree;
  }

  private static ContractVersion versionOf(ContractRegistry tree, Path versionDir) {
    Path abs = versionDir.toAbsolutePath().normalize();
    return tree.requireVersion(abs.getParent().getFileName().toString(), abs.getFileName().toString());
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
