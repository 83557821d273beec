package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.contractgate.diff.engine.Engine;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.HeaderExpectation;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.report.Facts;
import dev.contractgate.report.Report.Fact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * Compares two versions of a namespace endpoint by endpoint: the endpoint rules of the catalogue, request
 * query and body in the request direction, every response body in the response direction. A change in a
 * component several endpoints share is reported once, with every place it reaches.
 */
@API(status = INTERNAL, since = "0.1")
public final class VersionDiffer {

  private static final List<String> REMOVAL_RULES = List.of(
      "response.property.removed", "response.property.required-removed", "response.property.removed-from-closed");

  private final Function<String, JsonNode> oldDocs;
  private final Function<String, JsonNode> newDocs;
  private final DiffPolicy policy;
  private final LocalDate today;
  /** Places listed per change; beyond this a count says how many more. */
  static final int MAX_REACHES = 50;

  private final Map<String, Slot> byComponent = new LinkedHashMap<>();
  private final Map<Change, Slot> byChange = new java.util.IdentityHashMap<>();
  private final List<Slot> slots = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();
  private int secondOpinionInstances;
  private final Map<String, String> labels = new java.util.HashMap<>();
  private Extras extras = Extras.NONE;

  private VersionDiffer(Function<String, JsonNode> oldDocs, Function<String, JsonNode> newDocs, DiffPolicy policy,
      LocalDate today) {
    this.oldDocs = oldDocs;
    this.newDocs = newDocs;
    this.policy = policy;
    this.today = today;
  }

  public static VersionDiff compare(Function<String, JsonNode> oldDocs, ContractVersion from,
      Function<String, JsonNode> newDocs, ContractVersion to, DiffPolicy policy, LocalDate today) {
    return compare(oldDocs, from, newDocs, to, policy, today, Extras.NONE);
  }

  /**
   * {@link #compare(Function, ContractVersion, Function, ContractVersion, DiffPolicy, LocalDate)} with what a
   * source of the versions knows beyond the contract (an OpenAPI description: form bodies, parameters in
   * headers, security ...): more schema pairs to compare, more changes to place, labels to group under.
   */
  public static VersionDiff compare(Function<String, JsonNode> oldDocs, ContractVersion from,
      Function<String, JsonNode> newDocs, ContractVersion to, DiffPolicy policy, LocalDate today, Extras extras) {
    VersionDiffer d = new VersionDiffer(oldDocs, newDocs, policy, today);
    d.extras = extras;
    from.endpoints().forEach(e -> d.labels.put(e.id(), label(e)));
    to.endpoints().forEach(e -> d.labels.put(e.id(), label(e)));
    d.labels.putAll(extras.labels());
    d.run(from, to);
    for (Part p : extras.parts()) {
      d.pending.add(new Pending(p.endpoint(), p.part(), new Engine.Job(p.oldSchema(), p.newSchema(), p.direction())));
    }
    for (EndpointChange c : extras.changes()) {
      d.add(c.endpoint(), c.part(), c, "");
    }
    d.flush();
    return new VersionDiff(from.namespace(), from.version().toString(), to.version().toString(),
        d.slots.stream().map(Slot::done).map(c -> Reached.labelled(c, d.labels)).toList(),
        d.secondOpinionInstances);
  }

  /**
   * What a source of two versions adds to their diff.
   *
   * @param parts schema pairs compared like the contract's bodies, placed on their endpoint and part
   * @param changes changes found outside the contract, placed like the contract's own
   * @param requestBodyPresence true when {@code changes} decide whether adding or removing a request body
   *     breaks (the description knows whether it is required); the contract's presence rules are then skipped
   * @param labels endpoint id → how a client calls it, {@code GET /pets/{id} (getPet)}
   * @since 0.1
   */
  @API(status = INTERNAL, since = "0.1")
  public record Extras(List<Part> parts, List<EndpointChange> changes, boolean requestBodyPresence,
      Map<String, String> labels) {
    public static final Extras NONE = new Extras(List.of(), List.of(), false, Map.of());

    public Extras {
      parts = List.copyOf(parts);
      changes = List.copyOf(changes);
      labels = Map.copyOf(labels);
    }
  }

