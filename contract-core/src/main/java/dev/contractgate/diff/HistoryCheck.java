package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.Policy;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.report.Report.Fact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The history check: inside one major version every version must be backward compatible with every earlier
 * one (transitive), in both directions that apply to each part. A major bump may break. Each consumer is also
 * checked against every later version of its major: a field it reads that such a version does not send is
 * breaking, unless it reads it behind a backend flag ({@code when:}), which is INFO (hidden).
 *
 * <p>The exceptions of {@code contract-gate.yaml} accept single findings ({@code rule} + {@code location}
 * {@code namespace/version[/endpoint][#/pointer]}, where {@code version} is the newer version of a pair and
 * {@code *} in the pointer matches one segment); an accepted finding becomes INFO. An exception past its
 * {@code until} date accepts nothing and is itself a breaking finding; one that matches nothing is a warning.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HistoryCheck {

  private HistoryCheck() {}

  /**
   * The outcome of a history check.
   *
   * @param pairs one diff per (earlier, later) version pair of the same major, per namespace
   * @param policyFindings expired and unused exceptions
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Result(List<VersionDiff> pairs, List<Change> policyFindings, List<ConsumerCheck> consumers) {
    public Result {
      pairs = List.copyOf(pairs);
      policyFindings = List.copyOf(policyFindings);
      consumers = List.copyOf(consumers);
    }

    /** A result without consumer checks (two bare versions, a diff). */
    public Result(List<VersionDiff> pairs, List<Change> policyFindings) {
      this(pairs, policyFindings, List.of());
    }

    /** True when a pair, the policy or a consumer has something at or above {@code threshold}. */
    public boolean failsAt(Severity threshold) {
      return pairs.stream().anyMatch(p -> p.failsAt(threshold))
          || policyFindings.stream().anyMatch(c -> c.severity().compareTo(threshold) <= 0)
          || consumers.stream().anyMatch(c -> c.failsAt(threshold));
    }
  }

  /**
   * One consumer's reads on a later version of its major: what it reads that this backend does not send
   * (breaking), or does not send behind a flag the consumer reads it behind (INFO, hidden).
   *
   * @param consumer the consumer id
   * @param namespace its namespace
   * @param pinned the version it is built against
   * @param backend the later version it meets
   * @param findings {@code consumer.read-missing} and {@code consumer.read-behind-flag} findings
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record ConsumerCheck(String consumer, String namespace, String pinned, String backend,
      List<EndpointChange> findings) {
    public ConsumerCheck {
      Objects.requireNonNull(consumer, "consumer");
      findings = List.copyOf(findings);
    }

    public boolean failsAt(Severity threshold) {
      return findings.stream().anyMatch(c -> c.severity().compareTo(threshold) <= 0);
    }
  }

  /** Checks every namespace of the tree with the tree's own policy. */
  public static Result run(ContractRegistry registry, LocalDate today) {
    return run(registry, ContractDiff.policyOf(registry), today);
  }

  public static Result run(ContractRegistry registry, DiffPolicy policy, LocalDate today) {
    Objects.requireNonNull(today, "today");
    List<VersionDiff> pairs = new ArrayList<>();
    for (Namespace ns : registry.namespaces()) {
      List<ContractVersion> versions = registry.versions(ns.id());
      for (int j = 1; j < versions.size(); j++) {
        for (int i = 0; i < j; i++) {
          if (versions.get(i).version().major() == versions.get(j).version().major()) {
            pairs.add(ContractDiff.compare(registry, versions.get(i), versions.get(j), policy, today));
          }
        }
      }
    }
    Result r = applyExceptions(pairs, registry.policy(), today);
    return new Result(r.pairs(), r.policyFindings(), consumers(registry, policy));
  }

  /** Every consumer against every later version of its major: the backends it meets while it stays as built. */
  static List<ConsumerCheck> consumers(ContractRegistry registry, DiffPolicy policy) {
    List<ConsumerCheck> out = new ArrayList<>();
    for (dev.contractgate.registry.Consumer c : registry.consumers()) {
      for (ContractVersion v : registry.versions(c.namespace())) {
        if (v.version().major() == c.version().major() && v.version().compareTo(c.version()) > 0) {
          out.add(new ConsumerCheck(c.id(), c.namespace(), c.version().toString(), v.version().toString(),
              ConsumerReads.against(registry, c, v, policy).findings()));
        }
      }
    }
    return out;
  }

  /** Applies the exceptions of a policy to diffs. */
  public static Result applyExceptions(List<VersionDiff> pairs, Policy policy, LocalDate today) {
    List<Change> findings = new ArrayList<>();
    Set<Policy.Exemption> used = new HashSet<>();
    List<VersionDiff> out = new ArrayList<>();
    for (VersionDiff d : pairs) {
      List<EndpointChange> changes = new ArrayList<>();
      for (EndpointChange c : d.changes()) {
        Optional<Policy.Exemption> match = policy.exemptions().stream()
            .filter(x -> matches(x, d, c)).findFirst();
        if (match.isPresent() && !match.get().expired(today)) {
          used.add(match.get());
          Policy.Exemption x = match.get();
          changes.add(c.withSeverity(Severity.INFO, "accepted by exception: " + x.reason()
              + x.until().map(u -> " (until " + u + ")").orElse("")));
        } else {
          if (match.isPresent()) {
            used.add(match.get());
          }
          changes.add(c);
        }
      }
      out.add(new VersionDiff(d.namespace(), d.from(), d.to(), changes, d.secondOpinionInstances()));
    }
    for (Policy.Exemption x : policy.exemptions()) {
      if (x.expired(today)) {
        findings.add(policyChange("policy.exception-expired", Severity.BREAKING, x,
            x.until().orElseThrow() + " (today " + today + ")",
            "the exception no longer accepts anything: fix the change, or renew the exception with a reason"));
      } else if (!used.contains(x)) {
        findings.add(policyChange("policy.exception-unused", Severity.WARNING, x,
            x.until().map(Object::toString).orElse("(none)"),
            "no finding matches rule and location: remove the exception, or fix its location"));
      }
    }
    return new Result(out, findings);
  }

  static boolean matches(Policy.Exemption x, VersionDiff d, EndpointChange c) {
    if (!x.rule().equals(c.ruleId())) {
      return false;
    }
    String location = x.location();
    String pointer = "";
    int hash = location.indexOf('#');
    if (hash >= 0) {
      pointer = location.substring(hash + 1);
      location = location.substring(0, hash);
    }
    String[] parts = location.split("/");
    if (parts.length < 2 || !parts[0].equals(d.namespace()) || !parts[1].equals(d.to())) {
      return false;
    }
    if (parts.length >= 3 && !parts[2].equals(c.endpoint())) {
      return false;
    }
    if (pointer.isEmpty()) {
      return true;
    }
    String path = c.change().path();
    return glob(pointer, path);
  }

  private static boolean glob(String pattern, String path) {
    String[] p = pattern.split("/", -1);
    String[] s = path.split("/", -1);
    if (p.length != s.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (!p[i].equals("*") && !p[i].equals(s[i])) {
        return false;
      }
    }
    return true;
  }

  private static Change policyChange(String rule, Severity severity, Policy.Exemption x, String until, String meaning) {
    SourceLocation at = x.source();
    List<Fact> facts = List.of(new Fact("rule", x.rule()), new Fact("location", x.location()),
        new Fact("reason", x.reason()), new Fact("until", until), new Fact("meaning", meaning));
    return new Change(rule, severity, Direction.BOTH, Relation.EQUAL, "", at, at, rule + " at " + at, facts,
        Integer.toHexString((rule + x.rule() + x.location()).hashCode()), Optional.empty());
  }
}
