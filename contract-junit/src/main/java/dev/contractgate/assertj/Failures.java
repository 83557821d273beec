package dev.contractgate.assertj;

import dev.contractgate.report.Facts;
import dev.contractgate.validate.ValidationResult;
import dev.contractgate.validate.Violation;
import java.util.List;

/** Message texts shared by the assert classes. */
final class Failures {

  private Failures() {}

  /** AssertJ formats failure messages with {@code String.format}; our texts are final, so escape them. */
  static String literal(String message) {
    return message.replace("%", "%%");
  }

  static String noViolationAt(ValidationResult result, String pointer) {
    List<String> where = result.violations().stream().map(Violation::where).distinct().toList();
    StringBuilder b = new StringBuilder("Expected a violation at " + pointer + " of contract " + result.subject()
        + ", status " + result.status());
    Facts.append(b, "expected", "a violation at " + pointer);
    Facts.append(b, "but was", where.isEmpty() ? "no violations" : "violations at " + where);
    return b.toString();
  }

  static boolean hasViolationAt(ValidationResult result, String pointer) {
    return result.violations().stream().anyMatch(v -> v.instancePointer().equals(pointer) || v.where().equals(pointer));
  }
}
