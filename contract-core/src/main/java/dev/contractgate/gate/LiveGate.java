package dev.contractgate.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Namespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The live gate: sends every endpoint's probe to a running backend and validates what comes back, plus the
 * negative probes a namespace asks for (no token must be refused).
 *
 * <p>Probes run concurrently (bounded), each with a per-request timeout, the whole run with a deadline;
 * connection failures are retried a bounded number of times with backoff, nothing else is. Tokens are read
 * from the environment variable each namespace names and never appear in results or messages.
 *
 * <pre>{@code
 * GateResult result = LiveGate.builder(registry)
 *     .baseUrl("https://backend.example")
 *     .namespaces(List.of("ivanpin", "wgp"))
 *     .build()
 *     .run();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LiveGate {

  private final GateSettings settings;

  private LiveGate(GateSettings settings) {
    this.settings = settings;
  }

  public static Builder builder(ContractRegistry registry) {
    return new Builder(registry);
  }

  /** Runs every probe and returns when all are done or the deadline has passed. */
  public GateResult run() {
    return new ProbeRunner(settings).run();
  }

  /** Configures a run; only {@link #baseUrl} is required. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final ContractRegistry registry;
    private String baseUrl;
    private final List<String> namespaces = new ArrayList<>();
    private String version;
    private int concurrency = 8;
    private Duration timeout = Duration.ofSeconds(5);
    private Duration deadline = Duration.ofSeconds(60);
    private int retries = 2;
    private Function<String, String> environment = System::getenv;
    private Consumer<int[]> progress = p -> {};
    private Consumer<String> states;

    private Builder(ContractRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Namespaces to check; all of them when none is given. */
    public Builder namespaces(List<String> namespaces) {
      this.namespaces.addAll(namespaces);
      return this;
    }

    /** The contract version to check against; the newest of each namespace when not given. */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    public Builder concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    public Builder deadline(Duration deadline) {
      this.deadline = positive(deadline, "deadline");
      return this;
    }

    public Builder retries(int retries) {
      if (retries < 0 || retries > 10) {
        throw new IllegalArgumentException("retries must be between 0 and 10, was " + retries);
      }
      this.retries = retries;
      return this;
    }

    /** Where token variables are read from; {@code System::getenv} by default. */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** Called after each probe with {@code {done, total}}. */
    public Builder progress(Consumer<int[]> progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Sets up provider states: called with a probe's {@code state} (endpoints.yaml) right before that probe is
     * sent. Probes with a state run one at a time, each after its state and before the next state, and before
     * the probes without one; a handler that throws fails that probe (not run) with its message. Without a
     * handler, states are not set up and every probe runs concurrently.
     */
    public Builder states(Consumer<String> states) {
      this.states = Objects.requireNonNull(states, "states");
      return this;
    }

    /**
     * Checks the settings against the tree.
     *
     * @throws ContractException for an unknown namespace or version, or a token variable that is not set
     * @throws IllegalArgumentException for a base URL that is not http(s)
     */
    public LiveGate build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      ProbeRunner.parseBase(baseUrl);
      List<String> ids = namespaces.isEmpty()
          ? registry.namespaces().stream().map(Namespace::id).toList() : List.copyOf(namespaces);
      List<ContractVersion> versions = new ArrayList<>();
      for (String id : ids) {
        Namespace ns = registry.requireNamespace(id);
        versions.add(version == null ? registry.latest(id) : registry.requireVersion(id, version));
        if (ns.auth().isPresent()) {
          String env = ns.auth().get().tokenEnv();
          String value = environment.apply(env);
          if (value == null || value.isBlank()) {
            throw ContractException.builder("Cannot run the live gate", ns.file())
                .at("/auth/tokenEnv")
                .expected("the environment variable " + env + " holding the " + ns.auth().get().header() + " token of "
                    + ns.id())
                .butWas("not set")
                .hint("export " + env + "=... before running (the value is never printed), or check only other"
                    + " namespaces with --namespace")
                .build();
          }
          int bad = invalidHeaderChar(value);
          if (bad >= 0) {
            // The HTTP client would refuse the header with the whole value in its message.
            throw ContractException.builder("Cannot run the live gate", ns.file())
                .at("/auth/tokenEnv")
                .expected("a token in " + env + " made of printable ASCII characters")
                .butWas("a character that cannot go into an"
                    + " HTTP header at position " + (bad + 1) + " (value not shown)")
                .hint("remove the trailing newline or other control characters from " + env)
                .build();
          }
        }
      }
      return new LiveGate(new GateSettings(registry, baseUrl, versions, concurrency, timeout, deadline, retries,
          environment, progress, states));
    }

    /** The index of the first character an HTTP header value cannot carry, or -1. */
    public static int invalidHeaderChar(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c != '\t' && (c < 0x20 || c > 0x7e)) {
          return i;
        }
      }
      return -1;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
