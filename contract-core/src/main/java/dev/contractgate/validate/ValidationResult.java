package dev.contractgate.validate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.report.Facts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of validating one response: what it was checked against and the violations, sorted by
 * instance pointer then rule.
 *
 * @param subject what was checked, e.g. {@code ivanpin@1.2.0 blog.list (GET /api/ivanpin/services/blog/list.php)}
 * @param status the response's HTTP status
 * @param violations sorted; empty when the response conforms
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ValidationResult(String subject, int status, List<Violation> violations) {

  public ValidationResult {
    Objects.requireNonNull(subject, "subject");
    List<Violation> sorted = new ArrayList<>(violations);
    Collections.sort(sorted);
    violations = List.copyOf(sorted);
  }

  public boolean isValid() {
    return violations.isEmpty();
  }

  /**
   * The message a person reads:
   *
   * <pre>
   * Response does not match contract ivanpin@1.2.0 blog.list (GET ...), status 200 (1 violation)
   *
   * [1] at /items/3/author/name
   *     expected: required property "name"
   *     but was : absent
   *     schema  : ivanpin/1.2.0/schemas/common.schema.json#/$defs/Author/required
   *     rule    : body.required
   *     hint    : ...
   * </pre>
   */
  public String render() {
    if (isValid()) {
      return "Response matches contract " + subject + ", status " + status;
    }
    StringBuilder b = new StringBuilder("Response does not match contract ")
        .append(subject).append(", status ").append(status)
        .append(" (").append(violations.size()).append(violations.size() == 1 ? " violation)" : " violations)");
    int i = 1;
    for (Violation v : violations) {
      b.append("\n\n[").append(i++).append("] at ").append(v.where());
      fact(b, "expected", v.expected());
      fact(b, "but was ", v.actual());
      v.schemaLocation().ifPresent(s -> fact(b, "schema  ", s.toString()));
      fact(b, "rule    ", v.rule());
      if (!v.hint().isEmpty()) {
        fact(b, "hint    ", v.hint());
      }
    }
    return b.toString();
  }

  private static void fact(StringBuilder b, String key, String value) {
    Facts.append(b, key.strip(), value);
  }
}
