package dev.contractgate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The live gate's benchmark target in a process of its own, for timing the {@code verify} command as a user
 * runs it (a fresh JVM) against a backend whose cost is not in that JVM: writes the tree of
 * {@link ContractTrees} to a directory, starts a {@link SlowBackend}, warms it with a few thousand requests,
 * prints its base URL and serves until standard input closes.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.contractgate.bench.GateTarget DIR [endpoints] [latencyMs]}</pre>
 */
public final class GateTarget {

  private GateTarget() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int endpoints = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    long latency = args.length > 2 ? Long.parseLong(args[2]) : 50;
    ContractTrees.write(dir, endpoints);
    try (SlowBackend backend = new SlowBackend(latency)) {
      warm(backend, endpoints, 15);
      System.out.println(backend.baseUrl());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the caller closes our standard input
      }
    }
  }

  /** Rounds of all endpoints at once, so that the backend's own code is compiled before it is measured. */
  private static void warm(SlowBackend backend, int endpoints, int rounds) throws InterruptedException {
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(endpoints);
    d.setMaxRequestsPerHost(endpoints);
    OkHttpClient client = new OkHttpClient.Builder().dispatcher(d).build();
    for (int r = 0; r < rounds; r++) {
      CountDownLatch latch = new CountDownLatch(endpoints);
      for (int i = 0; i < endpoints; i++) {
        client.newCall(new Request.Builder().url(backend.baseUrl() + ContractTrees.BASE_PATH + "items/e" + i).build())
            .enqueue(new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                latch.countDown();
              }

              @Override
              public void onResponse(Call call, Response response) {
                response.close();
                latch.countDown();
              }
            });
      }
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the backend did not answer the warm-up round " + (r + 1));
      }
    }
    d.executorService().shutdownNow();
    client.connectionPool().evictAll();
  }
}
