package dev.contractgate.release;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The deployments log {@code contract-gate.deployments} at the root of a contract tree: one line per
 * deployment, appended and never rewritten, committed like the contracts. It answers "what runs where" per
 * environment without a broker.
 *
 * <p>Merge-friendly by construction: lines are read sorted by time, and a line that appears twice counts
 * once, so the union of two branches' logs is the right log ({@code contract-gate.deployments merge=union} in
 * {@code .gitattributes} makes git take that union). Appends take a file lock and write the line in one
 * {@code O_APPEND} write, so concurrent recorders never interleave.
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class DeploymentLog {

  /** The log's name, at the root of the tree. */
  public static final String FILE = "contract-gate.deployments";

  static final String HEADER = """
      # contract-gate.deployments: what was deployed where, one line per deployment, append-only.
      # Written by `contract-gate record-deployment`; commit it. Read sorted by time; a repeated line counts once.
      # <time UTC> <environment> backend <namespace> <contract version> by=<who>
      # <time UTC> <environment> consumer <consumer> <build version> contract=<contract version> by=<who>
      """;

  private static final Object APPENDING = new Object();

  private final List<Deployment> entries;

  private DeploymentLog(List<Deployment> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The log of the tree at {@code root}; empty when there is none. */
  public static DeploymentLog read(Path root) {
    Path file = root.resolve(FILE);
    refuseLink(file);
    if (!Files.exists(file)) {
      return new DeploymentLog(List.of());
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw ContractException.builder("Cannot read the deployments log", FILE)
          .expected("a readable UTF-8 text file").butWas(e.getClass().getSimpleName())
          .hint("check the file's permissions and encoding").build();
    }
  }

  /** Parses the log's text; errors name {@code contract-gate.deployments:LINE}. */
  public static DeploymentLog parse(String text) {
    Set<String> seen = new LinkedHashSet<>();
    List<Deployment> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (ReleaseLock.isConflictMarker(line)) {
        throw ContractException.builder("Cannot read the deployments log", FILE + ":" + (i + 1))
            .expected("one line per deployment")
            .butWas("a merge conflict marker \"" + line.substring(0, Math.min(7, line.length())) + "\"")
            .hint("keep the lines of both sides and delete the markers (order does not matter, the log is read"
                + " sorted by time); add 'contract-gate.deployments merge=union' to .gitattributes so that git"
                + " does it (docs/ci.md)")
            .build();
      }
      Deployment d = parseLine(line, i + 1);
      if (seen.add(d.line())) {
        out.add(d);
      }
    }
    // Stable: two deployments in the same second keep the order of the file.
    out.sort(Comparator.comparing(Deployment::time));
    return new DeploymentLog(out);
  }

  private static Deployment parseLine(String line, int n) {
    String[] t = line.split(" +");
    try {
      if (t.length < 6) {
        throw new IllegalArgumentException("too few fields");
      }
      Deployment.Kind kind = switch (t[2]) {
        case "backend" -> Deployment.Kind.BACKEND;
        case "consumer" -> Deployment.Kind.CONSUMER;
        default -> throw new IllegalArgumentException("\"" + ReleaseLock.clip(t[2]) + "\" is neither backend nor consumer");
      };
      Map<String, String> extra = new TreeMap<>();
      for (int i = 5; i < t.length; i++) {
        int eq = t[i].indexOf('=');
        if (eq < 1 || !(t[i].startsWith("by=") || t[i].startsWith("contract="))) {
          throw new IllegalArgumentException("unknown field \"" + ReleaseLock.clip(t[i]) + "\"");
        }
        extra.put(t[i].substring(0, eq), t[i].substring(eq + 1));
      }
      if (!extra.containsKey("by")) {
        throw new IllegalArgumentException("no by=");
      }
      if (kind == Deployment.Kind.CONSUMER && !extra.containsKey("contract")) {
        throw new IllegalArgumentException("a consumer line needs contract=");
      }
      return new Deployment(Instant.parse(t[0]), t[1], kind, t[3], t[4], Optional.ofNullable(extra.get("contract")),
          extra.get("by"));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw ContractException.builder("Cannot read the deployments log", FILE + ":" + n)
          .expected("<time UTC> <environment> backend|consumer <name> <version> [contract=<version>] by=<who>")
          .butWas("\"" + ReleaseLock.clip(line) + "\" (" + e.getMessage() + ")")
          .hint("the log is written by `contract-gate record-deployment`; restore the line from version control")
          .build();
    }
  }

  /**
   * Appends one deployment to the log of the tree at {@code root} (creating it with its header): one write
   * under a file lock, the file opened for appending, forced to disk.
   */
  public static void append(Path root, Deployment deployment) {
    Objects.requireNonNull(deployment, "deployment");
    Path file = root.resolve(FILE);
    read(root); // refuse to append to a log that cannot be read (e.g. an unresolved merge)
    // A file lock guards against other processes; inside this one, threads would collide on it
    // (OverlappingFileLockException), so they take turns first.
    synchronized (APPENDING) {
      appendLocked(file, deployment);
    }
  }

  private static void appendLocked(Path file, Deployment deployment) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
        FileLock lock = ch.lock()) {
      String text = (ch.size() == 0 ? HEADER : "") + deployment.line() + "\n";
      ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to " + FILE, e);
    }
  }

  /** Every deployment, oldest first. */
  public List<Deployment> entries() {
    return entries;
  }

  /** The deployments to one environment, oldest first. */
  public List<Deployment> entries(String environment) {
    return entries.stream().filter(d -> d.environment().equals(environment)).toList();
  }

  /** The environments that appear in the log, sorted. */
  public List<String> environments() {
    return entries.stream().map(Deployment::environment).distinct().sorted().toList();
  }

  /**
   * What runs in one environment.
   *
   * @param environment the environment
   * @param backends per namespace, the last backend deployment
   * @param previousBackends per namespace, the last deployment of a version other than the current one (the
   *     rollback target), when there is one
   * @param consumers per consumer, its last deployment
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record State(String environment, Map<String, Deployment> backends, Map<String, Deployment> previousBackends,
      Map<String, Deployment> consumers) {
    public State {
      Objects.requireNonNull(environment, "environment");
      backends = Map.copyOf(backends);
      previousBackends = Map.copyOf(previousBackends);
      consumers = Map.copyOf(consumers);
    }

    public Optional<Deployment> backend(String namespace) {
      return Optional.ofNullable(backends.get(namespace));
    }

    public Optional<Deployment> previousBackend(String namespace) {
      return Optional.ofNullable(previousBackends.get(namespace));
    }
  }

  /** The state of an environment after every deployment in the log. */
  public State state(String environment) {
    Map<String, Deployment> backends = new TreeMap<>();
    Map<String, Deployment> previous = new TreeMap<>();
    Map<String, Deployment> consumers = new TreeMap<>();
    for (Deployment d : entries(environment)) {
      if (d.kind() == Deployment.Kind.CONSUMER) {
        consumers.put(d.name(), d);
        continue;
      }
      Deployment current = backends.get(d.name());
      if (current != null && !current.version().equals(d.version())) {
        previous.put(d.name(), current);
      }
      backends.put(d.name(), d);
    }
    return new State(environment, backends, previous, consumers);
  }

  /** {@code production} or {@code Production} → the name as written in the log, if the log knows it. */
  public Optional<String> environment(String name) {
    return environments().stream().filter(e -> e.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /** A link would make the command read (and quote, in an error) a file outside the tree. */
  private static void refuseLink(Path file) {
    if (Files.isSymbolicLink(file)) {
      throw ContractException.builder("Cannot read the deployments log", FILE)
          .expected("a regular file in the tree")
          .butWas("a symbolic link (target not shown)")
          .hint("replace the link with the file itself")
          .build();
    }
  }
}
