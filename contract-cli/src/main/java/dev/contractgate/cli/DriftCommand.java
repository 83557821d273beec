package dev.contractgate.cli;

import dev.contractgate.drift.Drift;
import dev.contractgate.drift.DriftReports;
import dev.contractgate.drift.DriftResult;
import dev.contractgate.record.Redaction;
import dev.contractgate.registry.ContractRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "drift",
    description = {
      "Check recorded traffic against the contract: NDJSON recordings (ContractRecorder), HAR 1.2 files and"
          + " WireMock directories (mappings/ + __files/).",
      "Per endpoint: responses recorded, share conforming, violations grouped by rule and pointer pattern"
          + " (/items/*/author), fields not in the schema, enum values not allowed, schema fields never seen;"
          + " plus requests that match no endpoint.",
      "A line or entry that is not a recorded exchange is reported with its file and line; more than"
          + " --max-unreadable of them is an input error (3)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every endpoint with recordings reaches --min-conformance",
      "1:an endpoint's conformance is below --min-conformance",
      "2:usage error",
      "3:the contract or a recording cannot be read, no recording in the input, or more unreadable lines than"
          + " --max-unreadable"
    },
    footerHeading = "%nExample:%n",
    footer = "  contract-gate drift --recordings target/recordings --recordings session.har --min-conformance 99.5"
        + " --report-dir target/contract-gate")
final class DriftCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;
  @Mixin ReportOptions reports;

  @Option(names = "--recordings", required = true, arity = "1..*", paramLabel = "PATH",
      description = "NDJSON files (.ndjson, .jsonl), HAR files (.har) or WireMock directories; a directory of"
          + " NDJSON recordings is read file by file. Repeat or list several.")
  List<Path> recordings = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Check only this namespace; repeat for more.")
  List<String> namespaces = new ArrayList<>();

  @Option(names = {"-v", "--version"}, paramLabel = "V",
      description = "Contract version to check against (default: the newest of each namespace).")
  String version;

  @Option(names = "--min-conformance", defaultValue = "100", paramLabel = "PERCENT",
      description = "Fail when an endpoint's share of conforming responses is below this (default: ${DEFAULT-VALUE}).")
  double minConformance;

  @Option(names = "--max-unreadable", defaultValue = "0", paramLabel = "N",
      description = "Unreadable lines or entries tolerated before exit 3, e.g. 1 for a recorder that crashed"
          + " mid-line (default: ${DEFAULT-VALUE}).")
  long maxUnreadable;

  @Option(names = "--redact-field", paramLabel = "NAME",
      description = "Also mask this JSON field or query parameter (besides password, token, email ...); repeat.")
  List<String> redactFields = new ArrayList<>();

  @Option(names = "--samples", defaultValue = "3", paramLabel = "N",
      description = "Example recordings shown per finding (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
  Integer threads;

  @CommandLine.ParentCommand RootCommand root;

  @Override
  public Integer call() {
    reports.validate(spec.commandLine());
    if (minConformance < 0 || minConformance > 100) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--min-conformance must be a percentage between 0 and 100, was " + minConformance);
    }
    if (maxUnreadable < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-unreadable must not be negative");
    }
    if (samples < 0 || samples > 100) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--samples must be between 0 and 100");
    }
    ContractRegistry registry = contracts.load();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Drift.Builder builder;
    try {
      builder = Drift.builder(registry).namespaces(namespaces).version(version).samples(samples)
          .redaction(Redaction.defaults().withFields(redactFields));
      if (threads != null) {
        builder.threads(threads);
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    List<Path> inputs = expand(recordings);
    if (!reports.quiet) {
      err.println("Reading " + inputs.size() + (inputs.size() == 1 ? " recording source" : " recording sources") + " ...");
      err.flush();
    }
    DriftResult result = builder.build().run(inputs);
    reports.emit(DriftReports.of(result, minConformance, maxUnreadable));
    if (result.unreadableCount() > maxUnreadable) {
      err.println("Unreadable recordings: " + result.unreadableCount() + " lines or entries are not recorded exchanges"
          + " (first: " + result.unreadable().get(0).at() + "). Fix them, or pass --max-unreadable "
          + result.unreadableCount() + " to accept them.");
      err.flush();
      return ExitCodes.INPUT;
    }
    if (result.recordings() == 0 || result.recordings() == result.unreadableCount()) {
      err.println("No recorded exchange in " + inputs + ": nothing to check. Pass recordings that hold traffic.");
      err.flush();
      return ExitCodes.INPUT;
    }
    return result.below(minConformance).isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /**
   * A directory that is not a WireMock root (no mappings/) but holds NDJSON files, such as a recorder's
   * output directory, stands for its *.ndjson files, in name order.
   */
  static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (java.nio.file.Files.isDirectory(p) && !java.nio.file.Files.isDirectory(p.resolve("mappings"))) {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(p)) {
          List<Path> ndjson = s.filter(f -> f.getFileName().toString().endsWith(".ndjson")).sorted().toList();
          if (!ndjson.isEmpty()) {
            out.addAll(ndjson);
            continue;
          }
        } catch (java.io.IOException e) {
          // fall through: the reader names the directory in its error
        }
      }
      out.add(p);
    }
    return out;
  }
}
