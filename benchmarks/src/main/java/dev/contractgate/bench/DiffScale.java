package dev.contractgate.bench;

import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.DiffResult;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.SchemaInput;
import dev.contractgate.diff.engine.Engine;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the diff's cost over the schema size (not JMH): for each component count, a {@link
 * SyntheticSchemas} pair compared several times in this JVM, with the deterministic counts next to the
 * measured ones: schema pairs in the memo, findings, bytes allocated by the comparing thread (per diff and
 * per MB of one side), wall time and GC time (the best of the runs after the first, per diff and per MB).
 * Linear cost shows as flat per-MB columns.
 *
 * <pre>{@code java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.contractgate.bench.DiffScale [components,...] [runs]}</pre>
 */
public final class DiffScale {

  private DiffScale() {}

  /** One size's numbers. */
  public record Row(int components, int bytes, int pairs, int findings, long allocated, double seconds,
      double gcSeconds) {}

  public static void main(String[] args) {
    String sizes = args.length > 0 ? args[0] : "485,970,1942,4854";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    System.out.printf("max heap %d MB, %d runs per size%n", Runtime.getRuntime().maxMemory() >> 20, runs);
    System.out.println("| components | MB per side | pairs | pairs per component | findings | allocated per diff"
        + " | allocated per MB | time per diff | time per MB | GC per diff |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (String s : sizes.split(",")) {
      Row r = measure(Integer.parseInt(s.trim()), runs);
      double mb = r.bytes() / 1e6;
      System.out.printf("| %,d | %.2f | %,d | %.1f | %d | %,.0f MB | %.0f MB | %.2f s | %.2f s | %.2f s |%n",
          r.components(), mb, r.pairs(), (double) r.pairs() / r.components(), r.findings(), r.allocated() / 1e6,
          r.allocated() / 1e6 / mb, r.seconds(), r.seconds() / mb, r.gcSeconds());
    }
  }

  /** Compares a pair of {@code components} components {@code runs} times; the first run only warms up. */
  public static Row measure(int components, int runs) {
    SyntheticSchemas.Pair pair = SyntheticSchemas.pair(components);
    SchemaInput oldSide = SchemaInput.of("old.schema.json", pair.oldSchema());
    SchemaInput newSide = SchemaInput.of("new.schema.json", pair.newSchema());
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < Math.max(2, runs); i++) {
      Engine.Stats stats = new Engine.Stats();
      long gc0 = gcMillis();
      long a0 = threads.getThreadAllocatedBytes(thread);
      long t0 = System.nanoTime();
      DiffResult result = Engine.compare(oldSide, newSide, Direction.RESPONSE, DiffPolicy.defaults(), stats);
      long t1 = System.nanoTime();
      long a1 = threads.getThreadAllocatedBytes(thread);
      rows.add(new Row(components, pair.oldBytes(), stats.pairs, result.changes().size(), a1 - a0,
          (t1 - t0) / 1e9, (gcMillis() - gc0) / 1e3));
    }
    Row best = rows.get(1);
    for (Row r : rows.subList(1, rows.size())) {
      if (r.seconds() < best.seconds()) {
        best = r;
      }
    }
    return best;
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }
}
