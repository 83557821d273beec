package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Policy;
import dev.contractgate.registry.Consumer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Compares two versions of a namespace's contract, endpoint by endpoint: endpoints added, removed or moved,
 * statuses, header and cookie expectations, request query and body (request direction) and every response
 * body (response direction).
 *
 * <p>Deprecation lifecycle: removing an endpoint that the old version marked {@code deprecated} with a
 * {@code sunset} date in the past, or a response property whose old schema says {@code "deprecated": true}
 * with an {@code "x-sunset"} date in the past, is a warning instead of a breaking change. Removing a feature
 * flag field that consumers read behind, or making it something other than a boolean, is a warning naming them.
 *
 * <pre>{@code
 * VersionDiff diff = ContractDiff.compare(registry, registry.requireVersion("ivanpin", "1.1.0"),
 *     registry.requireVersion("ivanpin", "1.2.0"), ContractDiff.policyOf(registry), LocalDate.now());
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractDiff {

  private ContractDiff() {}

  /** Two versions of the same tree. */
  public static VersionDiff compare(ContractRegistry registry, ContractVersion from, ContractVersion to,
      DiffPolicy policy, LocalDate today) {
    VersionDiff d = VersionDiffer.compare(registry.documents(), from, registry.documents(), to, policy, today);
    return withFlags(d, FlagChanges.find(registry.documents(), from, registry.documents(), to, registry.consumers(),
        policy));
  }

  /** A version of one tree against a version of another (e.g. the deployed tree against a branch). */
  public static VersionDiff compare(ContractRegistry oldTree, ContractVersion from, ContractRegistry newTree,
      ContractVersion to, DiffPolicy policy, LocalDate today) {
    VersionDiff d = VersionDiffer.compare(oldTree.documents(), from, newTree.documents(), to, policy, today);
    List<Consumer> consumers = new ArrayList<>(newTree.consumers());
    oldTree.consumers().stream().filter(c -> consumers.stream().noneMatch(n -> n.id().equals(c.id())))
        .forEach(consumers::add);
    return withFlags(d, FlagChanges.find(oldTree.documents(), from, newTree.documents(), to, consumers, policy));
  }

  /** A flag consumers read behind that goes away is a warning naming them (FlagChanges). */
  private static VersionDiff withFlags(VersionDiff d, List<EndpointChange> flags) {
    if (flags.isEmpty()) {
      return d;
    }
    List<EndpointChange> all = new ArrayList<>(d.changes());
    all.addAll(flags);
    return new VersionDiff(d.namespace(), d.from(), d.to(), all, d.secondOpinionInstances());
  }

  /**
   * {@code diff} with every change that another step added without an operation (recorded evidence) grouped
   * under its endpoint's {@code METHOD /path (id)}, as the reports group findings.
   */
  public static VersionDiff grouped(VersionDiff diff, ContractVersion from, ContractVersion to) {
    return VersionDiffer.labelled(diff, from, to);
  }

  /**
   * The diff policy of a tree: the defaults with the severities of its {@code contract-gate.yaml}.
   *
   * @throws ContractException when the policy names a rule id that does not exist
   */
  public static DiffPolicy policyOf(ContractRegistry registry) {
    return withSeverities(DiffPolicy.defaults(), registry.policy());
  }

  /** {@code base} with the severity overrides of a policy file. */
  public static DiffPolicy withSeverities(DiffPolicy base, Policy policy) {
    DiffPolicy p = base;
    for (Map.Entry<String, String> e : policy.severities().entrySet()) {
      if (Rules.find(e.getKey()).isEmpty()) {
        throw ContractException.builder("Cannot load contract", policy.file())
            .at("/severities/" + e.getKey())
            .expected("a rule id of the catalogue (docs/rules.md)")
            .butWas("\"" + e.getKey() + "\"")
            .hint("check the spelling; rule ids look like response.property.removed")
            .build();
      }
      p = p.withSeverity(e.getKey(), Severity.valueOf(e.getValue().toUpperCase(Locale.ROOT)));
    }
    return p;
  }
}
