package dev.contractgate.release;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.Severity;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Namespace;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A working tree against a baseline tree (the main branch's checkout, or an unpacked contracts jar), as a
 * pull request check: a version released in the baseline must be unchanged and still locked in the working
 * tree; every version new in the working tree is compared with each of the baseline's versions of its major
 * (the older one as old side, the newer one as new side).
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class BaselineCheck {

  private BaselineCheck() {}

  /**
   * The outcome.
   *
   * @param baseline where the baseline was loaded from
   * @param newVersions versions of the working tree that the baseline does not have, {@code namespace/version}
   * @param pairs each new version against each baseline version of its major
   * @param released what became of the baseline's released versions in the working tree
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Result(String baseline, List<String> newVersions, List<VersionDiff> pairs, LockCheck.Result released) {
    public Result {
      Objects.requireNonNull(baseline, "baseline");
      newVersions = List.copyOf(newVersions);
      pairs = List.copyOf(pairs);
      Objects.requireNonNull(released, "released");
    }

    /** True when a released version changed, or a pair has something at or above {@code threshold}. */
    public boolean failsAt(Severity threshold) {
      return !released.passed() || pairs.stream().anyMatch(p -> p.failsAt(threshold));
    }
  }

  /**
   * @param head the working tree, loaded from {@code headRoot}
   * @param base the baseline tree, loaded from {@code baseRoot}
   * @param old where else released content is found (the baseline tree itself is always searched first)
   */
  public static Result run(ContractRegistry head, Path headRoot, ContractRegistry base, Path baseRoot,
      ReleasedContent old, DiffPolicy policy, LocalDate today) {
    ReleaseLock baseLock = ReleaseLock.read(baseRoot);
    ReleaseLock headLock = ReleaseLock.read(headRoot);
    LockCheck.Result files = LockCheck.compare(baseLock, headRoot, head.documents(),
        ReleasedContent.tree(baseRoot).or(old));
    List<LockCheck.Drift> drifts = new ArrayList<>(files.drifts());
    for (String nv : baseLock.versions()) {
      if (!headLock.versions().contains(nv)) {
        String ns = nv.substring(0, nv.indexOf('/'));
        drifts.add(new LockCheck.Drift(ns, nv.substring(ns.length() + 1), ReleaseLock.FILE, LockCheck.Kind.UNLOCKED,
            "", "", List.of("its lines were deleted from " + ReleaseLock.FILE + "; restore them")));
      }
    }
    List<String> newVersions = new ArrayList<>();
    List<VersionDiff> pairs = new ArrayList<>();
    for (Namespace ns : head.namespaces()) {
      List<ContractVersion> baseVersions = base.namespace(ns.id()).isPresent() ? base.versions(ns.id()) : List.of();
      for (ContractVersion nv : head.versions(ns.id())) {
        boolean known = baseVersions.stream().anyMatch(b -> b.version().compareTo(nv.version()) == 0);
        if (known) {
          continue;
        }
        newVersions.add(ns.id() + "/" + nv.version());
        for (ContractVersion bv : baseVersions) {
          if (bv.version().major() != nv.version().major()) {
            continue;
          }
          pairs.add(bv.version().compareTo(nv.version()) < 0
              ? ContractDiff.compare(base, bv, head, nv, policy, today)
              : ContractDiff.compare(head, nv, base, bv, policy, today));
        }
      }
    }
    return new Result(base.origin(), newVersions, pairs, new LockCheck.Result(files.released(), drifts));
  }
}