  /**
   * One more schema pair: {@code oldSchema} and {@code newSchema} are read from the old and new documents.
   *
   * @param part e.g. {@code request body application/x-www-form-urlencoded} or {@code request header X-Trace}
   * @since 0.1
   */
  @API(status = INTERNAL, since = "0.1")
  public record Part(String endpoint, String part, SourceLocation oldSchema, SourceLocation newSchema,
      Direction direction) {}

  /**
   * An endpoint-level change of a catalogue rule at the policy's severity, for a source of extra changes.
   *
   * @param subject where, e.g. {@code get-pet request header X-Trace}; its first word is the endpoint id
   */
  public static EndpointChange change(DiffPolicy policy, String ruleId, String part, SourceLocation oldLoc,
      SourceLocation newLoc, String subject, String oldText, String newText, String meaning) {
    EndpointChange c = endpointChange(policy, ruleId, oldLoc, newLoc, subject, oldText, newText, meaning);
    return new EndpointChange(c.endpoint(), part, c.change(), List.of(), "");
  }

  /** {@code d} with every change that has no operation label grouped under its endpoint's method and path. */
  public static VersionDiff labelled(VersionDiff d, ContractVersion from, ContractVersion to) {
    Map<String, String> labels = new java.util.HashMap<>();
    from.endpoints().forEach(e -> labels.put(e.id(), label(e)));
    to.endpoints().forEach(e -> labels.put(e.id(), label(e)));
    return new VersionDiff(d.namespace(), d.from(), d.to(), d.changes().stream()
        .map(c -> Reached.labelled(c, labels)).toList(),
        d.secondOpinionInstances());
  }

  private static String label(Endpoint e) {
    return e.method() + " /" + e.path() + " (" + e.id() + ")";
  }

  private void run(ContractVersion from, ContractVersion to) {
    Map<String, Endpoint> remaining = new LinkedHashMap<>();
    to.endpoints().forEach(e -> remaining.put(e.id(), e));
    for (Endpoint o : from.endpoints()) {
      Endpoint n = remaining.remove(o.id());
      if (n == null) {
        // Same route under a new id is a rename in the contract, not a change on the wire.
        String route = route(o);
        n = remaining.values().stream().filter(x -> route(x).equals(route)).findFirst().orElse(null);
        if (n != null) {
          remaining.remove(n.id());
        }
      }
      if (n == null) {
        removed(o, to);
      } else {
        endpoint(o, n);
      }
    }
    for (Endpoint n : remaining.values()) {
      add(n.id(), "endpoint", endpointChange("endpoint.added", n.source(), n.source(), n.id(),
          "(absent)", n.method() + " " + n.path(), "new consumers can call it; old ones are unaffected"), "");
    }
  }

  private void removed(Endpoint o, ContractVersion to) {
    EndpointChange c = endpointChange("endpoint.removed", o.source(), SourceLocation.of(to.file()), o.id(),
        o.method() + " " + o.path(), "(absent)", "a consumer that calls it now gets an error");
    if (c.severity() == Severity.BREAKING && o.deprecated()) {
      if (o.sunset().isPresent() && o.sunset().get().isBefore(today)) {
        c = c.withSeverity(Severity.WARNING, "deprecated with sunset " + o.sunset().get() + ", which has passed");
      } else {
        c = new EndpointChange(c.endpoint(), c.part(), c.change(), List.of(o.id() + " endpoint"), o.sunset()
            .map(d -> "deprecated, but its sunset " + d + " has not passed yet")
            .orElse("deprecated without a sunset date: set one, and remove it after that date"));
      }
    }
    slots.add(new Slot(c.reaches().isEmpty()
        ? new EndpointChange(c.endpoint(), c.part(), c.change(), List.of(o.id() + " endpoint"), c.note()) : c));
  }

