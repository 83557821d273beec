package dev.contractgate.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
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
  private final ScheduledExecutorService replies;
  private final AtomicLong requests = new AtomicLong();
  private final ConcurrentLinkedQueue<long[]> timings = new ConcurrentLinkedQueue<>();

  public SlowBackend(long latencyMillis) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A remote backend's threads are not on the client's cores; on this two-core machine they are. So the
    // handler does not sleep on a thread of its own: it parses the request on one of two threads and a
    // scheduler writes the answer after the latency, the way an event-loop server would. Threads per request
    // here would put the backend's own thread creation into the client's wall time.
    executor = Executors.newFixedThreadPool(2, daemon("slow-backend"));
    replies = Executors.newSingleThreadScheduledExecutor(daemon("slow-backend-reply"));
    server.setExecutor(executor);
    server.createContext(ContractTrees.BASE_PATH + "items/", exchange -> {
      long arrived = System.nanoTime();
      requests.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      String last = path.substring(path.lastIndexOf('/') + 1);
      int i = last.startsWith("e") ? parseOrMinusOne(last.substring(1)) : -1;
      replies.schedule(() -> reply(exchange, i, arrived), latencyMillis, TimeUnit.MILLISECONDS);
    });
    server.start();
  }

  private void reply(HttpExchange exchange, int i, long arrived) {
    try (exchange) {
      byte[] body = (i < 0 ? "{}" : ContractTrees.body(i)).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(i < 0 ? 404 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      timings.add(new long[] {arrived, System.nanoTime()});
    } catch (IOException | RuntimeException e) {
      // The client gave up (timeout, cancel): nothing to answer.
    }
  }

  private static int parseOrMinusOne(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
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
  public List<long[]> drainTimings() {
    List<long[]> out = new ArrayList<>();
    for (long[] t; (t = timings.poll()) != null; ) {
      out.add(t);
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    replies.shutdownNow();
    executor.shutdownNow();
  }
}
