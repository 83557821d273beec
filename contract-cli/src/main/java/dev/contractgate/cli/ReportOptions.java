package dev.contractgate.cli;

import dev.contractgate.report.Report;
import dev.contractgate.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
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

  /** Set by a command with {@code --verbose}: the text of a diff shows every finding's details. */
  boolean verbose;

  /** Checks the combination before any work is done. */
  void validate(CommandLine cl) {
    if (reportDir == null && new LinkedHashSet<>(formats).size() > 1) {
      throw new CommandLine.ParameterException(cl,
          "Several --format values need --report-dir DIR: standard output takes one format");
    }
  }

  /**
   * Prints the report to the command's standard output, then writes the report files; returns the paths
   * written. Everything goes through the run's redactor: the report's texts before rendering, the rendered
   * text after. Standard output comes first, so the verdict is never lost: when the files cannot be written
   * the report was printed already, and then this throws {@link CommandFailure} (exit 3) naming the
   * directory, the reason and a hint.
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
    java.util.Optional<RootCommand> root = Redactor.root(mixee);
    Report report = redactor.apply(ReportContext.enrich(unmasked, root));
    ReportFormat stdout = reportDir == null && !formats.isEmpty() ? formats.get(0) : ReportFormat.TEXT;
    String text = stdout.render(report, useColor(), verbose);
    if (stdout == ReportFormat.TEXT && root.isPresent() && GithubAnnotations.active(root.get().environment)) {
      text += GithubAnnotations.render(report);
    }
    out.print(redactor.apply(text));
    out.flush();
    if (reportDir == null) {
      return List.of();
    }
    Set<ReportFormat> chosen = formats.isEmpty() ? Set.of(ReportFormat.values()) : new LinkedHashSet<>(formats);
    Map<ReportFormat, String> rendered = new LinkedHashMap<>();
    for (ReportFormat f : PUBLISH_ORDER) {
      if (chosen.contains(f)) {
        rendered.put(f, redactor.apply(f.render(report, false, verbose)));
      }
    }
    List<Path> written;
    try {
      written = writeSet(reportDir, report.kind(), rendered);
    } catch (IOException e) {
      throw new CommandFailure(ExitCodes.INPUT, "Cannot write report files: " + reportDir
          + "\n    expected: a writable directory for " + report.kind() + ".* (" + rendered.size()
          + (rendered.size() == 1 ? " file" : " files") + ")"
          + "\n    but was : " + reason(e)
          + "\n    hint    : the report above went to standard output only; choose another --report-dir or fix"
          + " its permissions and run again");
    }
    out.println();
    out.println("Reports written:");
    for (Path p : written) {
      out.println("  " + p);
    }
    out.flush();
    return written;
  }

  /**
   * The order files are moved into place: the ones people read first, JSON and JUnit XML (what CI and scripts
   * read for a verdict) last, so a run killed half-way leaves no machine-read verdict without its set.
   */
  static final List<ReportFormat> PUBLISH_ORDER = List.of(
      ReportFormat.TEXT, ReportFormat.MARKDOWN, ReportFormat.HTML, ReportFormat.SARIF, ReportFormat.JSON,
      ReportFormat.JUNIT);
  /** The order files of the previous set are removed: the reverse. */
  static final List<ReportFormat> REMOVE_ORDER = List.of(
      ReportFormat.JUNIT, ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.HTML, ReportFormat.MARKDOWN,
      ReportFormat.TEXT);

  /** Where the steps of {@link #writeSet} can be interrupted, for tests (a failure or a process halt). */
  interface Step {
    void reached(String step) throws IOException;
  }

  static volatile Step step = s -> { };

  /**
   * Writes one report set, {@code dir/<kind>.<ext>} for every format given, as a whole. First every file of the
   * previous set of this kind goes (also formats not chosen now; JUnit XML and JSON, what CI and scripts read
   * for a verdict, first), then the new files are written into a hidden temporary directory inside {@code dir}
   * ({@code .<kind>.report-tmp-*}) and moved into place, JUnit XML and JSON last. So at no instant does a file of
   * an old set stand beside one of the new set, and a verdict file is there only when the whole set is: a run
   * killed at any point leaves part of its own set or none, never a stale verdict. The temporary directory of a
   * killed run is removed by the next run of the same kind.
   */
  static List<Path> writeSet(Path dir, String kind, Map<ReportFormat, String> files) throws IOException {
    Files.createDirectories(dir);
    removeStale(dir, kind);
    IOException failure = null;
    for (ReportFormat f : REMOVE_ORDER) {
      try {
        Files.deleteIfExists(dir.resolve(kind + "." + f.extension()));
      } catch (IOException e) {
        // Go on: whatever of the old set can go must go, or it would pass for this run's.
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
    step.reached("old set removed");
    Path tmp = Files.createTempDirectory(dir, "." + kind + TMP);
    // Held while this run works: removeStale of another run leaves a locked directory alone. The system drops
    // the lock of a killed process, so its directory is stale for the next run.
    try (FileChannel lock = FileChannel.open(tmp.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = lock.lock()) {
      for (Map.Entry<ReportFormat, String> f : files.entrySet()) {
        Files.writeString(tmp.resolve(kind + "." + f.getKey().extension()), f.getValue(), StandardCharsets.UTF_8);
        step.reached("written " + f.getKey().extension());
      }
      List<Path> written = new ArrayList<>();
      for (ReportFormat f : files.keySet()) {
        Path file = dir.resolve(kind + "." + f.extension());
        move(tmp.resolve(file.getFileName().toString()), file);
        written.add(file);
        step.reached("moved " + f.extension());
      }
      return written;
    } finally {
      try {
        deleteTree(tmp);
      } catch (IOException e) {
        // the set is in place; the next run removes what is left of the temporary directory
      }
    }
  }

  private static final String LOCK = ".lock";

  /** True when another process or thread works in the temporary directory {@code tmp}. */
  private static boolean inUse(Path tmp) {
    Path file = tmp.resolve(LOCK);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock l = c.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The infix of a report set's temporary directory. */
  static final String TMP = ".report-tmp-";

  /**
   * Removes what killed runs of {@code kind} left in {@code dir}: temporary set directories, and the temporary
   * files of the version that wrote each file beside its target ({@code .<kind>.<ext><digits>.tmp}).
   */
  static void removeStale(Path dir, String kind) throws IOException {
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> {
        String name = p.getFileName().toString();
        if ((name.startsWith("." + kind + TMP) && !inUse(p))
            || (name.startsWith("." + kind + ".") && name.endsWith(".tmp") && Files.isRegularFile(p))) {
          stale.add(p);
        }
      });
    }
    for (Path p : stale) {
      deleteTree(p);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }

  /** Why a write failed, in words: {@code permission denied (/x/y)}, {@code a file, not a directory (/x)}. */
  static String reason(IOException e) {
    String what = e instanceof AccessDeniedException ? "permission denied"
        : e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException ? "a file, not a directory"
        : e instanceof NoSuchFileException ? "missing"
        : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
        : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    String file = e instanceof FileSystemException fs && fs.getFile() != null ? " (" + fs.getFile() + ")" : "";
    return what + file;
  }

  private boolean useColor() {
    return switch (color) {
      case always -> true;
      case never -> false;
      case auto -> System.console() != null && System.getenv("NO_COLOR") == null;
    };
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
