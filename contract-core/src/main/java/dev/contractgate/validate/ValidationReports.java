package dev.contractgate.validate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import java.util.ArrayList;
import java.util.List;
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
}
