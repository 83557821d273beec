package dev.contractgate.infer;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.record.RecordingFormat;
import dev.contractgate.record.Redaction;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.SemVer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Infers a contract version of one namespace from recorded traffic (NDJSON, HAR, WireMock directories), or,
 * with {@link Builder#from}, proposes the next version of an existing one. See {@code docs/infer.md}.
 *
 * <pre>{@code
 * InferredVersion v = Inference.builder("ivanpin", "/api/ivanpin/services/", "1.0.0")
 *     .authHeader("X-WGP-Token")
 *     .build()
 *     .run(List.of(Path.of("session.har"), Path.of("target/recordings/recording.ndjson")));
 * v.writeTo(Path.of("contracts/src/main/contracts"), false);
 * }</pre>
 *
 * <p>Recordings are read once, as streams, by one reading thread and {@link Builder#threads} workers;
 * memory grows with the number of endpoints and body places, not with the number of exchanges. Recordings
 * that cannot be used are counted in {@link InferredVersion#summary()}, never fatal. Secret header values,
 * cookie values and the configured fields are redacted as they are read, and every value a HAR request
 * carried in a credential header or cookie, or given with {@link Builder#secrets}, is masked in every file.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Inference {

  private final Builder b;

  private Inference(Builder b) {
    this.b = b;
  }

  /**
   * @param namespace the namespace id ({@code [a-z][a-z0-9-]*})
   * @param basePath the namespace's base path; exchanges outside it are counted and ignored
   * @param version the version to write, a semantic version
   * @throws IllegalArgumentException for an invalid id, base path or version, naming it
   */
  public static Builder builder(String namespace, String basePath, String version) {
    return new Builder(namespace, basePath, version);
  }

  /**
   * Reads the recordings and builds the version in memory.
   *
   * @param recordings NDJSON files, HAR files or WireMock directories
   * @throws ContractException with {@link Builder#from}, when the current version cannot be proposed from
   */
  public InferredVersion run(List<Path> recordings) {
    HarRequests har = new HarRequests();
    for (Path p : recordings) {
      try {
        if (RecordingFormat.detect(p) == RecordingFormat.HAR) {
          har.scan(p, b.basePath);
        }
      } catch (ContractException e) {
        // the main pass counts the file as a problem
      }
    }
    Optional<String> auth = b.authHeader.isPresent() ? b.authHeader : har.authHeader();
    Redaction redaction = auth.map(h -> b.redaction.withHeaders(List.of(h))).orElse(b.redaction);
    Set<String> secrets = new LinkedHashSet<>(b.secrets);
    secrets.addAll(har.secrets);
    Assembly a = new Assembly(b.namespace, b.basePath, b.version, b.options, b.description, auth, b.tokenEnv);
    if (b.authHeader.isEmpty() && har.candidates().size() > 1) {
      a.notes.add("HAR requests carry several credential headers " + har.candidates() + "; the auth header is "
          + auth.orElseThrow() + ". Pass --auth-header to choose another");
    }
    if (b.fromRegistry != null) {
      return new Proposal(b.fromRegistry, b.fromVersion, a, redaction, b.threads).run(recordings, secrets);
    }
    Reading.Outcome outcome = Reading.run(recordings, redaction, b.basePath, b.options, b.threads);
    return a.fresh(outcome, secrets);
  }

  /** Options of an inference. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final String namespace;
    private final String basePath;
    private final String version;
    private InferOptions options = InferOptions.defaults();
    private Redaction redaction = Redaction.defaults();
    private final Set<String> secrets = new LinkedHashSet<>();
    private Optional<String> authHeader = Optional.empty();
    private Optional<String> tokenEnv = Optional.empty();
    private String description = "";
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private ContractRegistry fromRegistry;
    private String fromVersion;

    private Builder(String namespace, String basePath, String version) {
      if (namespace == null || !namespace.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException("the namespace id must be lower-case letters, digits and '-', starting"
            + " with a letter: \"" + namespace + "\"");
      }
      if (basePath == null || !basePath.startsWith("/") || basePath.contains("?") || basePath.contains("#")) {
        throw new IllegalArgumentException("the base path must be a path starting with '/', e.g. /api/pets/: \""
            + basePath + "\"");
      }
      if (version == null || !SemVer.isValid(version)) {
        throw new IllegalArgumentException("the version must be a semantic version such as 1.0.0: \"" + version + "\"");
      }
      this.namespace = namespace;
      this.basePath = Collector.normalizeBase(basePath);
      this.version = version;
    }

    /** Thresholds and bounds (default {@link InferOptions#defaults()}). */
    public Builder options(InferOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** What is masked as recordings are read (default {@link Redaction#defaults()}). */
    public Builder redaction(Redaction redaction) {
      this.redaction = Objects.requireNonNull(redaction, "redaction");
      return this;
    }

    /** Values that must never appear in a written file (tokens from the environment, for instance). */
    public Builder secrets(Collection<String> values) {
      values.stream().filter(v -> v != null && v.length() >= 4).forEach(secrets::add);
      return this;
    }

    /** The request header that carries the namespace's token (default: the one HAR requests carry). */
    public Builder authHeader(String header) {
      if (header != null && !header.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new IllegalArgumentException("the auth header must be an HTTP header name: \"" + header + "\"");
      }
      this.authHeader = Optional.ofNullable(header);
      return this;
    }

    /** The environment variable that will hold the token (default {@code <NAMESPACE>_API_TOKEN}). */
    public Builder tokenEnv(String variable) {
      if (variable != null && !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("the token variable must be an environment variable name: \"" + variable
            + "\"");
      }
      this.tokenEnv = Optional.ofNullable(variable);
      return this;
    }

    /** The namespace's description, for a new {@code namespace.yaml}. */
    public Builder description(String text) {
      this.description = text == null ? "" : text;
      return this;
    }

    /** Worker threads (default: one per core). */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + n);
      }
      this.threads = n;
      return this;
    }

    /**
     * Proposes the next version of {@code version} in {@code registry}: the same contract, widened only where
     * the recordings show values it rejects, with the endpoints and statuses it lacks added.
     *
     * @throws ContractException when the namespace or version does not exist
     */
    public Builder from(ContractRegistry registry, String version) {
      registry.requireVersion(namespace, version);
      this.fromRegistry = registry;
      this.fromVersion = version;
      return this;
    }

    public Inference build() {
      return new Inference(this);
    }
  }

  /** {@code IVANPIN_API_TOKEN} for {@code ivanpin}. */
  static String defaultTokenEnv(String namespace) {
    return namespace.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_TOKEN";
  }
}
