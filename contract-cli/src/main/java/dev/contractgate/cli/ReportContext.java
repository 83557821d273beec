package dev.contractgate.cli;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the command line adds to a report before it is rendered: the metadata (time, tool version, contract
 * versions, git commit) and, for every finding, the contract file and line it is about.
 */
final class ReportContext {

  /** Reproducible-builds convention: seconds since the epoch, to pin the report time (tests, rebuilt reports). */
  static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  /** Bounds reading git's files: a HEAD or a packed-refs file is small; anything bigger is not git's. */
  private static final long MAX_GIT_FILE = 8L << 20;

  private ReportContext() {}

  /** The report with metadata and locations; {@code root} may be absent (a subcommand run on its own in a test). */
  static Report enrich(Report report, Optional<RootCommand> root) {
    if (root.isEmpty()) {
      return report;
    }
    RootCommand r = root.get();
    Report out = report.withMeta(meta(r.environment, r.workingDirectory, r.loaded));
    if (r.loaded != null && r.loadedRoot != null) {
      out = out.located(new Locator(r.loaded, r.loadedRoot, r.workingDirectory)::locate);
    }
    return out;
  }

  static Report.Meta meta(Function<String, String> env, Path workingDirectory, ContractRegistry registry) {
    List<String> contracts = new ArrayList<>();
    if (registry != null) {
      for (Namespace ns : registry.namespaces()) {
        registry.versions(ns.id()).forEach(v -> contracts.add(ns.id() + "@" + v.version()));
      }
    }
    return new Report.Meta(time(env), new VersionProvider().getVersion()[0], contracts,
        commit(workingDirectory).orElse(""));
  }

  static String time(Function<String, String> env) {
    String pinned = env.apply(SOURCE_DATE_EPOCH);
    Instant at = Instant.now();
    if (pinned != null && !pinned.isBlank()) {
      try {
        at = Instant.ofEpochSecond(Long.parseLong(pinned.trim()));
      } catch (NumberFormatException | java.time.DateTimeException e) {
        // Not a number of seconds: the variable belongs to some other tool's convention; use the clock.
      }
    }
    return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * The commit checked out in the git work tree around {@code dir}, read from git's files (no git needed):
   * {@code .git} as a folder or as a {@code gitdir:} file (worktrees, submodules), {@code HEAD} detached or a
   * ref, the ref loose or in {@code packed-refs}. Empty when not in git or when anything is unreadable.
   */
  static Optional<String> commit(Path dir) {
    try {
      for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
        Path dotGit = d.resolve(".git");
        if (Files.isDirectory(dotGit)) {
          return head(dotGit, dotGit);
        }
        if (Files.isRegularFile(dotGit)) {
          String line = small(dotGit).strip();
          if (!line.startsWith("gitdir:")) {
            return Optional.empty();
          }
          Path gitDir = d.resolve(line.substring("gitdir:".length()).strip()).normalize();
          Path common = gitDir;
          Path commondir = gitDir.resolve("commondir");
          if (Files.isRegularFile(commondir)) {
            common = gitDir.resolve(small(commondir).strip()).normalize();
          }
          return head(gitDir, common);
        }
      }
    } catch (IOException | RuntimeException e) {
      // A report never fails for want of a commit.
    }
    return Optional.empty();
  }