  private void endpoint(Endpoint o, Endpoint n) {
    String id = n.id();
    if (!o.method().equals(n.method())) {
      add(id, "endpoint", endpointChange("endpoint.method-changed", o.source(), n.source(), id, o.method(), n.method(),
          "a consumer that still calls " + o.method() + " gets an error"), "");
    }
    if (!wirePath(o).equals(wirePath(n))) {
      add(id, "endpoint", endpointChange("endpoint.path-changed", o.source(), n.source(), id, o.path(), n.path(),
          "a consumer that still calls the old path gets an error"), "");
    }
    if (o.deprecated() != n.deprecated()) {
      add(id, "endpoint", endpointChange(n.deprecated() ? "endpoint.deprecated" : "endpoint.reactivated",
          o.source(), n.source(), id, "deprecated: " + o.deprecated(), "deprecated: " + n.deprecated()
              + n.sunset().map(d -> " (sunset " + d + ")").orElse(""),
          n.deprecated() ? "consumers should move away before the sunset" : "consumers may keep using it"), "");
    }
    schemaPart(id, "request query", o.request().query(), n.request().query(), Direction.REQUEST,
        "request.query.schema-added", "request.query.schema-removed", o, n);
    if (!extras.requestBodyPresence() || (o.request().body().isPresent() && n.request().body().isPresent())) {
      schemaPart(id, "request body", o.request().body(), n.request().body(), Direction.REQUEST,
          "request.body.added", "request.body.removed", o, n);
    }
    for (Map.Entry<Integer, Endpoint.Response> e : o.responses().entrySet()) {
      int status = e.getKey();
      Endpoint.Response or = e.getValue();
      Endpoint.Response nr = n.responses().get(status);
      String part = "response " + status;
      if (nr == null) {
        add(id, part, endpointChange("response.status.removed", o.source().child("responses").child(String.valueOf(status)),
            n.source().child("responses"), id + " " + status, "responses " + o.responses().keySet(),
            "responses " + n.responses().keySet(), "a consumer that handles " + status + " no longer gets it"), "");
        continue;
      }
      if (or.contentType().isEmpty() && nr.contentType().isPresent()) {
        // A consumer that read no body cannot break on one (docs/rules.md, body presence).
        add(id, part, endpointChange("response.body.added", responseLoc(o, status), responseLoc(n, status),
            id + " " + status, "(no body)", nr.contentType().get() + nr.schema().map(s -> " " + s).orElse(""),
            "a body now comes where none did; a consumer that read none is unaffected"), "");
      } else if (or.contentType().isPresent() && nr.contentType().isEmpty()) {
        add(id, part, endpointChange("response.body.removed", responseLoc(o, status), responseLoc(n, status),
            id + " " + status, or.contentType().get() + or.schema().map(s -> " " + s).orElse(""), "(no body)",
            "a consumer that reads the body gets none"), "");
      } else {
        schemaPart(id, part, or.schema(), nr.schema(), Direction.RESPONSE, "response.body.schema-added",
            "response.body.schema-removed", o, n);
      }
      if (or.contentType().isPresent() && nr.contentType().isPresent()
          && !or.contentType().map(VersionDiffer::media).equals(nr.contentType().map(VersionDiffer::media))) {
        add(id, part, endpointChange("response.content-type.changed", responseLoc(o, status), responseLoc(n, status),
            id + " " + status, or.contentType().orElse("(none)"), nr.contentType().orElse("(none)"),
            "a consumer parses the body by its content type"), "");
      }
      for (HeaderExpectation h : or.headers()) {
        if (!nr.headers().contains(h)) {
          add(id, part, endpointChange("response.header.expectation-removed", responseLoc(o, status),
              responseLoc(n, status), id + " " + status + " " + h.key(), h.describe(), "(absent)",
              "the backend is no longer held to it; a consumer or cache relying on it can break"), "");
        }
      }
      for (HeaderExpectation h : nr.headers()) {
        if (!or.headers().contains(h)) {
          add(id, part, endpointChange("response.header.expectation-added", responseLoc(o, status),
              responseLoc(n, status), id + " " + status + " " + h.key(), "(absent)", h.describe(),
              "the backend is now held to it"), "");
        }
      }
      for (String c : or.cookies()) {
        if (!nr.cookies().contains(c)) {
          add(id, part, endpointChange("response.cookie.removed", responseLoc(o, status), responseLoc(n, status),
              id + " " + status + " " + c, "cookies " + or.cookies(), "cookies " + nr.cookies(),
              "a consumer whose session relies on " + c + " loses it"), "");
        }
      }
      for (String c : nr.cookies()) {
        if (!or.cookies().contains(c)) {
          add(id, part, endpointChange("response.cookie.added", responseLoc(o, status), responseLoc(n, status),
              id + " " + status + " " + c, "cookies " + or.cookies(), "cookies " + nr.cookies(),
              "check that " + c + " is named per namespace"), "");
        }
      }
    }
    for (int status : n.responses().keySet()) {
      if (!o.responses().containsKey(status)) {
        add(id, "response " + status, endpointChange("response.status.added", o.source().child("responses"),
            responseLoc(n, status), id + " " + status, "responses " + o.responses().keySet(),
            "responses " + n.responses().keySet(), "a consumer built against the old version does not handle "
                + status), "");
      }
    }
  }

