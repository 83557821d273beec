package dev.contractgate.cli;

import dev.contractgate.diff.Severity;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options shared by the commands that judge changes. */
final class DiffOptions {

  enum FailOn { breaking, warning }

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "breaking",
      description = "Exit 1 when a finding is at or above LEVEL: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(names = "--show-info",
      description = "List safe (INFO) changes too; by default they are only counted.")
  boolean showInfo;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD",
      description = "The date that sunsets and exception expiries are judged against (default: today).")
  LocalDate today;

  @Option(names = "--recordings", paramLabel = "PATH", arity = "1..*",
      description = "Recorded traffic (NDJSON, HAR, WireMock mappings) as evidence: a response valid under the"
          + " new version and not the old proves a break; one valid under the old and not the new shows the new"
          + " contract would reject real traffic.")
  java.util.List<java.nio.file.Path> recordings = new java.util.ArrayList<>();

  Severity threshold() {
    return failOn == FailOn.warning ? Severity.WARNING : Severity.BREAKING;
  }

  LocalDate today() {
    return today == null ? LocalDate.now() : today;
  }
}