  private static Optional<String> head(Path gitDir, Path common) throws IOException {
    String head = small(gitDir.resolve("HEAD")).strip();
    if (SHA.matcher(head).matches()) {
      return Optional.of(head);
    }
    if (!head.startsWith("ref:")) {
      return Optional.empty();
    }
    String ref = head.substring(4).strip();
    if (!ref.startsWith("refs/") || ref.contains("..")) {
      return Optional.empty();
    }
    for (Path base : List.of(gitDir, common)) {
      Path loose = base.resolve(ref);
      if (Files.isRegularFile(loose)) {
        String sha = small(loose).strip();
        return SHA.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : small(packed).split("\n")) {
        String[] parts = line.strip().split(" ", 2);
        if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) {
          return Optional.of(parts[0]);
        }
      }
    }
    return Optional.empty();
  }

  private static String small(Path file) throws IOException {
    if (Files.size(file) > MAX_GIT_FILE) {
      throw new IOException("too large: " + file);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /**
   * Finds the contract line of a finding: the schema location its {@code schema} fact names, else the endpoint
   * its check names ({@code namespace@version} and endpoint id, as verify and validate report them), else the
   * contract version's endpoints file. Files are given relative to the working directory when the tree lies
   * under it, else tree-relative.
   */
  static final class Locator {
    private final ContractRegistry registry;
    private final Path treeRoot;
    private final Path workingDirectory;
    private final Map<String, List<String>> endpointFiles = new HashMap<>();

    Locator(ContractRegistry registry, Path treeRoot, Path workingDirectory) {
      this.registry = registry;
      this.treeRoot = treeRoot;
      this.workingDirectory = workingDirectory;
    }

    Location locate(Entry e, Finding f) {
      for (Report.Fact fact : f.facts()) {
        if (fact.key().equals("schema")) {
          try {
            SourceLocation s = SourceLocation.parse(fact.value());
            if (registry.schemaDocument(s.file()).isPresent()) {
              return new Location(file(s.file()), line(registry.position(s)));
            }
          } catch (IllegalArgumentException ex) {
            // not a location (a fact of another command); try the endpoint
          }
        }
      }
      Optional<ContractVersion> version = version(e.group());
      if (version.isEmpty()) {
        return Location.NONE;
      }
      String id = e.name().replace(" (without token)", "");
      for (Endpoint endpoint : version.get().endpoints()) {
        if (endpoint.id().equals(id)) {
          String file = endpoint.source().file();
          return new Location(file(file), idLine(file, id));
        }
      }
      return new Location(file(version.get().file()), 1);
    }

    private Optional<ContractVersion> version(String group) {
      int at = group.lastIndexOf('@');
      if (at <= 0) {
        return Optional.empty();
      }
      try {
        return registry.version(group.substring(0, at), group.substring(at + 1));
      } catch (RuntimeException ex) {
        return Optional.empty();
      }
    }

    /**
     * The line of {@code id: ID} in an endpoints file (the registry keeps no positions of endpoints files), 1 when
     * not found or unreadable: an annotation on the file is better than none.
     */
    private int idLine(String file, String id) {
      List<String> lines = endpointFiles.computeIfAbsent(file, f -> {
        try {
          Path p = treeRoot.resolve(f);
          return Files.size(p) > MAX_GIT_FILE ? List.of() : Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException ex) {
          return List.of();
        }
      });
      Pattern idKey = Pattern.compile("^\\s*(-\\s+)?id:\\s*([\"']?)" + Pattern.quote(id) + "\\2\\s*(#.*)?$");
      for (int i = 0; i < lines.size(); i++) {
        if (idKey.matcher(lines.get(i)).matches()) {
          return i + 1;
        }
      }
      return 1;
    }

    private String file(String treeRelative) {
      if (treeRoot.getFileSystem() != FileSystems.getDefault()) {
        return treeRelative;
      }
      Path abs = treeRoot.toAbsolutePath().normalize().resolve(treeRelative).normalize();
      Path cwd = workingDirectory.toAbsolutePath().normalize();
      Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
      return shown.toString().replace('\\', '/');
    }

    /** {@code line 7, column 5} to 7; 1 when unknown (annotations need a line). */
    private static int line(String position) {
      if (position.startsWith("line ")) {
        int comma = position.indexOf(',');
        try {
          return Integer.parseInt(position.substring(5, comma < 0 ? position.length() : comma).strip());
        } catch (NumberFormatException ex) {
          return 1;
        }
      }
      return 1;
    }
  }
}
