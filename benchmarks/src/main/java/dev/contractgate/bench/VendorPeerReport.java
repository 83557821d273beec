package dev.contractgate.bench;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;
import tools.jackson.databind.JsonNode;

/**
 * Contract Gate's whole {@code diff} command against openapi-diff 2.1.7 on {@link VendorSpecs} pairs, as paired
 * runs: per size, each round runs every tool once, each in a fresh JVM with {@code -Xmx512m}, in an order that
 * rotates from round to round, so that a burst of load on a shared machine hits all tools alike. Reports the
 * median wall time, CPU time (user + system) and peak RSS ({@code /usr/bin/time}), the outcome
 * (finished, {@code StackOverflowError}, out of memory, timeout, other exit), the findings, and the medians of the
 * per-round ratios ours / openapi-diff of wall and of CPU time (CPU is the steadier one on a shared machine).
 * Nothing reaches the network: the inputs are generated into
 * {@code --dir}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.contractgate.bench.VendorPeerReport \
 *     [--sizes=500000,3500000,12000000] [--rounds=5] [--timeout=120] [--seed=1] \
 *     [--jar=contract-cli/target/contract-gate.jar] [--dir=benchmarks/target/vendor-peer]
 * java -cp benchmarks/target/benchmarks.jar dev.contractgate.bench.VendorPeerReport gen BYTES DIR [--seed=1] [--3.1]
 * </pre>
 *
 * <p>openapi-diff runs as its command line runs by default: {@code OpenApiCompare.fromLocations} on the two
 * files, then its console changelog, in this class's {@code peer} mode (the benchmarks jar holds the library,
 * not its command line).
 */
public final class VendorPeerReport {

  private static final Pattern SUMMARY = Pattern.compile("(\\d+) breaking changes?, (\\d+) warnings?, (\\d+) safe");

  /** One tool as a command line, given the two files. */
  private record Tool(String name, List<String> command) {}

  /** One fresh-JVM run. */
  record Run(String outcome, double wall, double cpu, long rssMb, String findings) {
    boolean finished() {
      return outcome.equals("finished");
    }
  }

