package dev.contractgate.drift;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The recordings that tell two versions of a namespace apart.
 *
 * @param older the old version, e.g. {@code ivanpin@1.1.0}
 * @param newer the new version
 * @param examined items read (unreadable ones included)
 * @param compared exchanges that matched the same endpoint id in both versions and were validated under both
 * @param notInBoth exchanges under the namespace's base path that matched an endpoint in only one version,
 *     different endpoints, or none (not compared)
 * @param unreadable lines or entries that are not exchanges
 * @param newOnlyCount how many recordings only the new version accepts
 * @param oldOnlyCount how many recordings only the old version accepts
 * @param newOnly the first of them (by file and position), at most the configured limit
 * @param oldOnly the first of them, at most the configured limit
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record WitnessResult(
    String older,
    String newer,
    long examined,
    long compared,
    long notInBoth,
    long unreadable,
    long newOnlyCount,
    long oldOnlyCount,
    List<Witness> newOnly,
    List<Witness> oldOnly) {

  public WitnessResult {
    Objects.requireNonNull(older, "older");
    Objects.requireNonNull(newer, "newer");
    newOnly = List.copyOf(newOnly);
    oldOnly = List.copyOf(oldOnly);
  }

  /** True when no recording tells the versions apart. */
  public boolean none() {
    return newOnlyCount == 0 && oldOnlyCount == 0;
  }
}
