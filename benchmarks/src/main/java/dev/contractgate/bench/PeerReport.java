package dev.contractgate.bench;

import dev.contractgate.diff.Change;
import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.DiffResult;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.SchemaDiff;
import dev.contractgate.diff.EndpointChange;
import dev.contractgate.diff.SchemaInput;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.openapi.ImportedVersion;
import dev.contractgate.openapi.OpenApiImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether each diff tool finishes, and in what time and peak heap, on the synthetic pairs: every (tool, size)
 * runs once in a fresh JVM with {@code -Xmx512m}, so a {@link StackOverflowError}, an
 * {@link OutOfMemoryError} or a hang is a result, not a crashed benchmark.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.contractgate.bench.PeerReport [sizes...] [--timeout=SECONDS]
 * </pre>
 */
public final class PeerReport {

  /** One OpenAPI path per this many components. */
  public static final int PER_PATH = 10;

  private PeerReport() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("child")) {
      System.out.println(child(args[1], Integer.parseInt(args[2])));
      System.out.flush();
      System.exit(0);
    }
    List<Integer> sizes = new ArrayList<>();
    long timeout = 300;
    for (String a : args) {
      if (a.startsWith("--timeout=")) {
        timeout = Long.parseLong(a.substring("--timeout=".length()));
      } else {
        sizes.add(Integer.parseInt(a));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(500_000, 2_000_000, 5_000_000);
    }
    System.out.println("| tool | input | outcome | wall ms | peak heap MB | result |");
    System.out.println("|---|---|---|---|---|---|");
    for (int size : sizes) {
      for (String tool : List.of("contract-gate", "contract-gate-openapi", "openapi-diff")) {
        System.out.println(runChild(tool, size, timeout));
      }
    }
  }

  private static String runChild(String tool, int size, long timeoutSeconds) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(java, "-Xms512m", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        PeerReport.class.getName(), "child", tool, String.valueOf(size));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    Thread reader = new Thread(() -> {
      try {
        out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        out.append(e);
      }
    });
    reader.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      reader.join(5000);
      return "| " + tool + " | " + size + " | did not finish in " + timeoutSeconds + " s | | | |";
    }
    reader.join(5000);
    String text = out.toString();
    for (String line : text.split("\n")) {
      if (line.startsWith("| ")) {
        return line;
      }
    }
    String last = text.isBlank() ? "exit " + p.exitValue() : text.strip().lines().reduce((a, b) -> b).orElse("");
    return "| " + tool + " | " + size + " | crashed (exit " + p.exitValue() + ") | | | " + last.replace('|', '/') + " |";
  }

  /** Runs one tool on one size in this JVM and describes the outcome as a table row. */
  static String child(String tool, int size) {
    SyntheticSchemas.Pair pair = SyntheticSchemas.ofSize(size);
    String oldText;
    String newText;
    if (!tool.equals("contract-gate")) {
      oldText = SyntheticSchemas.json(SyntheticSchemas.toOpenApi(pair.oldSchema(), PER_PATH));
      newText = SyntheticSchemas.json(SyntheticSchemas.toOpenApi(pair.newSchema(), PER_PATH));
    } else {
      oldText = SyntheticSchemas.json(pair.oldSchema());
      newText = SyntheticSchemas.json(pair.newSchema());
    }
    String input = String.format("%d components, %.2f MB", pair.components(),
        oldText.getBytes(StandardCharsets.UTF_8).length / 1e6);
    pair = null;
    System.gc();
    resetPeaks();
    long start = System.nanoTime();
    String outcome;
    String result;
    try {
      result = switch (tool) {
        case "openapi-diff" -> openapiDiff(oldText, newText);
        case "contract-gate-openapi" -> contractGateOpenApi(oldText, newText);
        default -> contractGate(oldText, newText);
      };
      outcome = "finished";
    } catch (StackOverflowError e) {
      outcome = "StackOverflowError";
      result = "";
    } catch (OutOfMemoryError e) {
      outcome = "OutOfMemoryError";
      result = String.valueOf(e.getMessage());
    } catch (RuntimeException e) {
      outcome = "failed: " + e.getClass().getSimpleName();
      result = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    return "| " + tool + " | " + input + " | " + outcome + " | " + ms + " | " + peakHeapMb() + " | "
        + result.replace('|', '/') + " |";
  }

  /** Parses and compares; returns a summary of the findings. */
  public static String contractGate(String oldText, String newText) {
    JsonMapper mapper = JsonMapper.builder().build();
    DiffResult r = SchemaDiff.compare(SchemaInput.of("old.schema.json", mapper.readTree(oldText)),
        SchemaInput.of("new.schema.json", mapper.readTree(newText)), Direction.RESPONSE);
    return r.changes().size() + " findings " + byRule(r.changes());
  }

  /**
   * The same OpenAPI texts openapi-diff reads, through Contract Gate's OpenAPI import and endpoint diff (what
   * {@code contract-gate diff a.json b.json} does); the files are written inside the measurement, as the
   * command reads them. Returns the findings by rule.
   */
  public static String contractGateOpenApi(String oldText, String newText) {
    try {
      Path dir = Files.createTempDirectory("cg-peer");
      try {
        Path oldFile = Files.writeString(dir.resolve("old.openapi.json"), oldText);
        Path newFile = Files.writeString(dir.resolve("new.openapi.json"), newText);
        ImportedVersion from = OpenApiImport.convert(oldFile, "api", "1.0.0", Optional.empty());
        ImportedVersion to = OpenApiImport.convert(newFile, "api", "2.0.0", Optional.empty());
        VersionDiff d = OpenApiImport.compare(from, to, DiffPolicy.defaults(), LocalDate.of(2026, 11, 22));
        return d.changes().size() + " findings "
            + byRule(d.changes().stream().map(EndpointChange::change).toList());
      } finally {
        ContractTrees.delete(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses and compares with openapi-diff; returns a summary. */
  public static String openapiDiff(String oldText, String newText) {
    ChangedOpenApi r = OpenApiCompare.fromContents(oldText, newText);
    return r.isChanged() + ", " + r.getChangedOperations().size() + " changed operations, "
        + r.getChangedSchemas().size() + " changed schemas";
  }

  /** Finding counts by rule id, sorted by rule. */
  public static Map<String, Integer> byRule(List<Change> changes) {
    Map<String, Integer> out = new TreeMap<>();
    changes.forEach(c -> out.merge(c.ruleId(), 1, Integer::sum));
    return out;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / (1024 * 1024);
  }
}
