package dev.contractgate.infer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Run by {@link InferScaleTest} in a child JVM with a fixed small heap: infers one large recording, writes the
 * version, then prints counts, time and heap on standard output, one {@code key=value} per line.
 */
public final class InferScaleMain {

  private InferScaleMain() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    InferredVersion v = Inference.builder("shop", "/api/shop/", "1.0.0").build().run(List.of(Path.of(args[0])));
    long millis = (System.nanoTime() - start) / 1_000_000;
    v.writeTo(Path.of(args[1]), false);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.gc();
    long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    System.out.println("entries=" + v.summary().entries());
    System.out.println("exchanges=" + v.summary().exchanges());
    System.out.println("outside=" + v.summary().outsideBasePath());
    for (Map.Entry<String, Long> p : v.summary().problems().entrySet()) {
      System.out.println("problem=" + p.getKey() + " " + p.getValue());
    }
    for (String f : v.files().keySet()) {
      System.out.println("file=" + f);
    }
    System.out.println("threads=" + Runtime.getRuntime().availableProcessors());
    System.out.println("millis=" + millis);
    System.out.println("maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    System.out.println("peakHeapPoolsMb=" + peak / (1024 * 1024));
    System.out.println("usedAfterGcMb=" + used / (1024 * 1024));
  }
}
