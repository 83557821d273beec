package dev.contractgate.drift;

import dev.contractgate.registry.ContractRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@link DriftScaleTest} in a child JVM with a fixed small heap: drift over one large recording, then
 * the counts, the time and the heap on standard output, one {@code key=value} per line.
 */
public final class DriftScaleMain {

  private DriftScaleMain() {}

  public static void main(String[] args) {
    ContractRegistry registry = ContractRegistry.load(Path.of(args[0]));
    long start = System.nanoTime();
    DriftResult result = Drift.builder(registry).namespaces(List.of("ivanpin")).build().run(List.of(Path.of(args[1])));
    long millis = (System.nanoTime() - start) / 1_000_000;
    EndpointDrift list = result.endpoint("ivanpin", "blog.list").orElseThrow();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.gc();
    long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    System.out.println("recordings=" + result.recordings());
    System.out.println("count=" + list.count());
    System.out.println("conforming=" + list.conforming());
    for (DriftGroup g : list.violations()) {
      System.out.println("violation=" + g.rule() + " " + g.pointer() + " " + g.count() + " samples=" + g.samples().size());
    }
    System.out.println("unmatched=" + result.unmatchedCount());
    System.out.println("unreadable=" + result.unreadableCount());
    System.out.println("threads=" + Runtime.getRuntime().availableProcessors());
    System.out.println("millis=" + millis);
    System.out.println("maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    System.out.println("peakHeapPoolsMb=" + peak / (1024 * 1024));
    System.out.println("usedAfterGcMb=" + used / (1024 * 1024));
  }
}
