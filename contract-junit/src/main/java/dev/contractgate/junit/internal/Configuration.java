package dev.contractgate.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reads the {@code contract.*} settings: a value set in code wins, then the JUnit configuration parameter
 * (which JUnit itself backs with system properties and {@code junit-platform.properties}), then the
 * environment variable. The table in {@code docs/junit.md} lists the same keys; keep both in step.
 */
@API(status = INTERNAL, since = "0.1")
public final class Configuration {

  public static final String CONTRACTS = "contract.contracts";
  public static final String CONTRACTS_ENV = "CONTRACT_CONTRACTS";
  public static final String BASE_URL = "contract.baseUrl";
  public static final String BASE_URL_ENV = "CONTRACT_BASE_URL";
  public static final String TIMEOUT = "contract.timeout";
  public static final String TIMEOUT_ENV = "CONTRACT_TIMEOUT";
  public static final String NAMESPACE = "contract.namespace";
  public static final String NAMESPACE_ENV = "CONTRACT_NAMESPACE";

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

  private Configuration() {}

  /** The first of: the value set in code, the configuration parameter, the environment variable. */
  public static Optional<Setting> lookup(ExtensionContext context, Optional<Setting> inCode, String key, String envVar,
      Function<String, String> environment) {
    if (inCode.isPresent()) {
      return inCode;
    }
    Optional<String> parameter = context.getConfigurationParameter(key).filter(v -> !v.isBlank());
    if (parameter.isPresent()) {
      return Optional.of(new Setting(key, parameter.get().trim(), "configuration parameter " + key));
    }
    String env = environment.apply(envVar);
    if (env != null && !env.isBlank()) {
      return Optional.of(new Setting(key, env.trim(), "environment variable " + envVar));
    }
    return Optional.empty();
  }

  /** The base URL, required because a {@code ContractClient} was asked for. */
  public static HttpUrl baseUrl(Optional<Setting> setting, String requestedBy) {
    if (setting.isEmpty()) {
      throw new ExtensionConfigurationException(Messages.of(
          "No base URL for the ContractClient of " + requestedBy,
          BASE_URL + ": the URL of the backend under test, e.g. http://127.0.0.1:8080",
          "not set (no configuration parameter or system property " + BASE_URL + ", no environment variable "
              + BASE_URL_ENV + ")",
          "run with -D" + BASE_URL + "=http://127.0.0.1:8080, put " + BASE_URL + "=... into"
              + " src/test/resources/junit-platform.properties, export " + BASE_URL_ENV + "=..., or use"
              + " ContractExtension.builder().baseUrl(...); see " + Messages.DOCS));
    }
    return parseBaseUrl(setting.get());
  }

  /** Parses an http(s) URL; a trailing slash is dropped so that namespace base paths append cleanly. */
  public static HttpUrl parseBaseUrl(Setting setting) {
    HttpUrl url = HttpUrl.parse(setting.value());
    if (url == null) {
      throw new ExtensionConfigurationException(Messages.of(
          "Invalid " + setting.key() + " (from " + setting.source() + ")",
          "an http or https URL such as http://127.0.0.1:8080 or https://backend.example/prefix",
          Messages.quote(setting.value()),
          "write the scheme and host, e.g. "
              + (setting.value().contains("://") ? "http://127.0.0.1:8080" : "http://" + setting.value())
              + "; see " + Messages.DOCS));
    }
    String path = url.encodedPath();
    if (path.length() > 1 && path.endsWith("/")) {
      return url.newBuilder().encodedPath(path.substring(0, path.length() - 1)).build();
    }
    return url;
  }

  /** Parses {@code 500ms}, {@code 5s}, {@code 2m} or an ISO-8601 duration such as {@code PT5S}. */
  public static Duration timeout(Optional<Setting> setting) {
    if (setting.isEmpty()) {
      return DEFAULT_TIMEOUT;
    }
    String text = setting.get().value().toLowerCase(Locale.ROOT);
    Duration d = null;
    Matcher m = SIMPLE_DURATION.matcher(text);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d = switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          default -> Duration.ofMinutes(n);
        };
      } else if (text.startsWith("pt")) {
        d = Duration.parse(text.toUpperCase(Locale.ROOT));
      }
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      d = null;
    }
    if (d == null || d.isZero() || d.isNegative()) {
      throw new ExtensionConfigurationException(Messages.of(
          "Invalid " + TIMEOUT + " (from " + setting.get().source() + ")",
          "a positive duration such as 500ms, 5s, 2m or PT5S",
          Messages.quote(setting.get().value()),
          "set " + TIMEOUT + "=5s; see " + Messages.DOCS));
    }
    return d;
  }
}
