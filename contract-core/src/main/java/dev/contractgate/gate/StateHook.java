package dev.contractgate.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.record.Secrets;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apiguardian.api.API;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider-state handler that asks the backend over HTTP: before a probe that declares {@code state: NAME} it
 * sends {@code POST <url>} with the body {@code {"state": "NAME"}} and waits for a 2xx answer. The backend (or
 * a test-only endpoint of it) puts the data the probe expects in place. Used by {@code verify --state-hook}.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StateHook implements Consumer<String> {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final HttpUrl url;
  private final String shown;
  private final OkHttpClient http;

  private StateHook(HttpUrl url, Duration timeout) {
    this.url = url;
    this.shown = ProbeRunner.shown(url);
    OkHttpClient.Builder b = new OkHttpClient.Builder();
    if (!url.isHttps()) {
      b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    this.http = b.callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout).followRedirects(false).build();
  }

  /**
   * A hook that posts to this URL.
   *
   * @throws IllegalArgumentException when the URL is not http(s) (the message never shows user-info)
   */
  public static StateHook post(String url, Duration timeout) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(timeout, "timeout");
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      String shown = Secrets.userInfo(url).map(u -> url.replace(u + "@", "***@")).orElse(url);
      throw new IllegalArgumentException("Invalid --state-hook \"" + shown
          + "\": expected an http(s) URL such as http://127.0.0.1:8080/test/states");
    }
    return new StateHook(parsed, timeout);
  }

  /**
   * Sets up one state.
   *
   * @throws IllegalStateException when the hook cannot be reached or does not answer 2xx, with what came back
   */
  @Override
  public void accept(String state) {
    String body = MAPPER.createObjectNode().put("state", state).toString();
    Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON))
        .header("User-Agent", "contract-gate").build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IllegalStateException("the state hook POST " + shown + " answered " + response.code()
            + "; it must answer 2xx once the backend holds the state's data");
      }
    } catch (IOException e) {
      throw new IllegalStateException("the state hook POST " + shown + " failed: "
          + (e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName()), e);
    }
  }

  /** The URL without user-info. */
  @Override
  public String toString() {
    return "StateHook[" + shown + "]";
  }
}
