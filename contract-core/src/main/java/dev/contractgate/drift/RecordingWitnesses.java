package dev.contractgate.drift;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.drift.DriftEngine.Checker;
import dev.contractgate.record.RecordedExchange;
import dev.contractgate.record.RecordingEntry;
import dev.contractgate.record.RecordingReader;
import dev.contractgate.record.Redaction;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.EndpointMatcher;
import dev.contractgate.validate.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Recordings as witnesses: given two versions of one namespace, finds the recorded responses that one
 * version accepts and the other rejects.
 *
 * <pre>{@code
 * WitnessResult w = RecordingWitnesses.of(registry,
 *         registry.requireVersion("ivanpin", "1.1.0"), registry.requireVersion("ivanpin", "1.2.0"))
 *     .scan(List.of(Path.of("recordings/recording.ndjson")));
 * w.newOnly();  // valid under 1.2.0, not under 1.1.0: proof of a response-direction break
 * w.oldOnly();  // valid under 1.1.0, not under 1.2.0: 1.2.0 rejects what the backend really sends
 * }</pre>
 *
 * <p>A recording is compared when its method and path match the same endpoint id in both versions (a renamed
 * endpoint is not followed);
 * it is validated under each version exactly as {@link Drift} validates (status, headers, body; the same
 * redaction). {@link #scan(List)} uses the same bounded reader/worker pipeline as drift; {@link #scan(Iterator)}
 * runs on the caller's thread for a stream the caller produces. Memory is bounded by the witness limit.
 *
 * <p>The {@code diff} and {@code check-history} commands are meant to call this with their
 * {@code --recordings} option and attach the witnesses to the changes they report.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RecordingWitnesses {

  private final ContractVersion older;
  private final ContractVersion newer;
  private final Checker oldChecker;
  private final Checker newChecker;
  private int limit = 20;
  private int threads = Runtime.getRuntime().availableProcessors();

  private RecordingWitnesses(ContractRegistry registry, ContractVersion older, ContractVersion newer) {
    if (!older.namespace().equals(newer.namespace())) {
      throw new IllegalArgumentException("both versions must belong to one namespace, were " + older.label()
          + " and " + newer.label());
    }
    this.older = older;
    this.newer = newer;
    Redaction redaction = Redaction.defaults().forRegistry(registry);
    this.oldChecker = new Checker(registry, List.of(older), redaction);
    this.newChecker = new Checker(registry, List.of(newer), redaction);
  }

  /** Compares {@code older} with {@code newer}, two versions of one namespace. */
  public static RecordingWitnesses of(ContractRegistry registry, ContractVersion older, ContractVersion newer) {
    Objects.requireNonNull(registry, "registry");
    return new RecordingWitnesses(registry, Objects.requireNonNull(older, "older"), Objects.requireNonNull(newer, "newer"));
  }

  /** Keeps at most this many witnesses of each kind, the first by file and position (default 20). */
  public RecordingWitnesses limit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
    this.limit = limit;
    return this;
  }

  /** Worker threads for {@link #scan(List)} (default: available processors). */
  public RecordingWitnesses threads(int threads) {
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be between 1 and 256, was " + threads);
    }
    this.threads = threads;
    return this;
  }

  /** Reads the recordings (NDJSON, HAR, WireMock directories) with every core. */
  public WitnessResult scan(List<Path> recordings) {
    return merge(Pipeline.run(recordings, threads, 1024, oldChecker.maxBodyBytes, Acc::new, this::accept,
        oldChecker.redaction));
  }

  /** Examines entries the caller supplies, on the calling thread. */
  public WitnessResult scan(Iterator<RecordingEntry> entries) {
    Acc acc = new Acc();
    while (entries.hasNext()) {
      accept(acc, entries.next());
    }
    return merge(List.of(acc));
  }

  /** The witness one recorded exchange is, if any. */
  public Optional<Witness> check(RecordingEntry.Read entry) {
    return compare(entry).witness;
  }

  private static final class Acc {
    long examined;
    long compared;
    long notInBoth;
    long unreadable;
    long newOnly;
    long oldOnly;
    final TreeSet<Witness> newOnlyList = new TreeSet<>();
    final TreeSet<Witness> oldOnlyList = new TreeSet<>();
  }

  private record Outcome(boolean compared, Optional<Witness> witness) {}

  private Outcome compare(RecordingEntry.Read given) {
    // Entries the caller supplies get the readers' scrubbing too (a no-op for what a reader returned).
    RecordingEntry.Read entry = (RecordingEntry.Read) RecordingReader.scrubEchoes(given, null, oldChecker.redaction);
    RecordedExchange e = entry.exchange();
    Optional<EndpointMatcher.Match> o = oldChecker.match(e);
    Optional<EndpointMatcher.Match> n = newChecker.match(e);
    if (o.isEmpty() || n.isEmpty() || o.get().endpoint().isEmpty() || n.get().endpoint().isEmpty()
        || e.status() == 0 || e.truncated()) {
      return new Outcome(false, Optional.empty());
    }
    Endpoint oldEndpoint = o.get().endpoint().get();
    Endpoint newEndpoint = n.get().endpoint().get();
    if (!oldEndpoint.id().equals(newEndpoint.id())) {
      // services/catalog.php may fit the old services/{code}/ template: that is another endpoint, not a change
      return new Outcome(false, Optional.empty());
    }
    List<Violation> underOld = oldChecker.validate(older, oldEndpoint, e, oldChecker.parse(e.body()));
    List<Violation> underNew = newChecker.validate(newer, newEndpoint, e, newChecker.parse(e.body()));
    String request = e.method() + " " + oldChecker.redaction.target(e.target());
    if (underOld.isEmpty() == underNew.isEmpty()) {
      return new Outcome(true, Optional.empty());
    }
    Witness w = underNew.isEmpty()
        ? new Witness(Witness.Kind.NEW_ONLY, entry.ref(), newEndpoint.id(), request, e.status(), underOld)
        : new Witness(Witness.Kind.OLD_ONLY, entry.ref(), newEndpoint.id(), request, e.status(), underNew);
    return new Outcome(true, Optional.of(w));
  }

  private void accept(Acc acc, RecordingEntry entry) {
    acc.examined++;
    if (!(entry instanceof RecordingEntry.Read read)) {
      acc.unreadable++;
      return;
    }
    Outcome out = compare(read);
    if (!out.compared) {
      if (oldChecker.match(read.exchange()).isPresent() || newChecker.match(read.exchange()).isPresent()) {
        acc.notInBoth++;
      }
      return;
    }
    acc.compared++;
    out.witness.ifPresent(w -> {
      if (w.kind() == Witness.Kind.NEW_ONLY) {
        acc.newOnly++;
        keep(acc.newOnlyList, w);
      } else {
        acc.oldOnly++;
        keep(acc.oldOnlyList, w);
      }
    });
  }

  private void keep(TreeSet<Witness> set, Witness w) {
    if (limit == 0) {
      return;
    }
    if (set.size() < limit) {
      set.add(w);
    } else if (w.compareTo(set.last()) < 0) {
      set.add(w);
      set.pollLast();
    }
  }

  private WitnessResult merge(List<Acc> parts) {
    Acc all = new Acc();
    for (Acc p : parts) {
      all.examined += p.examined;
      all.compared += p.compared;
      all.notInBoth += p.notInBoth;
      all.unreadable += p.unreadable;
      all.newOnly += p.newOnly;
      all.oldOnly += p.oldOnly;
      p.newOnlyList.forEach(w -> keep(all.newOnlyList, w));
      p.oldOnlyList.forEach(w -> keep(all.oldOnlyList, w));
    }
    return new WitnessResult(older.label(), newer.label(), all.examined, all.compared, all.notInBoth, all.unreadable,
        all.newOnly, all.oldOnly, new ArrayList<>(all.newOnlyList), new ArrayList<>(all.oldOnlyList));
  }
}
