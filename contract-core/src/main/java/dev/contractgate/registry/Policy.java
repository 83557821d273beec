package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The tree's policy file {@code contract-gate.yaml}: validation limits, severity overrides and accepted
 * changes.
 *
 * @param limits limits applied when reading response bodies
 * @param severities rule id to {@code breaking}, {@code warning}, {@code info} or {@code off}
 * @param exemptions accepted findings
 * @param file where it was read from, empty when the tree has none
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Policy(Limits limits, Map<String, String> severities, List<Exemption> exemptions, String file) {

  public Policy {
    Objects.requireNonNull(limits, "limits");
    severities = Map.copyOf(severities);
    exemptions = List.copyOf(exemptions);
    Objects.requireNonNull(file, "file");
  }

  /** The policy of a tree without {@code contract-gate.yaml}. */
  public static Policy defaults() {
    return new Policy(Limits.defaults(), Map.of(), List.of(), "");
  }

  /**
   * Reads a policy file on its own, outside any contract tree, e.g. the one given to {@code diff --policy}.
   * It is read as strictly as a tree's {@code contract-gate.yaml}; messages and {@link #file()} name it by its
   * file name alone.
   *
   * @param file a {@code contract-gate.yaml}-style file
   * @throws ContractException naming the file, line and fix when the file is missing or wrong
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static Policy read(Path file) {
    return PolicyReader.readFile(Objects.requireNonNull(file, "file"));
  }

  /**
   * Limits on response bodies: beyond them a body is a violation, never a crash.
   *
   * @param maxBodyBytes largest body read, in bytes
   * @param maxDepth deepest nesting of arrays and objects
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Limits(long maxBodyBytes, int maxDepth) {
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 200;

    public Limits {
      if (maxBodyBytes < 1 || maxDepth < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }

    public static Limits defaults() {
      return new Limits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DEPTH);
    }
  }

  /**
   * A finding the team accepted: a rule at a location, with the reason and an optional expiry.
   *
   * @param rule the rule id
   * @param location {@code namespace/version/endpoint}, optionally with {@code #/json/pointer}
   * @param reason why it is accepted
   * @param until after this date the exemption itself fails the build
   * @param source where it is declared
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Exemption(
      String rule, String location, String reason, Optional<LocalDate> until, SourceLocation source) {
    public Exemption {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(source, "source");
    }

    /** True when {@code until} lies before {@code today}. */
    public boolean expired(LocalDate today) {
      return until.isPresent() && until.get().isBefore(today);
    }
  }
}