  private void schemaPart(String id, String part, Optional<SourceLocation> o, Optional<SourceLocation> n,
      Direction direction, String addedRule, String removedRule, Endpoint oe, Endpoint ne) {
    if (o.isEmpty() && n.isEmpty()) {
      return;
    }
    if (o.isEmpty()) {
      add(id, part, endpointChange(addedRule, oe.source(), n.get(), id + " " + part, "(none)", n.get().toString(),
          direction == Direction.REQUEST ? "the backend now validates it; an old consumer's request may be refused"
              : "the body is now described"), "");
      return;
    }
    if (n.isEmpty()) {
      add(id, part, endpointChange(removedRule, o.get(), ne.source(), id + " " + part, o.get().toString(), "(none)",
          direction == Direction.RESPONSE ? "the body is no longer described: anything may come"
              : "the backend no longer validates it"), "");
      return;
    }
    pending.add(new Pending(id, part, new Engine.Job(o.get(), n.get(), direction)));
  }

  /** A schema comparison waiting for the shared engine run. */
  private record Pending(String id, String part, Engine.Job job) {}

  /** Runs every schema comparison of the version pair in one engine, then places the findings. */
  private void flush() {
    Engine.Batch batch = Engine.compareAll(oldDocs, newDocs, pending.stream().map(Pending::job).toList(),
        policy, new Engine.Stats());
    for (int i = 0; i < pending.size(); i++) {
      placeSchemaChanges(pending.get(i).id(), pending.get(i).part(), batch.results().get(i));
      secondOpinionInstances += batch.results().get(i).secondOpinionInstances();
    }
    // Sightings of an already reported change through another endpoint only add a place it reaches.
    for (int i = 0; i < pending.size(); i++) {
      for (Engine.Repeat r : batch.repeats().get(i)) {
        Slot slot = byChange.get(r.first());
        if (slot != null) {
          slot.reach(pending.get(i).id() + " " + pending.get(i).part() + (r.path().isEmpty() ? "" : " " + r.path()));
        }
      }
    }
    pending.clear();
  }

  private void placeSchemaChanges(String id, String part, DiffResult r) {
    for (Change c : EnumFindings.onePerPlace(r.changes())) {
      EndpointChange ec = new EndpointChange(id, part, c, List.of(), "");
      if (REMOVAL_RULES.contains(c.ruleId()) && c.severity() == Severity.BREAKING) {
        ec = sunset(ec);
      }
      add(id, part, ec, c.ruleId() + "|" + c.direction() + "|" + c.oldLocation() + "|" + c.newLocation() + "|"
          + sameAtEverySite(c));
    }
  }

  /**
   * The headline and the facts that do not depend on where the component is used (all but instance path and
   * witness): two findings at one schema location (two enum values, two names dropped from one
   * {@code required}) differ here, while one finding reached through several endpoints does not.
   */
  private static String sameAtEverySite(Change c) {
    StringBuilder b = new StringBuilder(c.headline());
    for (Fact f : c.facts()) {
      if (!f.key().equals("instance") && !f.key().equals("witness")) {
        Facts.append(b, f.key(), f.value());
      }
    }
    return b.toString();
  }

  /** A removed field that its old schema deprecated with an {@code x-sunset} date in the past is a warning. */
  private EndpointChange sunset(EndpointChange c) {
    SourceLocation at = c.change().oldLocation();
    String pointer = at.pointer();
    String name = c.change().path().substring(c.change().path().lastIndexOf('/') + 1);
    if (pointer.endsWith("/required")) {
      pointer = pointer.substring(0, pointer.length() - "/required".length()) + "/properties/" + SourceLocation.escape(name);
    }
    JsonNode doc = oldDocs.apply(at.file());
    JsonNode property = doc == null ? null : doc.at(pointer);
    if (property == null || !property.path("deprecated").asBoolean(false)) {
      return c;
    }
    String text = property.path("x-sunset").asString("");
    try {
      LocalDate sunset = LocalDate.parse(text);
      if (sunset.isBefore(today)) {
        return c.withSeverity(Severity.WARNING, "deprecated with x-sunset " + sunset + ", which has passed");
      }
      return new EndpointChange(c.endpoint(), c.part(), c.change(), c.reaches(),
          "deprecated, but its x-sunset " + sunset + " has not passed yet");
    } catch (java.time.format.DateTimeParseException e) {
      return new EndpointChange(c.endpoint(), c.part(), c.change(), c.reaches(),
          "deprecated without a valid x-sunset date (YYYY-MM-DD): removal stays breaking");
    }
  }

