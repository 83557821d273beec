package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An expectation on one response header.
 *
 * @param name the header name as written in the contract (compared case-insensitively)
 * @param kind what is checked
 * @param values the tokens for {@link Kind#CONTAINS}, the value for {@link Kind#EQUALS}, the regex for
 *     {@link Kind#PATTERN}; empty for {@link Kind#ABSENT}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HeaderExpectation(String name, Kind kind, List<String> values) {

  /** The kinds of header check. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Kind {
    /** The header lists every token (comma-separated, case-insensitive), e.g. {@code Vary: Origin}. */
    CONTAINS,
    /** The header has exactly this value. */
    EQUALS,
    /** The header matches this regular expression somewhere. */
    PATTERN,
    /** The header must not be sent. */
    ABSENT
  }

  public HeaderExpectation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    values = List.copyOf(values);
  }

  public static HeaderExpectation contains(String name, List<String> tokens) {
    return new HeaderExpectation(name, Kind.CONTAINS, tokens);
  }

  public static HeaderExpectation equalTo(String name, String value) {
    return new HeaderExpectation(name, Kind.EQUALS, List.of(value));
  }

  public static HeaderExpectation matching(String name, String regex) {
    return new HeaderExpectation(name, Kind.PATTERN, List.of(regex));
  }

  public static HeaderExpectation absent(String name) {
    return new HeaderExpectation(name, Kind.ABSENT, List.of());
  }

  /** Human text: {@code Vary contains Origin}. */
  public String describe() {
    return switch (kind) {
      case CONTAINS -> name + " contains " + String.join(", ", values);
      case EQUALS -> name + " equals \"" + values.get(0) + "\"";
      case PATTERN -> name + " matches /" + values.get(0) + "/";
      case ABSENT -> name + " absent";
    };
  }

  /** Lower-case name, the key headers are compared by. */
  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }
}
