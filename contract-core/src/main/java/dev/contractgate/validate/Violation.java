package dev.contractgate.validate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.SourceLocation;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One mismatch between an actual response and its contract.
 *
 * @param rule stable id of the kind of mismatch, e.g. {@code body.required}, {@code header.missing}
 * @param instancePointer JSON pointer into the body ({@code ""} for the whole body), or {@code header:Vary},
 *     {@code status}, {@code cookie:NAME} for the parts of a response that are not the body
 * @param schemaLocation the schema keyword that failed, when a schema was involved
 * @param expected what the contract wants
 * @param actual what was received, redacted and truncated
 * @param hint what to do about it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Violation(
    String rule,
    String instancePointer,
    Optional<SourceLocation> schemaLocation,
    String expected,
    String actual,
    String hint)
    implements Comparable<Violation> {

  private static final Comparator<Violation> ORDER =
      Comparator.comparing(Violation::instancePointer, Violation::comparePointers)
          .thenComparing(Violation::rule)
          .thenComparing(v -> v.schemaLocation().map(SourceLocation::toString).orElse(""))
          .thenComparing(Violation::expected);

  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(instancePointer, "instancePointer");
    Objects.requireNonNull(schemaLocation, "schemaLocation");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(hint, "hint");
  }

  /** Where: {@code /items/3/author/name}, {@code (body)} for the whole body, or a header or status label. */
  public String where() {
    return instancePointer.isEmpty() ? "(body)" : instancePointer;
  }

  /** Segment by segment, array indexes as numbers, so {@code /items/2} comes before {@code /items/10}. */
  static int comparePointers(String a, String b) {
    String[] x = a.split("/", -1);
    String[] y = b.split("/", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c;
      if (isIndex(x[i]) && isIndex(y[i])) {
        c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
      } else {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static boolean isIndex(String s) {
    return !s.isEmpty() && s.length() < 18 && s.chars().allMatch(Character::isDigit);
  }

  @Override
  public int compareTo(Violation o) {
    return ORDER.compare(this, o);
  }
}
