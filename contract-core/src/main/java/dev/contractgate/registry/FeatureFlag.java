package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A backend-owned feature flag (docs/contract-format.md, "Feature flags"): either a boolean in the endpoint's
 * success response, or the endpoint itself, whose absence (404) means the feature is off.
 *
 * @param pointer JSON pointer of the boolean in the success response; empty when the endpoint is the flag
 * @param gates pointer patterns of the fields that are present only while the flag is true ({@code *} matches
 *     one array index or key); may be empty
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record FeatureFlag(Optional<String> pointer, List<String> gates) {

  /** What a consumer's {@code when:} writes to gate a read on the endpoint itself. */
  public static final String ENDPOINT = "endpoint";

  public FeatureFlag {
    Objects.requireNonNull(pointer, "pointer");
    gates = List.copyOf(gates);
  }

  /** The short form {@code featureFlag: feature_enabled}: a boolean field at the response root. */
  public static FeatureFlag field(String name) {
    return new FeatureFlag(Optional.of("/" + SourceLocation.escape(name)), List.of());
  }

  /** The endpoint is the flag: consumers render the feature only when it answers. */
  public static FeatureFlag endpoint(List<String> gates) {
    return new FeatureFlag(Optional.empty(), gates);
  }

  public boolean isEndpoint() {
    return pointer.isEmpty();
  }

  /**
   * How messages and consumers name it: {@code endpoint}, the field name for a flag at the response root
   * ({@code feature_enabled}), else the pointer.
   */
  public String name() {
    if (pointer.isEmpty()) {
      return ENDPOINT;
    }
    String p = pointer.get();
    return p.lastIndexOf('/') == 0 ? p.substring(1).replace("~1", "/").replace("~0", "~") : p;
  }

  /** Whether a consumer's {@code when:} value names this flag: its name, or its pointer. */
  public boolean isNamed(String when) {
    return when.equals(name()) || pointer.map(when::equals).orElse(false);
  }
}
