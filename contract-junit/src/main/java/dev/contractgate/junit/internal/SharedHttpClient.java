package dev.contractgate.junit.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * One OkHttp client per test run, kept in the root store: every {@code ContractClient} derives from it and
 * so shares its connection pool and threads, which JUnit releases through {@link #close()} when the run
 * ends.
 */
public final class SharedHttpClient implements AutoCloseable {

  /** The root-store key. */
  public static final String KEY = "okhttp";

  private final OkHttpClient client = new OkHttpClient.Builder()
      // A contract describes the response an endpoint gives, not the one behind a redirect.
      .followRedirects(false)
      // A retried request could hide a connection the backend drops; the test should see it.
      .retryOnConnectionFailure(false)
      .build();

  /** A client with the given timeout for connecting, reading and the whole call. */
  public OkHttpClient withTimeout(Duration timeout) {
    return client.newBuilder()
        .callTimeout(timeout)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .build();
  }

  @Override
  public void close() throws InterruptedException {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    client.dispatcher().executorService().awaitTermination(1, TimeUnit.SECONDS);
  }
}
