package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.report.Facts;
import dev.contractgate.report.Report.Fact;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Every change between two versions of one namespace's contract, sorted: most severe first, then by
 * endpoint and rule.
 *
 * @param namespace the namespace id
 * @param from the old version
 * @param to the new version
 * @param changes the changes, one per place (shared components once)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record VersionDiff(String namespace, String from, String to, List<EndpointChange> changes,
    int secondOpinionInstances) {

  /** A version pair's changes, without a second opinion count (none ran, or the changes do not come from one). */
  public VersionDiff(String namespace, String from, String to, List<EndpointChange> changes) {
    this(namespace, from, to, changes, 0);
  }

  static final Comparator<EndpointChange> ORDER = Comparator.comparing(EndpointChange::severity)
      .thenComparing(EndpointChange::endpoint)
      .thenComparing(EndpointChange::part)
      .thenComparing(EndpointChange::ruleId)
      .thenComparing(c -> c.change().path())
      .thenComparing(c -> c.change().fingerprint());

  public VersionDiff {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    changes = changes.stream().filter(c -> c.severity() != Severity.OFF).sorted(ORDER).toList();
    if (secondOpinionInstances < 0) {
      throw new IllegalArgumentException("secondOpinionInstances < 0: " + secondOpinionInstances);
    }
  }

  public List<EndpointChange> breaking() {
    return changes.stream().filter(c -> c.severity() == Severity.BREAKING).toList();
  }

  public List<EndpointChange> warnings() {
    return changes.stream().filter(c -> c.severity() == Severity.WARNING).toList();
  }

  public boolean hasBreaking() {
    return changes.stream().anyMatch(c -> c.severity() == Severity.BREAKING);
  }

  /** True when something is at or above {@code threshold} ({@link Severity#BREAKING} or {@link Severity#WARNING}). */
  public boolean failsAt(Severity threshold) {
    return changes.stream().anyMatch(c -> c.severity().compareTo(threshold) <= 0);
  }

  /**
   * The changes at or above {@code threshold}, for a person:
   *
   * <pre>
   * ivanpin 1.1.0 -&gt; 1.2.0: 1 breaking change, 0 warnings
   *
   * [1] BREAKING response.property.required-removed at blog.list response 200 /items/*&#47;author/name
   *     old     : required ["id","name"]
   *     ...
   * </pre>
   */
  public String render(Severity threshold) {
    List<EndpointChange> shown = changes.stream().filter(c -> c.severity().compareTo(threshold) <= 0).toList();
    StringBuilder b = new StringBuilder(label()).append(": ")
        .append(count(breaking().size(), "breaking change")).append(", ").append(count(warnings().size(), "warning"));
    int i = 1;
    for (EndpointChange c : shown) {
      b.append("\n\n[").append(i++).append("] ").append(c.severity()).append(' ').append(c.ruleId()).append(" at ")
          .append(c.endpoint()).append(' ').append(c.part())
          .append(c.change().path().isEmpty() ? "" : " " + c.change().path());
      for (Fact f : c.change().facts()) {
        Facts.append(b, f.key(), f.value());
      }
      if (c.reaches().size() > 1) {
        b.append("\n    reaches : ").append(String.join("\n              ", c.reaches()));
      }
      if (!c.note().isEmpty()) {
        b.append("\n    note    : ").append(c.note());
      }
    }
    return b.toString();
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** {@code ivanpin 1.1.0 -> 1.2.0}. */
  public String label() {
    return namespace + " " + from + " -> " + to;
  }
}
