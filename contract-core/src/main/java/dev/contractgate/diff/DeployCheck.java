package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.Consumer;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * "Can this backend contract version go out?" For every consumer of the namespace: is the candidate safe for
 * the version the consumer was built against (deploy-safe), and, for consumers that already moved to the
 * candidate, is going back to the deployed version safe (rollback-safe)?
 *
 * <p>When a consumer declares the fields it reads, only changes that reach those fields (or the endpoints it
 * calls) count; a consumer that declares nothing is judged on every change. A field it reads that the backend
 * does not send is breaking (a frontend ahead of its backend), unless it reads it behind a backend flag
 * ({@code when:}): then the frontend hides the feature until the backend ships it, reported at INFO.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DeployCheck {

  private DeployCheck() {}

  /**
   * One consumer's verdict.
   *
   * @param consumer the consumer id
   * @param pinned the contract version it is built against
   * @param deploy the changes from {@code pinned} to the candidate that reach this consumer
   * @param rollback the changes from the candidate back to the deployed version that reach it; empty when
   *     no rollback check applies (see {@code rollbackNote})
   * @param rollbackNote why no rollback check applies, or empty
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Verdict(String consumer, String pinned, List<EndpointChange> deploy,
      Optional<List<EndpointChange>> rollback, String rollbackNote) {
    public Verdict {
      Objects.requireNonNull(consumer, "consumer");
      Objects.requireNonNull(pinned, "pinned");
      deploy = List.copyOf(deploy);
      rollback = rollback.map(List::copyOf);
      Objects.requireNonNull(rollbackNote, "rollbackNote");
    }

    public boolean deploySafe() {
      return deploy.stream().noneMatch(c -> c.severity() == Severity.BREAKING);
    }

    /** Empty when no rollback check applies. */
    public Optional<Boolean> rollbackSafe() {
      return rollback.map(r -> r.stream().noneMatch(c -> c.severity() == Severity.BREAKING));
    }
  }

  /**
   * The answer for a candidate.
   *
   * @param namespace the namespace id
   * @param candidate the version to deploy
   * @param deployed the version running now, if known
   * @param verdicts one per consumer of the namespace, sorted by consumer id
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Result(String namespace, String candidate, Optional<String> deployed, List<Verdict> verdicts) {
    public Result {
      verdicts = List.copyOf(verdicts);
    }

    /** True when every consumer is deploy-safe and, where checked, rollback-safe. */
    public boolean safe() {
      return verdicts.stream().allMatch(v -> v.deploySafe() && v.rollbackSafe().orElse(true));
    }
  }

  /**
   * @param deployed the version running now; empty means the newest version older than the candidate, if any
   */
  public static Result run(ContractRegistry registry, String namespace, String candidate, Optional<String> deployed,
      DiffPolicy policy, LocalDate today) {
    Map<String, String> pinned = new TreeMap<>();
    registry.consumers().stream().filter(c -> c.namespace().equals(namespace))
        .forEach(c -> pinned.put(c.id(), c.version().toString()));
    ContractVersion cand = registry.requireVersion(namespace, candidate);
    Optional<String> dep = deployed;
    if (deployed.isEmpty()) {
      List<ContractVersion> older = registry.versions(namespace).stream()
          .filter(v -> v.version().compareTo(cand.version()) < 0).toList();
      dep = older.isEmpty() ? Optional.empty() : Optional.of(older.get(older.size() - 1).version().toString());
    }
    return run(registry, namespace, candidate, dep, pinned, policy, today);
  }

  /**
   * The check for exactly the consumers given, each with the contract version its running build is built
   * against (e.g. what a deployments log says runs in an environment). A consumer the tree does not declare is
   * judged on every change.
   *
   * @param deployed the version running now (the rollback target); empty when none runs
   * @param pinned consumer id → contract version
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static Result run(ContractRegistry registry, String namespace, String candidate, Optional<String> deployed,
      Map<String, String> pinned, DiffPolicy policy, LocalDate today) {
    ContractVersion cand = registry.requireVersion(namespace, candidate);
    Optional<ContractVersion> dep = deployed.map(v -> registry.requireVersion(namespace, v));
    List<Verdict> verdicts = new ArrayList<>();
    for (Map.Entry<String, String> e : pinned.entrySet()) {
      Consumer c = registry.consumers().stream().filter(x -> x.id().equals(e.getKey())).findFirst().orElse(null);
      ContractVersion pin = registry.requireVersion(namespace, e.getValue());
      List<EndpointChange> deploy = meets(registry, c, ContractDiff.compare(registry, pin, cand, policy, today),
          cand, policy);
      Optional<List<EndpointChange>> rollback = Optional.empty();
      String note;
      if (dep.isEmpty()) {
        note = "no deployed version to roll back to";
      } else if (dep.get().version().equals(cand.version())) {
        note = "the candidate is the deployed version";
      } else if (pin.version().compareTo(cand.version()) < 0) {
        note = "pinned to " + pin.version() + ", not yet on the candidate: a rollback does not take anything away";
      } else {
        rollback = Optional.of(meets(registry, c, ContractDiff.compare(registry, cand, dep.get(), policy, today),
            dep.get(), policy));
        note = "";
      }
      verdicts.add(new Verdict(e.getKey(), pin.version().toString(), deploy, rollback, note));
    }
    verdicts.sort((a, b) -> a.consumer().compareTo(b.consumer()));
    return new Result(namespace, candidate, dep.map(v -> v.version().toString()), verdicts);
  }

  /**
   * What the consumer meets on {@code backend}: the diff's changes that reach what it reads, with those that only
   * take away fields it reads behind a flag made INFO, then a finding for each read the backend does not serve
   * ({@link ConsumerReads}: breaking when ungated, INFO when behind a flag).
   */
  private static List<EndpointChange> meets(ContractRegistry registry, Consumer c, VersionDiff diff,
      ContractVersion backend, DiffPolicy policy) {
    if (c == null) {
      return diff.changes();
    }
    ConsumerReads.Outcome reads = ConsumerReads.against(registry, c, backend, policy);
    List<EndpointChange> out = new ArrayList<>(ConsumerReads.hideGated(c, relevant(c, diff.changes()), reads.hidden()));
    out.addAll(reads.findings());
    return out;
  }

  /** The changes that reach what the consumer reads; all changes when it declares nothing. */
  static List<EndpointChange> relevant(Consumer consumer, List<EndpointChange> changes) {
    if (consumer == null || consumer.reads().isEmpty()) {
      return changes;
    }
    return changes.stream().filter(c -> c.reaches().stream().anyMatch(r -> reaches(consumer, r))).toList();
  }

  private static boolean reaches(Consumer consumer, String place) {
    String[] t = place.split(" ", 4);
    String endpoint = t[0];
    List<String> patterns = consumer.reads().get(endpoint);
    if (patterns == null) {
      return false;
    }
    boolean response = t.length >= 2 && t[1].equals("response");
    if (!response || patterns.isEmpty()) {
      // Endpoint-level and request changes matter to anyone who calls the endpoint.
      return true;
    }
    String path = t.length >= 4 ? t[3] : "";
    return patterns.stream().anyMatch(p -> overlaps(p, path));
  }

  /** One pointer pattern is a prefix of the other, segment by segment, {@code *} matching any segment. */
  static boolean overlaps(String a, String b) {
    String[] x = a.isEmpty() ? new String[0] : a.substring(1).split("/", -1);
    String[] y = b.isEmpty() ? new String[0] : b.substring(1).split("/", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals("*") && !y[i].equals("*") && !x[i].equals(y[i])) {
        return false;
      }
    }
    return true;
  }
}
