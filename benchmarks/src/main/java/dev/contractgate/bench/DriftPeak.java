package dev.contractgate.bench;

import dev.contractgate.drift.Drift;
import dev.contractgate.drift.DriftResult;
import dev.contractgate.drift.EndpointDrift;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak memory of {@code drift} (JMH does not sample it): each (records, workers) pair once in a fresh JVM
 * with a fixed heap, over the NDJSON file of {@link DriftBenchmark}. Reports two bounds of the heap's peak —
 * the largest used heap a 2 ms sampler saw (a lower bound) and the sum of the heap pools' own peaks (an upper
 * bound: the pools peak at different moments) — the heap still live after the run and a full collection, and
 * the time, which includes writing nothing (the file is written before the clock starts).
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.contractgate.bench.DriftPeak [-Xmx] [records,...] [workers,...]}</pre>
 * e.g. {@code DriftPeak 256m 10000,100000 1,2}.
 */
public final class DriftPeak {

  private DriftPeak() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      System.out.println("RESULT " + measure(Integer.parseInt(args[1]), Integer.parseInt(args[2])));
      return;
    }
    String heap = args.length > 0 ? args[0] : "256m";
    String[] records = (args.length > 1 ? args[1] : "10000,100000").split(",");
    String[] workers = (args.length > 2 ? args[2] : "1,2").split(",");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    System.out.println("heap -Xmx" + heap + "; MB = 2^20 bytes");
    System.out.println("records | workers | time ms | documents/s | peak heap seen (MB) | sum of pool peaks (MB)"
        + " | live after (MB) | conforming");
    for (String r : records) {
      for (String w : workers) {
        Process p = new ProcessBuilder(java, "-Xmx" + heap, "-Xms" + heap, "-cp", cp, DriftPeak.class.getName(),
            "child", r, w).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            lines.add(line);
          }
        }
        int exit = p.waitFor();
        String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
        if (exit != 0 || result == null) {
          System.out.println(r + " | " + w + " | failed (exit " + exit + "): " + String.join(" / ", lines));
        } else {
          System.out.println(result.substring("RESULT ".length()));
        }
      }
    }
  }

  /** One run in this JVM: the table row, checked (every record read). */
  static String measure(int records, int workers) throws IOException, InterruptedException {
    DriftBenchmark.Corpus corpus = new DriftBenchmark.Corpus();
    corpus.records = records;
    corpus.setUp();
    Path dir = Files.createTempDirectory("cg-drift-peak");
    try {
      Path file = dir.resolve("recording.ndjson");
      DriftBenchmark.write(file, corpus.bodies, records);
      Drift drift = Drift.builder(corpus.registry).namespaces(List.of("ivanpin")).threads(workers).build();
      List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(m -> m.getType() == MemoryType.HEAP).toList();
      System.gc();
      heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
      AtomicLong seen = new AtomicLong();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread sampler = new Thread(() -> {
        while (running.get()) {
          seen.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
      long t0 = System.nanoTime();
      DriftResult result = drift.run(List.of(file));
      long nanos = System.nanoTime() - t0;
      running.set(false);
      sampler.join();
      long poolPeaks = heapPools.stream().mapToLong(m -> m.getPeakUsage().getUsed()).sum();
      long conforming = result.endpoints().stream().mapToLong(EndpointDrift::conforming).sum();
      if (result.recordings() != records) {
        throw new IllegalStateException(result.recordings() + " recordings read, " + records + " written");
      }
      System.gc();
      long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      return String.format("%d | %d | %d | %,.0f | %.0f | %.0f | %.0f | %d", records, workers, nanos / 1_000_000,
          records / (nanos / 1e9), mb(seen.get()), mb(poolPeaks), mb(live), conforming);
    } finally {
      ContractTrees.delete(dir);
    }
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