  private VendorPeerReport() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("peer")) {
      System.out.println(peer(args[1], args[2]));
      return;
    }
    Map<String, String> opts = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        opts.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
      } else {
        positional.add(a);
      }
    }
    long seed = Long.parseLong(opts.getOrDefault("seed", "1"));
    if (!positional.isEmpty() && positional.get(0).equals("gen")) {
      if (positional.size() != 3) {
        throw new IllegalArgumentException("usage: gen BYTES DIR [--seed=1] [--3.1]");
      }
      int n = write(Long.parseLong(positional.get(1)), Path.of(positional.get(2)), seed, opts.containsKey("3.1"));
      System.out.println(n + " resources written to " + positional.get(2));
      return;
    }
    List<Long> sizes = new ArrayList<>();
    for (String s : opts.getOrDefault("sizes", "500000,3500000,12000000").split(",")) {
      sizes.add(Long.parseLong(s.strip()));
    }
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "5"));
    long timeout = Long.parseLong(opts.getOrDefault("timeout", "120"));
    Path jar = Path.of(opts.getOrDefault("jar", "contract-cli/target/contract-gate.jar")).toAbsolutePath();
    Path dir = Path.of(opts.getOrDefault("dir", "benchmarks/target/vendor-peer")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(jar + " is missing; build it with "
          + "./mvnw -B -q -pl contract-cli,benchmarks -am package -DskipTests");
    }
    Files.createDirectories(dir);
    System.out.println("VendorPeerReport " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores, Java " + System.getProperty("java.version") + ", load average " + loadAverage()
        + ", " + rounds + " rounds, timeout " + timeout + " s, seed " + seed);
    List<String> rows = new ArrayList<>();
    Path jsa = null;
    for (long size : sizes) {
      Path pair = dir.resolve(String.valueOf(size));
      int n = write(size, pair, seed, false);
      String oldFile = pair.resolve("old.json").toString();
      String newFile = pair.resolve("new.json").toString();
      if (jsa == null) {
        jsa = recordArchive(jar, dir, oldFile, newFile, timeout);
      }
      List<Tool> tools = tools(jar, jsa, oldFile, newFile);
      Map<String, List<Run>> runs = new LinkedHashMap<>();
      tools.forEach(t -> runs.put(t.name(), new ArrayList<>()));
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < tools.size(); k++) {
          Tool t = tools.get((r + k) % tools.size());
          Run run = run(t, dir.resolve("out"), timeout);
          runs.get(t.name()).add(run);
          System.err.printf(Locale.ROOT, "%,d B, round %d, %s: %s, %.2f s wall, %.2f s CPU, %d MB%n", size, r + 1,
              t.name(), run.outcome(), run.wall(), run.cpu(), run.rssMb());
        }
      }
      String input = String.format(Locale.ROOT, "%.2f MB, %d operations", Files.size(Path.of(oldFile)) / 1e6,
          n * 6);
      List<Run> peer = runs.get("openapi-diff");
      for (Tool t : tools) {
        rows.add(row(input, t.name(), runs.get(t.name()), t.name().equals("openapi-diff") ? null : peer));
      }
    }
    System.out.println("| one side | command | outcome | wall (median) | CPU user+sys (median) | peak RSS "
        + "(median) | findings | ours / openapi-diff, wall | ours / openapi-diff, CPU |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.out.println("load average at the end: " + loadAverage());
  }

  /** Writes the pair of about {@code bytes} per side and the planted changes into {@code dir}. */
  static int write(long bytes, Path dir, long seed, boolean v31) throws IOException {
    VendorSpecs.Pair pair = VendorSpecs.ofSize(bytes, seed, v31);
    Files.createDirectories(dir);
    atomicWrite(dir.resolve("old.json"), VendorSpecs.json(pair.oldApi()));
    atomicWrite(dir.resolve("new.json"), VendorSpecs.json(pair.newApi()));
    StringBuilder tsv = new StringBuilder("change\toperation\toperationId\trule\tseverity\tdetail\n");
    for (VendorChanges.Planted p : pair.planted()) {
      tsv.append(String.join("\t", p.change(), p.operation(), p.operationId(), p.ruleId(), p.severity(),
          p.detail())).append('\n');
    }
    atomicWrite(dir.resolve("planted.tsv"), tsv.toString());
    return pair.resources();
  }

  private static void atomicWrite(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<Tool> tools(Path jar, Path jsa, String oldFile, String newFile) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Tool> tools = new ArrayList<>();
    tools.add(new Tool("contract-gate", List.of(java, "-Xmx512m", "-jar", jar.toString(), "diff", oldFile, newFile,
        "--format", "json", "-q")));
    if (jsa != null) {
      // as users run it: the repository's launcher (its static class-data archive, C1 only for diff), with the
      // same heap as the others
      tools.add(new Tool("./contract-gate (launcher)", List.of("/usr/bin/env", "JAVA_OPTS=-Xmx512m",
          launcher(jar).toString(), "diff", oldFile, newFile, "--format", "json", "-q")));
    }
    tools.add(new Tool("openapi-diff", List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        VendorPeerReport.class.getName(), "peer", oldFile, newFile)));
    return tools;
  }

  /**
   * Records a class-data archive of the diff command once, as the {@code contract-gate} launcher does on its
   * first run (unmeasured); null when this JVM cannot record one.
   */
  private static Path recordArchive(Path jar, Path dir, String oldFile, String newFile, long timeout)
      throws IOException, InterruptedException {
    Path jsa = Path.of(jar.toString().replaceAll("\\.jar$", ".jsa"));
    if (Files.isRegularFile(jsa) && Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) > 0) {
      return jsa;
    }
    if (!Files.isExecutable(launcher(jar))) {
      return null;
    }
    // the launcher's first run without JAVA_OPTS records its archive next to the jar
    Process p = new ProcessBuilder(launcher(jar).toString(), "diff", oldFile, newFile, "--format", "json", "-q")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
      kill(p);
    }
    return Files.isRegularFile(jsa) && Files.size(jsa) > 0 ? jsa : null;
  }

  /** The repository's launcher for {@code contract-cli/target/contract-gate.jar}. */
  private static Path launcher(Path jar) {
    return jar.getParent().getParent().getParent().resolve("contract-gate");
  }

  /** Runs one command under {@code /usr/bin/time} (wall, CPU and peak RSS of the JVM). */
  static Run run(Tool tool, Path out, long timeoutSeconds) throws IOException, InterruptedException {
    Files.createDirectories(out);
    Path stdout = out.resolve("stdout.txt");
    Path stderr = out.resolve("stderr.txt");
    Path times = out.resolve("time.txt");
    Files.deleteIfExists(times);
    boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
    List<String> cmd = new ArrayList<>();
    if (timed) {
      cmd.addAll(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M"));
    }
    cmd.addAll(tool.command());
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      kill(p);
      return new Run("timeout (" + timeoutSeconds + " s)", timeoutSeconds, Double.NaN, -1, "");
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = Double.NaN;
    long rss = -1;
    if (timed && Files.isRegularFile(times)) {
      // The last line: time prints "Command exited with non-zero status N" before it.
      List<String> lines = Files.readAllLines(times);
      String[] f = lines.get(lines.size() - 1).strip().split(" ");
      wall = Double.parseDouble(f[0]);
      cpu = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
      rss = Long.parseLong(f[3]) / 1024;
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    String text = Files.readString(stdout, StandardCharsets.UTF_8);
    int exit = p.exitValue();
    boolean ours = !tool.name().equals("openapi-diff");
    String outcome;
    if (err.contains("StackOverflowError") || text.contains("StackOverflowError")) {
      outcome = "StackOverflowError";
    } else if (err.contains("OutOfMemoryError") || err.contains("out of memory") || err.contains("heap space")) {
      outcome = "out of memory";
    } else if (exit == 0 || ours && exit == 1) {
      outcome = "finished";
    } else {
      outcome = "exit " + exit + ": " + err.strip().lines().filter(l -> !l.startsWith("SLF4J")).findFirst().orElse("").replace('|', '/');
    }
    String findings = !outcome.equals("finished") ? "" : ours ? ourFindings(text) : text.strip();
    return new Run(outcome, wall, cpu, rss, findings);
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  /** {@code 22 breaking, 3 warnings, 7 safe} from the JSON report's summary. */
  static String ourFindings(String json) {
    JsonNode report = VendorSpecs.MAPPER.readTree(json);
    String summary = report.path("entries").path(0).path("summary").asString("");
    Matcher m = SUMMARY.matcher(summary);
    return m.find() ? m.group(1) + " breaking, " + m.group(2) + " warnings, " + m.group(3) + " safe" : summary;
  }

  /**
   * openapi-diff 2.1.7 as its command runs by default: compare the files, render the console changelog (its
   * JSON rendering is a dump of the whole comparison model, tens of MB for these pairs, and would be timed
   * against it unfairly), summarise.
   */
  static String peer(String oldFile, String newFile) {
    ChangedOpenApi diff = OpenApiCompare.fromLocations(oldFile, newFile);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    new ConsoleRender().render(diff, writer); // flushes and closes the writer
    return (diff.isCompatible() ? "compatible" : "incompatible") + ": " + diff.getMissingEndpoints().size()
        + " missing, " + diff.getNewEndpoints().size() + " new, " + diff.getChangedOperations().size()
        + " changed operations (" + bytes.size() / 1024 + " KB of report)";
  }

  private static String row(String input, String tool, List<Run> runs, List<Run> peer) {
    List<Run> done = runs.stream().filter(Run::finished).toList();
    String outcome = done.size() == runs.size() ? "finished" : runs.stream().map(Run::outcome).distinct()
        .reduce((a, b) -> a + "; " + b).orElse("");
    if (done.isEmpty()) {
      return "| " + input + " | " + tool + " | " + outcome + " | | | | | | |";
    }
    return String.format(Locale.ROOT, "| %s | %s | %s | %.2f s | %.2f s | %s | %s | %s | %s |", input, tool,
        outcome, median(done.stream().map(Run::wall).toList()), median(done.stream().map(Run::cpu).toList()),
        done.get(0).rssMb() < 0 ? "" : Math.round(median(done.stream().map(r -> (double) r.rssMb()).toList()))
            + " MB", done.get(0).findings(), ratio(runs, peer, Run::wall), ratio(runs, peer, Run::cpu));
  }

  /** The median of the per-round ratios ours / openapi-diff, over the rounds both finished. */
  private static String ratio(List<Run> runs, List<Run> peer, ToDoubleFunction<Run> measure) {
    if (peer == null) {
      return "";
    }
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      if (runs.get(i).finished() && peer.get(i).finished()) {
        ratios.add(measure.applyAsDouble(runs.get(i)) / measure.applyAsDouble(peer.get(i)));
      }
    }
    return ratios.isEmpty() ? "no pair (openapi-diff did not finish)"
        : String.format(Locale.ROOT, "%.2f×", median(ratios));
  }

  static double median(List<Double> values) {
    List<Double> s = values.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
