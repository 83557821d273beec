package dev.contractgate.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.apiguardian.api.API;

/**
 * One OkHttp client per test run, kept in the root store: every {@code ContractClient} derives from it and
 * so shares its connection pool and threads, which JUnit releases through {@link #close()} when the run
 * ends.
 */
@API(status = INTERNAL, since = "0.1")
public final class SharedHttpClient implements AutoCloseable {

  /** The root-store key. */
  public static final String KEY = "okhttp";

  private final OkHttpClient client = new OkHttpClient.Builder()
      // A contract describes the response an endpoint gives, not the one behind a redirect.
      .followRedirects(false)
      // A retried request could hide a connection the backend drops; the test should see it.
      .retryOnConnectionFailure(false)
      // Built cleartext-only: OkHttp reads the JDK's trust store when a client with TLS is built, about 80 ms
      // of a cold run that a suite against http://127.0.0.1 never needs. https clients add TLS below.
      .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
      .build();

  /** A client for {@code baseUrl} with the given timeout for connecting, reading and the whole call. */
  public OkHttpClient forBaseUrl(HttpUrl baseUrl, Duration timeout) {
    OkHttpClient.Builder builder = client.newBuilder()
        .callTimeout(timeout)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout);
    if (baseUrl.isHttps()) {
      // OkHttp's default; redirects are not followed, so an http base URL never needs it.
      builder.connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT));
    }
    return builder.build();
  }

  @Override
  public void close() throws InterruptedException {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    client.dispatcher().executorService().awaitTermination(1, TimeUnit.SECONDS);
  }
}
