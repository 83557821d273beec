package dev.contractgate.diff;

import dev.contractgate.registry.Consumer;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.SchemaPointers;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.report.Report.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A consumer's reads against the backend version it would meet: every field it reads that this backend does
 * not send. Ungated, that is the seeds' "frontend ahead of backend" and breaks the page
 * ({@code consumer.read-missing}); behind a backend flag ({@code when:}) the frontend hides the feature until
 * the backend ships it ({@code consumer.read-behind-flag}, INFO).
 */
final class ConsumerReads {

  static final String MISSING = "consumer.read-missing";
  static final String BEHIND_FLAG = "consumer.read-behind-flag";

  private ConsumerReads() {}

  /**
   * What a consumer meets on a backend version.
   *
   * @param findings one per endpoint and flag, sorted by endpoint
   * @param hidden {@code endpoint pointer} of every gated read the backend does not serve
   */
  record Outcome(List<EndpointChange> findings, java.util.Set<String> hidden) {}

  /** The findings for {@code consumer} on {@code backend}. */
  static Outcome against(ContractRegistry registry, Consumer consumer, ContractVersion backend, DiffPolicy policy) {
    java.util.Set<String> hidden = new java.util.HashSet<>();
    SchemaPointers pointers = SchemaPointers.of(registry.documents());
    ContractVersion pinned = registry.requireVersion(consumer.namespace(), consumer.version().toString());
    List<EndpointChange> out = new ArrayList<>();
    for (String endpoint : new java.util.TreeSet<>(consumer.reads().keySet())) {
      Optional<Endpoint> served = backend.endpoint(endpoint);
      List<String> patterns = consumer.reads().get(endpoint);
      // What the consumer reads that the backend cannot send, grouped by the flag it is read behind ("" for none).
      Map<String, List<String>> missing = new TreeMap<>();
      if (served.isEmpty()) {
        for (String p : patterns.isEmpty() ? List.of("") : patterns) {
          missing.computeIfAbsent(consumer.when(endpoint, p).orElse(""), k -> new ArrayList<>()).add(p);
        }
      } else {
        List<SourceLocation> roots = SchemaPointers.successSchemas(served.get());
        for (String p : patterns) {
          if (!roots.isEmpty() && !pointers.produces(roots, p)) {
            missing.computeIfAbsent(consumer.when(endpoint, p).orElse(""), k -> new ArrayList<>()).add(p);
          }
        }
      }
      SourceLocation was = pinned.endpoint(endpoint).map(Endpoint::source)
          .orElse(new SourceLocation(pinned.file(), ""));
      SourceLocation is = served.map(Endpoint::source).orElse(new SourceLocation(backend.file(), ""));
      missing.forEach((flag, fields) -> {
        if (!flag.isEmpty()) {
          fields.forEach(p -> hidden.add(endpoint + " " + p));
        }
      });
      for (Map.Entry<String, List<String>> m : missing.entrySet()) {
        Change c = change(consumer, backend, endpoint, served.isPresent(), m.getKey(), m.getValue(), was, is, policy);
        if (c.severity() != Severity.OFF) {
          String part = "response " + served.or(() -> pinned.endpoint(endpoint)).map(SchemaPointers::successStatus)
              .orElse(200);
          out.add(new EndpointChange(endpoint, part, c,
              m.getValue().stream().map(p -> endpoint + " " + part + " " + p).toList(), ""));
        }
      }
    }
    return new Outcome(out, hidden);
  }

  private static Change change(Consumer consumer, ContractVersion backend, String endpoint, boolean served,
      String flag, List<String> fields, SourceLocation was, SourceLocation is, DiffPolicy policy) {
    boolean gated = !flag.isEmpty();
    String rule = gated ? BEHIND_FLAG : MISSING;
    Severity severity = policy.severityOverrides().getOrDefault(rule, gated ? Severity.INFO : Severity.BREAKING);
    boolean ahead = consumer.version().compareTo(backend.version()) > 0;
    String what = served ? String.join(", ", fields) : "(the endpoint " + endpoint + ")";
    String headline = gated
        ? rule + " at " + endpoint + ": " + (ahead ? "ahead" : "reads") + " behind " + flag + ": hidden until the"
            + " backend ships it (" + what + ")"
        : rule + " at " + endpoint + ": " + consumer.id() + " reads what " + backend.label() + " does not send ("
            + what + ")";
    String meaning = gated
        ? (ahead ? "ahead" : "read") + " behind " + flag + ": hidden until the backend ships it; " + consumer.id()
            + " renders these only while " + flag + " is " + (flag.equals("endpoint")
            ? "answered" : "true") + "; " + backend.label() + " does not serve them, so the feature stays hidden"
        : (ahead ? "frontend ahead of backend: " : "") + consumer.id() + " (built against " + consumer.version()
            + ") reads fields " + backend.label() + " does not send; ship the backend first, or put the feature"
            + " behind a backend flag (featureFlag in endpoints.yaml, when: in " + consumer.file() + ")";
    List<Fact> facts = List.of(new Fact("consumer", consumer.id() + " (" + consumer.file() + ")"),
        new Fact("fields", what), new Fact("flag", gated ? flag : "(none)"),
        new Fact("backend", backend.label()), new Fact("meaning", meaning));
    String path = fields.size() == 1 ? fields.get(0) : "";
    return new Change(rule, severity, Direction.BOTH, Relation.EQUAL, path, was, is, headline, facts,
        Integer.toHexString((rule + consumer.id() + endpoint + flag + fields).hashCode()), Optional.empty());
  }

  /**
   * Diff changes that reach only reads this consumer makes behind a flag, of fields the backend does not serve,
   * become INFO: the frontend hides what they take away. A change that also reaches an ungated read, or a gated
   * field the backend still serves, stays as it is.
   */
  static List<EndpointChange> hideGated(Consumer consumer, List<EndpointChange> changes, java.util.Set<String> hidden) {
    List<EndpointChange> out = new ArrayList<>();
    for (EndpointChange c : changes) {
      if (c.severity() == Severity.INFO || consumer.gated().isEmpty()) {
        out.add(c);
        continue;
      }
      java.util.Set<String> flags = new java.util.TreeSet<>();
      boolean ungated = false;
      boolean any = false;
      for (String place : c.reaches()) {
        String[] t = place.split(" ", 4);
        List<String> patterns = consumer.reads().get(t[0]);
        if (patterns == null) {
          continue;
        }
        boolean response = t.length >= 2 && t[1].equals("response");
        String path = t.length >= 4 ? t[3] : "";
        for (String p : patterns) {
          if (!response || DeployCheck.overlaps(p, path)) {
            any = true;
            Optional<String> flag = consumer.when(t[0], p);
            // Only what the backend does not serve is hidden: a gated field that changes type still breaks.
            if (flag.isPresent() && hidden.contains(t[0] + " " + p)) {
              flags.add(flag.get());
            } else {
              ungated = true;
            }
          }
        }
      }
      if (any && !ungated && !flags.isEmpty()) {
        out.add(c.withSeverity(Severity.INFO, "read behind " + String.join(", ", flags) + " by " + consumer.id()
            + ": hidden until the backend ships it"));
      } else {
        out.add(c);
      }
    }
    return out;
  }
}