  /** Adds a change, or adds its place to the same change already reported through a shared component. */
  private void add(String endpoint, String part, EndpointChange c, String componentKey) {
    String where = endpoint + " " + part + (c.change().path().isEmpty() ? "" : " " + c.change().path());
    if (!componentKey.isEmpty()) {
      Slot first = byComponent.get(componentKey);
      if (first != null) {
        first.reach(where);
        return;
      }
    }
    Slot slot = new Slot(new EndpointChange(endpoint, part, c.change(), List.of(where), c.note(), c.operation()));
    slots.add(slot);
    byChange.put(c.change(), slot);
    if (!componentKey.isEmpty()) {
      byComponent.put(componentKey, slot);
    }
  }

  /** One reported change and the places it reaches, capped so a hub component cannot flood the report. */
  private static final class Slot {
    EndpointChange change;
    final java.util.Set<String> seen = new java.util.HashSet<>();
    int more;

    Slot(EndpointChange change) {
      this.change = change;
      seen.addAll(change.reaches());
    }

    void reach(String where) {
      if (!seen.add(where)) {
        return;
      }
      if (change.reaches().size() >= MAX_REACHES) {
        more++;
        return;
      }
      List<String> reaches = new ArrayList<>(change.reaches());
      reaches.add(where);
      change = new EndpointChange(change.endpoint(), change.part(), change.change(), reaches, change.note(),
          change.operation());
    }

    EndpointChange done() {
      if (more == 0) {
        return change;
      }
      List<String> reaches = new ArrayList<>(change.reaches());
      reaches.add("... and " + more + " more");
      return new EndpointChange(change.endpoint(), change.part(), change.change(), reaches, change.note(),
          change.operation());
    }
  }

  private EndpointChange endpointChange(String ruleId, SourceLocation oldLoc, SourceLocation newLoc, String subject,
      String oldText, String newText, String meaning) {
    return endpointChange(policy, ruleId, oldLoc, newLoc, subject, oldText, newText, meaning);
  }

  private static EndpointChange endpointChange(DiffPolicy policy, String ruleId, SourceLocation oldLoc,
      SourceLocation newLoc, String subject, String oldText, String newText, String meaning) {
    Rule rule = Rules.find(ruleId).orElseThrow(() -> new IllegalStateException("rule not in catalogue: " + ruleId));
    Severity severity = policy.severityOverrides().getOrDefault(ruleId, rule.defaultSeverity());
    String endpoint = subject.contains(" ") ? subject.substring(0, subject.indexOf(' ')) : subject;
    Change c = new Change(ruleId, severity, Direction.BOTH, Relation.EQUAL, "", oldLoc, newLoc,
        ruleId + " at " + subject, List.of(new Fact("old", oldText), new Fact("new", newText), new Fact("meaning", meaning)),
        Engine.fingerprint(ruleId, subject, oldText, newText), Optional.empty());
    return new EndpointChange(endpoint, "endpoint", c, List.of(), "");
  }

  private static SourceLocation responseLoc(Endpoint e, int status) {
    return e.source().child("responses").child(String.valueOf(status));
  }

  private static String route(Endpoint e) {
    return e.method() + " " + wirePath(e);
  }

  /** The path as a client sees it: renaming a path parameter ({@code {id}} to {@code {orderId}}) changes nothing. */
  private static String wirePath(Endpoint e) {
    return PATH_PARAMETER.matcher(e.path()).replaceAll("{}");
  }

  private static final java.util.regex.Pattern PATH_PARAMETER = java.util.regex.Pattern.compile("\\{[^}]*}");

  private static String media(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
  }
}
