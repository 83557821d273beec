package dev.contractgate.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback backend (JDK {@code HttpServer}, random port) for the trees of {@link ContractTrees}: it answers
 * {@code GET /api/bench/items/e<i>} after a fixed latency with that endpoint's valid body.
 */
public final class SlowBackend implements AutoCloseable {

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
    // client's delayed ACK add about 40 ms to every response, which would be the backend's cost, not ours.
    // Read once, when the server's configuration class loads, so it must be set before the first server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong requests = new AtomicLong();
  private final java.util.concurrent.ConcurrentLinkedQueue<long[]> timings = new java.util.concurrent.ConcurrentLinkedQueue<>();

  public SlowBackend(long latencyMillis) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // One thread per request in flight, so the backend itself never serialises the latency.
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "slow-backend");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext(ContractTrees.BASE_PATH + "items/", exchange -> {
      try (exchange) {
        long arrived = System.nanoTime();
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        int i = last.startsWith("e") ? Integer.parseInt(last.substring(1)) : -1;
        Thread.sleep(latencyMillis);
        byte[] body = (i < 0 ? "{}" : ContractTrees.body(i)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(i < 0 ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
        timings.add(new long[] {arrived, System.nanoTime()});
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        exchange.sendResponseHeaders(500, -1);
      }
    });
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  /** Requests answered so far. */
  public long requests() {
    return requests.get();
  }

  /**
   * Per answered request, {@code System.nanoTime()} when the handler started and when the body was written;
   * read and cleared ({@link GatePhases}).
   */
  public java.util.List<long[]> drainTimings() {
    java.util.List<long[]> out = new java.util.ArrayList<>();
    for (long[] t; (t = timings.poll()) != null; ) {
      out.add(t);
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
