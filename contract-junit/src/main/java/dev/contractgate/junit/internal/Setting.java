package dev.contractgate.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One configuration value and where it came from, so that an invalid value can be traced to its source.
 *
 * @param key the configuration key, e.g. {@code contract.baseUrl}
 * @param value the raw value, trimmed
 * @param source where it was set, e.g. {@code environment variable CONTRACT_BASE_URL}
 */
@API(status = INTERNAL, since = "0.1")
public record Setting(String key, String value, String source) {
  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }
}
