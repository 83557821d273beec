package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.diff.engine.Kind;
import dev.contractgate.diff.engine.Verdicts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The rule catalogue: every rule id the engine or the endpoint-level checks can report, in one place.
 *
 * <p>Schema rules come in pairs per change kind ({@code request.<kind>} and {@code response.<kind>}); the
 * mirror of {@code response.K} is {@code request.inverse(K)}, because a response that gains values is read
 * like a request that loses them. {@code docs/rules.md} is generated from this class.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Rules {

  private static final Map<String, Rule> ALL = build();

  private Rules() {}

  /** All rules, sorted by id. */
  public static List<Rule> all() {
    return List.copyOf(ALL.values());
  }

  public static Optional<Rule> find(String id) {
    return Optional.ofNullable(ALL.get(id));
  }

  /** The mirror of {@code rule}. */
  public static Rule mirror(Rule rule) {
    Rule m = ALL.get(rule.mirrorId());
    if (m == null) {
      throw new IllegalStateException("rule " + rule.id() + " names a missing mirror " + rule.mirrorId());
    }
    return m;
  }

  private static Map<String, Rule> build() {
    List<Rule> rules = new ArrayList<>();
    DiffPolicy defaults = DiffPolicy.defaults();
    for (Kind k : Kind.values()) {
      for (Direction d : List.of(Direction.REQUEST, Direction.RESPONSE)) {
        Direction other = d == Direction.REQUEST ? Direction.RESPONSE : Direction.REQUEST;
        rules.add(new Rule(
            d.prefix() + "." + k.id(),
            k.category(),
            d,
            Verdicts.severity(k, d, defaults),
            k.relation(),
            k.description(),
            k.example(),
            other.prefix() + "." + k.inverseId()));
      }
    }
    endpoint(rules, "endpoint.removed", Severity.BREAKING, "an endpoint was removed",
        "GET blog/list.php → (absent)", "endpoint.added");
    endpoint(rules, "endpoint.added", Severity.INFO, "an endpoint was added",
        "(absent) → GET blog/list.php", "endpoint.removed");
    endpoint(rules, "endpoint.method-changed", Severity.BREAKING, "the HTTP method of an endpoint changed",
        "GET blog/list.php → POST blog/list.php", "endpoint.method-changed");
    endpoint(rules, "endpoint.path-changed", Severity.BREAKING, "the path of an endpoint changed",
        "blog/list.php → blog/index.php", "endpoint.path-changed");
    endpoint(rules, "endpoint.deprecated", Severity.INFO, "an endpoint was marked deprecated",
        "deprecated: false → deprecated: true", "endpoint.reactivated");
    endpoint(rules, "endpoint.reactivated", Severity.INFO, "an endpoint is no longer deprecated",
        "deprecated: true → deprecated: false", "endpoint.deprecated");
    endpoint(rules, "request.body.added", Severity.BREAKING, "a request body was added where there was none, and"
        + " it is required (or the contract cannot say it is optional): old requests without one are refused",
        "(no body) → body: comment.schema.json", "request.body.removed");
    endpoint(rules, "request.body.removed", Severity.WARNING,
        "a request body schema was removed (the backend may ignore what old consumers send)",
        "body: comment.schema.json → (no body)", "request.body.added");
    endpoint(rules, "response.status.removed", Severity.BREAKING,
        "a documented response status was removed", "responses 200, 404 → responses 200", "response.status.added");
    endpoint(rules, "response.status.added", Severity.WARNING,
        "a response status was added that old consumers do not handle", "responses 200 → responses 200, 409",
        "response.status.removed");
    endpoint(rules, "response.header.expectation-removed", Severity.BREAKING,
        "a response header expectation was removed (Vary, Set-Cookie, content type ...)",
        "Vary: {contains: [Origin]} → (absent)", "response.header.expectation-added");
    endpoint(rules, "response.header.expectation-added", Severity.INFO,
        "a response header expectation was added", "(absent) → Vary: {contains: [Origin]}",
        "response.header.expectation-removed");
    endpoint(rules, "response.content-type.changed", Severity.BREAKING,
        "the response content type changed", "application/json → text/html", "response.content-type.changed");
    endpoint(rules, "response.cookie.removed", Severity.BREAKING, "a cookie the response set is no longer set",
        "cookies: [IVANPIN_SESSID] → []", "response.cookie.added");
    endpoint(rules, "response.cookie.added", Severity.WARNING,
        "the response sets a new cookie (check it is named per namespace)", "cookies: [] → [IVANPIN_SESSID]",
        "response.cookie.removed");
    endpoint(rules, "request.query.schema-added", Severity.BREAKING,
        "query parameters are now validated by a schema", "(any query) → schemas/x.query.schema.json",
        "request.query.schema-removed");
    endpoint(rules, "request.query.schema-removed", Severity.INFO,
        "query parameters are no longer validated", "schemas/x.query.schema.json → (any query)",
        "request.query.schema-added");
    endpoint(rules, "response.body.schema-removed", Severity.BREAKING,
        "a response body is no longer described by a schema: anything may come", "schemas/x.schema.json → (none)",
        "response.body.schema-added");
    endpoint(rules, "response.body.schema-added", Severity.INFO,
        "a response body is now described by a schema", "(none) → schemas/x.schema.json",
        "response.body.schema-removed");
    DescriptionRules.add(rules);
    rules.add(new Rule("policy.exception-expired", RuleCategory.POLICY, Direction.BOTH, Severity.BREAKING,
        Relation.EQUAL, "an exception in contract-gate.yaml is past its until date: fix the change or renew it",
        "until: 2026-01-31 (today 2026-11-22)", "policy.exception-expired"));
    rules.add(new Rule("policy.exception-unused", RuleCategory.POLICY, Direction.BOTH, Severity.WARNING,
        Relation.EQUAL, "an exception in contract-gate.yaml matches no finding: remove it",
        "rule + location that no longer occur", "policy.exception-unused"));
    rules.add(new Rule("response.recorded.new-only", RuleCategory.EVIDENCE, Direction.BOTH, Severity.BREAKING,
        Relation.WIDER, "a recorded response is valid under the new version but not the old: proof that old"
            + " consumers can receive what they reject", "recording line 12: old rejects /items/0/author, new accepts",
        "response.recorded.old-only"));
    rules.add(new Rule("response.recorded.old-only", RuleCategory.EVIDENCE, Direction.BOTH, Severity.WARNING,
        Relation.NARROWER, "a recorded response is valid under the old version but not the new: the new contract"
            + " would reject real traffic", "recording line 7: new requires /seo, the backend does not send it",
        "response.recorded.new-only"));
    consumer(rules, ConsumerReads.MISSING, Severity.BREAKING,
        "a consumer reads a field the backend version it meets does not send, and not behind a flag: a frontend"
            + " ahead of its backend", "web@1.3.0 reads /items/*/videoUrl; backend 1.2.0 does not send it");
    consumer(rules, ConsumerReads.BEHIND_FLAG, Severity.INFO,
        "a consumer reads, behind a backend flag (when:), a field the backend does not serve yet: hidden until"
            + " the backend ships it", "web@1.3.0 reads /items/*/videoUrl when: feature_enabled; backend 1.2.0");
    consumer(rules, FlagChanges.REMOVED, Severity.WARNING,
        "a feature flag that consumers read behind was removed: their feature disappears silently",
        "featureFlag: feature_enabled → (absent)");
    consumer(rules, FlagChanges.TYPE_CHANGED, Severity.WARNING,
        "a feature flag that consumers read behind is no longer a boolean: their check may never be true",
        "feature_enabled: boolean → string");
    rules.sort(Comparator.comparing(Rule::id));
    Map<String, Rule> map = new LinkedHashMap<>();
    for (Rule r : rules) {
      if (map.put(r.id(), r) != null) {
        throw new IllegalStateException("duplicate rule id " + r.id());
      }
    }
    return map;
  }

  private static void consumer(List<Rule> rules, String id, Severity severity, String description, String example) {
    rules.add(new Rule(id, RuleCategory.CONSUMER, Direction.BOTH, severity, Relation.EQUAL, description, example, id));
  }

  private static void endpoint(
      List<Rule> rules, String id, Severity severity, String description, String example, String mirror) {
    rules.add(new Rule(id, RuleCategory.ENDPOINT, Direction.BOTH, severity, Relation.EQUAL, description,
        example, mirror));
  }
}
