package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The choices a team makes about what counts as breaking. {@link #defaults()} is what the command and the
 * JUnit module use; {@link #strict()} is pure set inclusion.
 *
 * @param tolerantReader assume readers ignore properties they do not know and writers send only declared
 *     ones (default {@code true}); see {@code docs/diff-engine.md} for exactly which rules it changes
 * @param responseEnumGrowth severity of {@code response.enum.value-added}: {@link Severity#BREAKING}
 *     (default) or {@link Severity#WARNING}
 * @param format whether {@code format} restricts values ({@link FormatMode#ASSERTION}, default)
 * @param unknownSeverity severity of every finding whose effect cannot be decided (default BREAKING)
 * @param severityOverrides rule id → severity, applied last; {@link Severity#OFF} drops the rule
 * @param secondOpinion before a direction is reported safe (or undecided) for schemas that differ, search
 *     generated instances for a counter-witness with the real validator (default {@code true}); see
 *     {@code docs/diff-engine.md}, "Second opinion"
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DiffPolicy(
    boolean tolerantReader,
    Severity responseEnumGrowth,
    FormatMode format,
    Severity unknownSeverity,
    Map<String, Severity> severityOverrides,
    boolean secondOpinion) {

  /** How {@code format} is read. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum FormatMode {
    /** Formats restrict the accepted strings: adding one narrows, removing one widens. */
    ASSERTION,
    /** Formats are documentation only: changes are INFO. */
    ANNOTATION
  }

  public DiffPolicy {
    Objects.requireNonNull(responseEnumGrowth, "responseEnumGrowth");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(unknownSeverity, "unknownSeverity");
    severityOverrides = Map.copyOf(Objects.requireNonNull(severityOverrides, "severityOverrides"));
  }

  /** A policy with the second opinion on. */
  public DiffPolicy(boolean tolerantReader, Severity responseEnumGrowth, FormatMode format,
      Severity unknownSeverity, Map<String, Severity> severityOverrides) {
    this(tolerantReader, responseEnumGrowth, format, unknownSeverity, severityOverrides, true);
  }

  /** This policy with the counter-witness search (the second opinion) on or off. */
  public DiffPolicy withSecondOpinion(boolean on) {
    return new DiffPolicy(tolerantReader, responseEnumGrowth, format, unknownSeverity, severityOverrides, on);
  }

  /** Tolerant reader on, enum growth in responses breaking, format asserted, UNKNOWN breaking. */
  public static DiffPolicy defaults() {
    return new DiffPolicy(true, Severity.BREAKING, FormatMode.ASSERTION, Severity.BREAKING, Map.of());
  }

  /** Pure set inclusion: like {@link #defaults()} with the tolerant reader off. */
  public static DiffPolicy strict() {
    return defaults().withTolerantReader(false);
  }

  public DiffPolicy withTolerantReader(boolean on) {
    return new DiffPolicy(on, responseEnumGrowth, format, unknownSeverity, severityOverrides, secondOpinion);
  }

  public DiffPolicy withResponseEnumGrowth(Severity severity) {
    return new DiffPolicy(tolerantReader, severity, format, unknownSeverity, severityOverrides, secondOpinion);
  }

  public DiffPolicy withFormat(FormatMode mode) {
    return new DiffPolicy(tolerantReader, responseEnumGrowth, mode, unknownSeverity, severityOverrides,
        secondOpinion);
  }

  public DiffPolicy withUnknownSeverity(Severity severity) {
    return new DiffPolicy(tolerantReader, responseEnumGrowth, format, severity, severityOverrides, secondOpinion);
  }

  /**
   * This policy with one more override.
   *
   * @throws IllegalArgumentException when {@code ruleId} is not in {@link Rules#all()}, so a typo in a
   *     policy file cannot silently do nothing
   */
  public DiffPolicy withSeverity(String ruleId, Severity severity) {
    if (Rules.find(ruleId).isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown rule id \"" + ruleId + "\" in a severity override; see docs/rules.md for the ids");
    }
    Map<String, Severity> m = new TreeMap<>(severityOverrides);
    m.put(ruleId, Objects.requireNonNull(severity, "severity"));
    return new DiffPolicy(tolerantReader, responseEnumGrowth, format, unknownSeverity, m, secondOpinion);
  }
}
