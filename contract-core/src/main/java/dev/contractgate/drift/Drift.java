package dev.contractgate.drift;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.record.Redaction;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Namespace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Checks many recorded responses against the contract and aggregates what it finds per endpoint.
 *
 * <pre>{@code
 * DriftResult result = Drift.builder(registry).namespaces(List.of("ivanpin")).build()
 *     .run(List.of(Path.of("recordings/recording.ndjson"), Path.of("session.har")));
 * Report report = DriftReports.of(result, 99.5, 0);
 * }</pre>
 *
 * <p>Recordings are NDJSON files ({@link dev.contractgate.record.ContractRecorder}), HAR 1.2 files or WireMock
 * directories (see {@link dev.contractgate.record.RecordingFormat}). Each exchange is matched to an endpoint
 * of one version per namespace by method and path template, validated, and walked alongside its schema.
 *
 * <p>Memory stays flat however many recordings there are: the calling thread reads them into a bounded queue
 * (NDJSON as chunks of raw lines that the workers parse, other formats as batches of read exchanges),
 * {@code threads} workers (default: every core) validate and keep only counts, bounded groups
 * and at most {@code samples} examples per group, and their aggregates are merged at the end. The result does
 * not depend on which worker saw which recording.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Drift {

  private final ContractRegistry registry;
  private final List<ContractVersion> versions;
  private final Redaction redaction;
  private final int threads;
  private final int capacity;
  private final int samples;

  private Drift(Builder b) {
    this.registry = b.registry;
    List<String> ids = b.namespaces.isEmpty()
        ? b.registry.namespaces().stream().map(Namespace::id).toList() : b.namespaces;
    List<ContractVersion> vs = new ArrayList<>();
    for (String id : ids) {
      vs.add(b.version == null ? registry.latest(id) : registry.requireVersion(id, b.version));
    }
    this.versions = List.copyOf(vs);
    this.redaction = b.redaction == null ? Redaction.defaults().forRegistry(registry) : b.redaction.forRegistry(registry);
    this.threads = b.threads;
    this.capacity = b.capacity;
    this.samples = b.samples;
  }

  public static Builder builder(ContractRegistry registry) {
    return new Builder(registry);
  }

  /** The versions checked, one per namespace. */
  public List<ContractVersion> versions() {
    return versions;
  }

  /**
   * Reads every recording and aggregates.
   *
   * @throws ContractException when a recording cannot be read at all (missing, a HAR that breaks off, an
   *     empty WireMock directory); single unreadable lines or entries are counted in the result instead
   */
  public DriftResult run(List<Path> recordings) {
    if (recordings.isEmpty()) {
      throw ContractException.builder("Cannot run drift", "(no recordings)")
          .expected("at least one recording")
          .butWas("none")
          .hint("pass NDJSON recordings, HAR files or WireMock directories")
          .build();
    }
    return new DriftEngine(registry, versions, redaction, samples).run(recordings, threads, capacity);
  }

  /**
   * Configures a {@link Drift}.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final ContractRegistry registry;
    private List<String> namespaces = List.of();
    private String version;
    private Redaction redaction;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int capacity = 1024;
    private int samples = 3;

    private Builder(ContractRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Only these namespaces (default: all); others' recordings are skipped as outside. */
    public Builder namespaces(List<String> namespaces) {
      namespaces.forEach(registry::requireNamespace);
      this.namespaces = List.copyOf(namespaces);
      return this;
    }

    /** The version to check every chosen namespace against (default: each one's newest). */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** What to mask before validating and reporting (default {@link Redaction#defaults()}); token headers are added. */
    public Builder redaction(Redaction redaction) {
      this.redaction = Objects.requireNonNull(redaction, "redaction");
      return this;
    }

    /** Worker threads (default: available processors). */
    public Builder threads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads must be between 1 and 256, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Exchanges waiting between the reader and the workers (default 1024), handed over in batches of up to 64. */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queueCapacity must be positive, was " + capacity);
      }
      this.capacity = capacity;
      return this;
    }

    /** Examples kept per group (default 3). */
    public Builder samples(int samples) {
      if (samples < 0 || samples > 100) {
        throw new IllegalArgumentException("samples must be between 0 and 100, was " + samples);
      }
      this.samples = samples;
      return this;
    }

    public Drift build() {
      return new Drift(this);
    }
  }
}
