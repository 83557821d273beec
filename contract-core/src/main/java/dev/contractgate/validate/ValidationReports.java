package dev.contractgate.validate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Validation results in the report model ({@link Report}): how a {@link Violation} reads as a finding, so a
 * single response checked by {@code contract-gate validate} and a probe of the live gate show the same facts.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ValidationReports {

  private ValidationReports() {}

  /**
   * One violation as a report finding: level {@code BREAKING}, the violation's rule, its location
   * ({@link Violation#where()}), the facts {@code expected}, {@code but was} and, when a schema keyword
   * failed, {@code schema}, and its hint.
   */
  public static Finding finding(Violation v) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("expected", v.expected()));
    facts.add(new Fact("but was", v.actual()));
    v.schemaLocation().ifPresent(s -> facts.add(new Fact("schema", s.toString())));
    return new Finding(Report.Level.BREAKING, v.rule(), v.where(), facts, v.hint(), "", "");
  }

  /** How many values a grouped finding quotes; the count says how many there were. */
  static final int FIRST_VALUES = 3;

  /**
   * The violations as findings, one per violation except where the same violation repeats over the items of
   * an array: those become one finding at the pointer pattern ({@code /items/*}{@code /publishedAt}) with a
   * {@code count} ({@code ×3}) and the first values, in the order of the violations.
   */
  public static List<Finding> findings(List<Violation> violations) {
    Map<List<String>, List<Violation>> groups = new LinkedHashMap<>();
    for (Violation v : violations) {
      List<String> key = List.of(v.rule(), pattern(v.instancePointer()),
          v.schemaLocation().map(Object::toString).orElse(""), v.expected());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<List<String>, List<Violation>> g : groups.entrySet()) {
      List<Violation> same = g.getValue();
      if (same.size() == 1) {
        out.add(finding(same.get(0)));
        continue;
      }
      Violation first = same.get(0);
      List<Fact> facts = new ArrayList<>();
      facts.add(new Fact("expected", first.expected()));
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < Math.min(FIRST_VALUES, same.size()); i++) {
        values.append(i == 0 ? "" : "\n").append(same.get(i).instancePointer()).append(": ").append(same.get(i).actual());
      }
      if (same.size() > FIRST_VALUES) {
        values.append("\n… and ").append(same.size() - FIRST_VALUES).append(" more");
      }
      facts.add(new Fact("but was", values.toString()));
      facts.add(new Fact("count", "×" + same.size()));
      first.schemaLocation().ifPresent(s -> facts.add(new Fact("schema", s.toString())));
      out.add(new Finding(Report.Level.BREAKING, first.rule(), g.getKey().get(1), facts, first.hint(), "", ""));
    }
    return out;
  }

  /** The pointer with every array index as {@code *}: {@code /items/3/publishedAt} is {@code /items/*}{@code /publishedAt}. */
  static String pattern(String pointer) {
    if (pointer.isEmpty()) {
      return pointer;
    }
    String[] parts = pointer.split("/", -1);
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isEmpty() && parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
        parts[i] = "*";
      }
    }
    return String.join("/", parts);
  }
}
