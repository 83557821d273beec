package dev.contractgate.cli;

import dev.contractgate.report.Report;
import dev.contractgate.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Output options shared by every command that produces a report. */
final class ReportOptions {

  enum Color { auto, always, never }

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Report format: ${COMPLETION-CANDIDATES}. Repeat to write several with --report-dir."
          + " Default: text on standard output; with --report-dir, all formats.")
  List<ReportFormat> formats = new ArrayList<>();

  @Option(names = "--report-dir", paramLabel = "DIR",
      description = "Write the report in every chosen format to DIR (created if needed) as <command>.<ext>.")
  Path reportDir;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour in text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: only on a terminal).")
  Color color;

  @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
  boolean quiet;

  @Spec(Spec.Target.MIXEE) CommandLine.Model.CommandSpec mixee;

  /** Checks the combination before any work is done. */
  void validate(CommandLine cl) {
    if (reportDir == null && new LinkedHashSet<>(formats).size() > 1) {
      throw new CommandLine.ParameterException(cl,
          "Several --format values need --report-dir DIR: standard output takes one format");
    }
  }

  /**
   * Prints the report to the command's standard output and writes the report files; returns the paths
   * written. Everything goes through the run's redactor: the report's texts before rendering, the rendered
   * text after.
   */
  List<Path> emit(Report report) {
    return emit(report, mixee.commandLine().getOut(), Redactor.of(mixee));
  }

  /**
   * As {@link #emit(Report)}; {@code redactor}'s secrets are added to the run's redactor (never instead of
   * it). For commands written before the run had one redaction path.
   */
  List<Path> emit(Report report, PrintWriter out, PrintWriter err, Redactor redactor) {
    Redactor run = Redactor.of(mixee);
    if (redactor != run) {
      run.add(redactor.known());
    }
    return emit(report, out, run);
  }

  private List<Path> emit(Report unmasked, PrintWriter out, Redactor redactor) {
    Report report = redactor.apply(unmasked);
    List<Path> written = new ArrayList<>();
    if (reportDir != null) {
      Set<ReportFormat> chosen = formats.isEmpty() ? Set.of(ReportFormat.values()) : new LinkedHashSet<>(formats);
      try {
        Files.createDirectories(reportDir);
        for (ReportFormat f : ReportFormat.values()) {
          if (chosen.contains(f)) {
            Path file = reportDir.resolve(report.kind() + "." + f.extension());
            writeAtomically(file, redactor.apply(f.render(report)));
            written.add(file);
          }
        }
      } catch (IOException e) {
        throw new CommandFailure(ExitCodes.INPUT, "Cannot write report: " + reportDir
            + "\n    expected: a writable directory\n    but was : " + e.getClass().getSimpleName() + " " + e.getMessage()
            + "\n    hint    : choose another --report-dir or fix its permissions");
      }
    }
    ReportFormat stdout = reportDir == null && !formats.isEmpty() ? formats.get(0) : ReportFormat.TEXT;
    out.print(redactor.apply(stdout.render(report, useColor())));
    if (!written.isEmpty()) {
      out.println();
      out.println("Reports written:");
      for (Path p : written) {
        out.println("  " + p);
      }
    }
    out.flush();
    return written;
  }

  private boolean useColor() {
    return switch (color) {
      case always -> true;
      case never -> false;
      case auto -> System.console() != null && System.getenv("NO_COLOR") == null;
    };
  }

  /** A report is either all there or not there: write beside, then move into place. */
  private static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Progress for long runs: a line per step on standard error, unless quiet. */
  void progress(PrintWriter err, String what, int done, int total) {
    if (quiet) {
      return;
    }
    // Every step for small runs, every tenth of the way for large ones, so logs stay short.
    int step = Math.max(1, total / 10);
    if (done == total || done % step == 0) {
      synchronized (err) {
        err.println("[" + done + "/" + total + "] " + what);
        err.flush();
      }
    }
  }
}
