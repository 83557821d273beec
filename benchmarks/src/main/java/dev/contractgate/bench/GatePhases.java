package dev.contractgate.bench;

import dev.contractgate.gate.GateResult;
import dev.contractgate.gate.LiveGate;
import dev.contractgate.gate.ProbeResult;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.validate.ObservedResponse;
import dev.contractgate.validate.ResponseValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Where the live gate's fixed cost above the slowest latency goes (not JMH): one JVM, the tree and backend of
 * {@link GateBenchmark}, several runs, each with timestamps relative to the call of {@code run()}: first and
 * last request arriving at the backend, first and last response written by it, first and last probe finished
 * on the client (progress callback). Plus the cost of building the registry and gate, of creating an OkHttp
 * client as {@code ProbeRunner} does, and of validating the 200 responses alone.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.contractgate.bench.GatePhases [endpoints] [latencyMs] [concurrency] [runs]}</pre>
 */
public final class GatePhases {

  private GatePhases() {}

  public static void main(String[] args) throws Exception {
    int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int latency = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    Path tree = ContractTrees.write(Files.createTempDirectory("cg-gate-phases"), endpoints);
    try (SlowBackend backend = new SlowBackend(latency)) {
      long t = System.nanoTime();
      ContractRegistry registry = ContractRegistry.load(tree);
      double loadMs = ms(System.nanoTime() - t);
      ConcurrentLinkedQueue<Long> done = new ConcurrentLinkedQueue<>();
      t = System.nanoTime();
      LiveGate gate = LiveGate.builder(registry).baseUrl(backend.baseUrl()).concurrency(concurrency)
          .timeout(Duration.ofSeconds(10)).deadline(Duration.ofSeconds(120)).retries(0).environment(n -> null)
          .progress(p -> done.add(System.nanoTime())).build();
      double buildMs = ms(System.nanoTime() - t);
      System.out.printf("endpoints=%d latency=%d ms concurrency=%d%n", endpoints, latency, concurrency);
      System.out.printf("registry load %.1f ms, gate build %.1f ms%n", loadMs, buildMs);
      System.out.println("run | wall | GateResult.millis | 1st arrival | last arrival | 1st written | last written"
          + " | 1st done | last done | backend handler max | passed");
      double[] walls = new double[runs];
      for (int r = 0; r < runs; r++) {
        done.clear();
        backend.drainTimings();
        long t0 = System.nanoTime();
        GateResult g = gate.run();
        long t1 = System.nanoTime();
        List<long[]> ts = backend.drainTimings();
        long firstIn = ts.stream().mapToLong(x -> x[0]).min().orElse(t0);
        long lastIn = ts.stream().mapToLong(x -> x[0]).max().orElse(t0);
        long firstOut = ts.stream().mapToLong(x -> x[1]).min().orElse(t0);
        long lastOut = ts.stream().mapToLong(x -> x[1]).max().orElse(t0);
        long handlerMax = ts.stream().mapToLong(x -> x[1] - x[0]).max().orElse(0);
        long firstDone = done.stream().mapToLong(Long::longValue).min().orElse(t0);
        long lastDone = done.stream().mapToLong(Long::longValue).max().orElse(t0);
        long passed = g.results().stream().filter(p -> p.outcome() == ProbeResult.Outcome.PASSED).count();
        walls[r] = ms(t1 - t0);
        System.out.printf("%d | %.1f | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d%n", r + 1,
            ms(t1 - t0), g.millis(), ms(firstIn - t0), ms(lastIn - t0), ms(firstOut - t0), ms(lastOut - t0),
            ms(firstDone - t0), ms(lastDone - t0), ms(handlerMax), passed);
      }
      System.out.println(summary("gate", walls));
      // OkHttp client creation as ProbeRunner does it (new dispatcher, new pool), then shut down.
      for (int i = 0; i < 3; i++) {
        t = System.nanoTime();
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(concurrency);
        d.setMaxRequestsPerHost(concurrency);
        OkHttpClient c = new OkHttpClient.Builder().dispatcher(d).connectionSpecs(List.of(okhttp3.ConnectionSpec.CLEARTEXT)).callTimeout(Duration.ofSeconds(10))
            .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(10))
            .retryOnConnectionFailure(false).followRedirects(false).build();
        double createMs = ms(System.nanoTime() - t);
        c.dispatcher().executorService().shutdownNow();
        System.out.printf("OkHttp client creation %.2f ms%n", createMs);
      }
      // The same 200 requests with a bare OkHttp client configured like ProbeRunner's, with an event listener:
      // when the client's calls start, connect and send, against when the backend sees them.
      double[] bare = new double[runs];
      for (int r = 0; r < runs; r++) {
        bare[r] = rawOkHttp(backend, registry, endpoints, concurrency);
      }
      System.out.println(summary("bare OkHttp", bare));
      // Validation of the 200 responses alone, sequentially on this thread (warm after the runs above).
      ContractVersion version = registry.versions(ContractTrees.NAMESPACE).get(0);
      for (int k = 0; k < 3; k++) {
        t = System.nanoTime();
        int violations = 0;
        for (int i = 0; i < endpoints; i++) {
          Endpoint e = registry.requireEndpoint(version, "items.e" + i);
          violations += ResponseValidator.of(registry).validate(version, e, new ObservedResponse(200,
              Map.of("Content-Type", List.of("application/json")), ContractTrees.body(i))).violations().size();
        }
        System.out.printf("validation of %d responses, one thread: %.2f ms (%d violations)%n", endpoints,
            ms(System.nanoTime() - t), violations);
      }
    } finally {
      ContractTrees.delete(tree);
    }
  }

  /** The first run (cold) apart: median, minimum and maximum of the others. */
  static String summary(String what, double[] walls) {
    double[] warm = java.util.Arrays.copyOfRange(walls, 1, walls.length);
    java.util.Arrays.sort(warm);
    return warm.length == 0 ? String.format("%s: run 1 %.1f ms", what, walls[0])
        : String.format("%s: run 1 %.1f ms; runs 2-%d median %.1f ms (min %.1f, max %.1f)", what, walls[0],
            walls.length, warm[warm.length / 2], warm[0], warm[warm.length - 1]);
  }

  private static double rawOkHttp(SlowBackend backend, ContractRegistry registry, int endpoints, int concurrency)
      throws InterruptedException {
    ConcurrentLinkedQueue<Long> callStart = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> connectEnd = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> headersSent = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> bodyRead = new ConcurrentLinkedQueue<>();
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(concurrency);
    d.setMaxRequestsPerHost(concurrency);
    OkHttpClient c = new OkHttpClient.Builder().dispatcher(d).connectionSpecs(List.of(okhttp3.ConnectionSpec.CLEARTEXT)).retryOnConnectionFailure(false)
        .eventListener(new okhttp3.EventListener() {
          @Override public void callStart(okhttp3.Call call) {
            callStart.add(System.nanoTime());
          }
          @Override public void connectEnd(okhttp3.Call call, java.net.InetSocketAddress a, java.net.Proxy p,
              okhttp3.Protocol protocol) {
            connectEnd.add(System.nanoTime());
          }
          @Override public void requestHeadersEnd(okhttp3.Call call, okhttp3.Request request) {
            headersSent.add(System.nanoTime());
          }
          @Override public void responseBodyEnd(okhttp3.Call call, long bytes) {
            bodyRead.add(System.nanoTime());
          }
        }).build();
    backend.drainTimings();
    java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(endpoints);
    long t0 = System.nanoTime();
    for (int i = 0; i < endpoints; i++) {
      c.newCall(new okhttp3.Request.Builder().url(backend.baseUrl() + ContractTrees.BASE_PATH + "items/e" + i + "?lang=ru")
          .build()).enqueue(new okhttp3.Callback() {
            @Override public void onFailure(okhttp3.Call call, java.io.IOException e) {
              latch.countDown();
            }
            @Override public void onResponse(okhttp3.Call call, okhttp3.Response response) throws java.io.IOException {
              try (response) {
                response.body().string();
              }
              latch.countDown();
            }
          });
    }
    latch.await();
    long t1 = System.nanoTime();
    List<long[]> ts = backend.drainTimings();
    System.out.printf("bare OkHttp: wall %.1f | callStart last %.1f | connectEnd first %.1f last %.1f | headers sent"
        + " last %.1f | backend arrival first %.1f last %.1f | written last %.1f | body read last %.1f%n",
        ms(t1 - t0), ms(max(callStart) - t0), ms(min(connectEnd) - t0), ms(max(connectEnd) - t0),
        ms(max(headersSent) - t0), ms(ts.stream().mapToLong(x -> x[0]).min().orElse(t0) - t0),
        ms(ts.stream().mapToLong(x -> x[0]).max().orElse(t0) - t0),
        ms(ts.stream().mapToLong(x -> x[1]).max().orElse(t0) - t0), ms(max(bodyRead) - t0));
    d.executorService().shutdownNow();
    c.connectionPool().evictAll();
    return ms(t1 - t0);
  }

  private static long max(java.util.Collection<Long> xs) {
    return xs.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static long min(java.util.Collection<Long> xs) {
    return xs.stream().mapToLong(Long::longValue).min().orElse(0);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
