package dev.contractgate.openapi;

import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.EndpointChange;
import dev.contractgate.diff.VersionDiffer;
import dev.contractgate.openapi.Surface.Data;
import dev.contractgate.openapi.Surface.Header;
import dev.contractgate.openapi.Surface.Media;
import dev.contractgate.openapi.Surface.Op;
import dev.contractgate.openapi.Surface.Param;
import dev.contractgate.openapi.Surface.Resp;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares two {@link Surface}s: what the descriptions say beyond their contracts, as extra changes and extra
 * schema pairs for the version diff. Operations are matched as the version diff matches endpoints: by id,
 * then by method and path.
 */
final class SurfaceDiff {

  /** Where changes to how clients obtain credentials are grouped: they concern every operation of a scheme. */
  private static final String SCHEMES = "(securitySchemes)";

  private final DiffPolicy policy;
  private final Data o;
  private final Data n;
  private final List<EndpointChange> changes = new ArrayList<>();
  private final List<VersionDiffer.Part> parts = new ArrayList<>();

  private SurfaceDiff(DiffPolicy policy, Data o, Data n) {
    this.policy = policy;
    this.o = o;
    this.n = n;
  }

  static VersionDiffer.Extras compare(Surface from, Surface to, DiffPolicy policy) {
    SurfaceDiff d = new SurfaceDiff(policy, from.data(), to.data());
    d.run();
    Map<String, String> labels = new HashMap<>(Map.of("(servers)", "servers", "(webhooks)", "webhooks",
        SCHEMES, "security schemes"));
    d.o.ops().values().forEach(op -> labels.put(op.id(), op.label()));
    d.n.ops().values().forEach(op -> labels.put(op.id(), op.label()));
    return new VersionDiffer.Extras(d.parts, d.changes, true, labels);
  }

  private void run() {
    servers();
    SchemeFlows.compare(o.securitySchemes(), n.securitySchemes(), (rule, part, was, is, oldAt, newAt, meaning) ->
        add(rule, part, SCHEMES, was, is, oldAt, newAt, meaning));
    Map<String, Op> remaining = new LinkedHashMap<>(n.ops());
    for (Op a : o.ops().values()) {
      Op b = remaining.remove(a.id());
      if (b == null) {
        b = remaining.values().stream().filter(x -> x.route().equals(a.route())).findFirst().orElse(null);
        if (b != null) {
          remaining.remove(b.id());
        }
      }
      if (b != null) {
        op(a, b);
      }
    }
    webhooks();
  }

  private void servers() {
    if (!o.serverPath().equals(n.serverPath())) {
      add("api.servers.path-changed", "servers", "(servers)", o.serverPath().isEmpty() ? "/" : o.serverPath(),
          n.serverPath().isEmpty() ? "/" : n.serverPath(), "/servers", "/servers",
          "every operation is now called under another path prefix");
    } else if (!o.servers().equals(n.servers())) {
      add("api.servers.changed", "servers", "(servers)", String.join(", ", o.servers()),
          String.join(", ", n.servers()), "/servers", "/servers", "consumers configured with an old URL must move");
    }
  }

  private void webhooks() {
    for (Map.Entry<String, JsonNode> w : o.webhooks().entrySet()) {
      JsonNode nw = n.webhooks().get(w.getKey());
      String at = "/webhooks/" + SourceLocation.escape(w.getKey().substring(0, w.getKey().lastIndexOf(' ')));
      if (nw == null) {
        add("webhook.removed", "webhook", "(webhooks)", w.getKey(), "(absent)", at, "/webhooks",
            "a consumer that handles it no longer receives it");
      } else if (!nw.equals(w.getValue())) {
        add("webhook.changed", "webhook", "(webhooks)", w.getKey(), w.getKey() + " (changed)", at, at,
            "compare the webhook's payload by hand: it is not compared schema by schema");
      }
    }
    for (String k : n.webhooks().keySet()) {
      if (!o.webhooks().containsKey(k)) {
        add("webhook.added", "webhook", "(webhooks)", "(absent)", k, "/webhooks",
            "/webhooks/" + SourceLocation.escape(k.substring(0, k.lastIndexOf(' '))), "consumers may subscribe to it");
      }
    }
  }

  private void op(Op a, Op b) {
    String id = b.id();
    body(a, b, id);
    params(a, b, id);
    security(a, b, id);
    for (Map.Entry<String, Resp> e : a.responses().entrySet()) {
      Resp nr = b.responses().get(e.getKey());
      Resp or = e.getValue();
      String part = "response " + or.key();
      if (nr == null) {
        if (!or.exact()) { // the contract reports exact statuses itself
          add("response.status.removed", part, id, "response " + or.key(), "(absent)", or.at(), b.at() + "/responses",
              "a consumer that handles it no longer gets it");
        }
        continue;
      }
      media(id, part, or.media(), nr.media(), or.primary(), nr.primary(), Direction.RESPONSE, or.at(), nr.at());
      headers(id, part, or, nr);
    }
    for (Resp nr : b.responses().values()) {
      if (!nr.exact() && !a.responses().containsKey(nr.key())) {
        add("response.status.added", "response " + nr.key(), id, "(absent)", "response " + nr.key(),
            a.at() + "/responses", nr.at(), "a consumer built against the old version does not handle it");
      }
    }
    for (Map.Entry<String, JsonNode> c : a.callbacks().entrySet()) {
      JsonNode nc = b.callbacks().get(c.getKey());
      if (nc == null) {
        add("callback.removed", "callback " + c.getKey(), id, c.getKey(), "(absent)", a.at() + "/callbacks/"
            + SourceLocation.escape(c.getKey()), b.at(), "a consumer that waits for it gets nothing");
      } else if (!nc.equals(c.getValue())) {
        add("callback.changed", "callback " + c.getKey(), id, c.getKey(), c.getKey() + " (changed)", a.at()
            + "/callbacks/" + SourceLocation.escape(c.getKey()), b.at() + "/callbacks/"
            + SourceLocation.escape(c.getKey()), "compare the callback by hand: it is not compared schema by schema");
      }
    }
    for (String c : b.callbacks().keySet()) {
      if (!a.callbacks().containsKey(c)) {
        add("callback.added", "callback " + c, id, "(absent)", c, a.at(), b.at() + "/callbacks/"
            + SourceLocation.escape(c), "a consumer may register for it");
      }
    }
    if (!a.servers().equals(b.servers())) {
      add("api.servers.changed", "servers", id, a.servers().isEmpty() ? "(top-level servers)"
          : String.join(", ", a.servers()), b.servers().isEmpty() ? "(top-level servers)"
          : String.join(", ", b.servers()), a.at(), b.at(), "consumers of this operation call another server");
    }
  }

  private void body(Op a, Op b, String id) {
    String at = "/requestBody";
    if (!a.body() && b.body()) {
      add(b.bodyRequired() ? "request.body.added" : "request.body.optional-added", "request body", id, "(no body)",
          (b.bodyRequired() ? "required body " : "optional body ") + b.bodyMedia().keySet(), a.at(), b.at() + at,
          b.bodyRequired() ? "an old consumer sends no body and is refused"
              : "an old consumer that sends no body is still accepted");
      return;
    }
    if (a.body() && !b.body()) {
      add("request.body.removed", "request body", id, "body " + a.bodyMedia().keySet(), "(no body)", a.at() + at,
          b.at(), "the backend may ignore or refuse what old consumers send");
      return;
    }
    if (!a.body()) {
      return;
    }
    if (!a.bodyRequired() && b.bodyRequired()) {
      add("request.body.required-added", "request body", id, "required: false", "required: true", a.at() + at,
          b.at() + at, "an old consumer that sends no body is now refused");
    } else if (a.bodyRequired() && !b.bodyRequired()) {
      add("request.body.required-removed", "request body", id, "required: true", "required: false", a.at() + at,
          b.at() + at, "a body is now optional");
    }
    media(id, "request body", a.bodyMedia(), b.bodyMedia(), null, null, Direction.REQUEST, a.at() + at, b.at() + at);
  }

  /**
   * Media types added and removed, and the schemas and form encoding of those in both. For exact response
   * statuses the contract already judges the content type it picked ({@code aPrimary}, {@code bPrimary}), and
   * a body where there was none; those are left to it.
   */
  private void media(String id, String part, Map<String, Media> a, Map<String, Media> b, String aPrimary,
      String bPrimary, Direction dir, String aAt, String bAt) {
    String kind = dir == Direction.REQUEST ? "request" : "response";
    boolean response = dir == Direction.RESPONSE;
    for (Media m : a.values()) {
      Media nm = b.get(m.type());
      if (nm == null) {
        if (!(response && (m.type().equals(aPrimary) || b.isEmpty()))) {
          add(kind + ".media-type.removed", part, id, String.join(", ", a.keySet()), String.join(", ", b.keySet()),
              aAt + "/content", bAt, dir == Direction.REQUEST ? "an old consumer that sends " + m.type() + " is refused"
                  : "a consumer that asks for " + m.type() + " no longer gets it");
        }
        continue;
      }
      if (m.schema() != null && nm.schema() != null) {
        parts.add(new VersionDiffer.Part(id, part + " " + m.type(), m.schema(), nm.schema(), dir));
      }
      if (dir == Direction.REQUEST) {
        String mAt = "/content/" + SourceLocation.escape(m.type()) + "/encoding/";
        m.partHeaders().forEach((p, hs) -> partHeaders(id, part + " " + m.type() + " part " + p, hs,
            nm.partHeaders().getOrDefault(p, Map.of()), aAt + mAt + SourceLocation.escape(p),
            bAt + mAt + SourceLocation.escape(p)));
        nm.partHeaders().forEach((p, hs) -> {
          if (!m.partHeaders().containsKey(p)) {
            partHeaders(id, part + " " + m.type() + " part " + p, Map.of(), hs, aAt + mAt + SourceLocation.escape(p),
                bAt + mAt + SourceLocation.escape(p));
          }
        });
      }
      if (dir == Direction.REQUEST && !m.encoding().equals(nm.encoding())) {
        Set<String> props = new java.util.TreeSet<>(m.encoding().keySet());
        props.addAll(nm.encoding().keySet());
        for (String p : props) {
          String was = m.encoding().getOrDefault(p, "(default)");
          String is = nm.encoding().getOrDefault(p, "(default)");
          if (!was.equals(is)) {
            add("request.body.encoding-changed", part + " " + m.type(), id, p + ": " + was, p + ": " + is,
                aAt + "/content", bAt + "/content", "old consumers encode " + p + " the old way");
          }
        }
      }
    }
    for (Media m : b.values()) {
      if (a.containsKey(m.type()) || (response && (a.isEmpty() || m.type().equals(bPrimary)))) {
        continue;
      }
      add(kind + ".media-type.added", part, id, String.join(", ", a.keySet()), String.join(", ", b.keySet()),
          aAt, bAt + "/content", dir == Direction.REQUEST ? "consumers may send " + m.type() + " too"
              : "consumers may ask for " + m.type());
    }
  }

  private void params(Op a, Op b, String id) {
    Map<String, Param> added = new LinkedHashMap<>();
    b.params().forEach((k, p) -> {
      if (!a.params().containsKey(k)) {
        added.put(k, p);
      }
    });
    for (Param p : a.params().values()) {
      Param q = b.params().get(p.key());
      String part = "request " + p.in() + " " + p.name();
      if (q == null) {
        Param moved = added.values().stream().filter(x -> x.name().equalsIgnoreCase(p.name())).findFirst().orElse(null);
        if (moved != null) {
          added.remove(moved.key());
          add("request.parameter.location-changed", part, id, p.in() + " " + p.name(), moved.in() + " " + moved.name(),
              p.at(), moved.at(), "old consumers send it in the " + p.in());
        } else if (!p.in().equals("query")) { // the contract's query schema reports query parameters
          add("request.parameter.removed", part, id, p.in() + " " + p.name(), "(absent)", p.at(), b.at(),
              "the backend may ignore or refuse it");
        }
        continue;
      }
      boolean query = p.in().equals("query");
      if (!query && !p.required() && q.required()) {
        add("request.parameter.required-added", part, id, "optional", "required", p.at(), q.at(),
            "an old consumer that leaves it out is refused");
      } else if (!query && p.required() && !q.required()) {
        add("request.parameter.required-removed", part, id, "required", "optional", p.at(), q.at(),
            "consumers may leave it out");
      }
      if (!p.serialization().equals(q.serialization())) {
        add("request.parameter.style-changed", part, id, p.serialization(), q.serialization(), p.at(), q.at(),
            "old consumers serialize it the old way");
      }
      if (p.allowEmpty() && !q.allowEmpty()) {
        add("request.parameter.empty-value-refused", part, id, "allowEmptyValue: true", "allowEmptyValue: false",
            p.at(), q.at(), "an old consumer that sends it empty is refused");
      } else if (!p.allowEmpty() && q.allowEmpty()) {
        add("request.parameter.empty-value-allowed", part, id, "allowEmptyValue: false", "allowEmptyValue: true",
            p.at(), q.at(), "consumers may send it empty");
      }
      if (!query && !p.deprecated() && q.deprecated()) {
        add("request.parameter.deprecated", part, id, "deprecated: false", "deprecated: true", p.at(), q.at(),
            "consumers should stop sending it");
      }
      if (p.schema() != null && q.schema() != null) {
        parts.add(new VersionDiffer.Part(id, part, p.schema(), q.schema(), Direction.REQUEST));
      }
    }
    for (Param q : added.values()) {
      if (q.in().equals("query") || q.in().equals("path")) {
        continue; // the query schema, and the path template, report these
      }
      String part = "request " + q.in() + " " + q.name();
      add(q.required() ? "request.parameter.required-added" : "request.parameter.added", part, id, "(absent)",
          q.in() + " " + q.name() + (q.required() ? " (required)" : " (optional)"), a.at(), q.at(),
          q.required() ? "an old consumer does not send it and is refused" : "consumers may send it");
    }
  }

  private void security(Op a, Op b, String id) {
    List<Map<String, Set<String>>> was = a.security();
    List<Map<String, Set<String>>> is = b.security();
    if (!was.equals(is)) {
      boolean tighter = was.stream().anyMatch(old -> is.stream().noneMatch(alt -> satisfiedBy(alt, old)));
      add(tighter ? "request.security.tightened" : "request.security.relaxed", "security", id, describe(was),
          describe(is), a.at(), b.at(), tighter ? "a caller with the old credentials is refused"
              : "every old caller is still accepted");
    }
    for (Map.Entry<String, String> s : a.schemes().entrySet()) {
      String now = b.schemes().get(s.getKey());
      if (now != null && !now.equals(s.getValue())) {
        add("request.security.scheme-changed", "security", id, s.getKey() + ": " + s.getValue(),
            s.getKey() + ": " + now, "/components/securitySchemes/" + SourceLocation.escape(s.getKey()),
            "/components/securitySchemes/" + SourceLocation.escape(s.getKey()), "callers send the old credentials");
      }
    }
  }

  /** Whether credentials that meet {@code had} meet {@code alt}: its schemes and scopes are among them. */
  private static boolean satisfiedBy(Map<String, Set<String>> alt, Map<String, Set<String>> had) {
    for (Map.Entry<String, Set<String>> e : alt.entrySet()) {
      Set<String> scopes = had.get(e.getKey());
      if (scopes == null || !scopes.containsAll(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static String describe(List<Map<String, Set<String>>> alts) {
    List<String> out = new ArrayList<>();
    for (Map<String, Set<String>> alt : alts) {
      if (alt.isEmpty()) {
        out.add("(none)");
        continue;
      }
      List<String> s = new ArrayList<>();
      alt.forEach((k, v) -> s.add(v.isEmpty() ? k : k + " " + v));
      out.add(String.join(" + ", s));
    }
    return out.isEmpty() ? "(none)" : String.join(" or ", out);
  }

  /**
   * The headers of one multipart part, read like request headers: the consumer writes them, so a required
   * one added (or one becoming required) breaks, and their schemas are compared in the request direction.
   */
  private void partHeaders(String id, String part, Map<String, Header> was, Map<String, Header> is, String aAt,
      String bAt) {
    for (Map.Entry<String, Header> h : was.entrySet()) {
      Header oh = h.getValue();
      Header nh = is.get(h.getKey());
      String what = part + " header " + oh.name();
      String oAt = aAt + "/headers/" + SourceLocation.escape(oh.name());
      if (nh == null) {
        add("request.body.part-header.removed", what, id, oh.name() + (oh.required() ? " (required)" : " (optional)"),
            "(absent)", oAt, bAt, "the backend may ignore or refuse the header old consumers send");
        continue;
      }
      String nAt = bAt + "/headers/" + SourceLocation.escape(nh.name());
      if (!oh.required() && nh.required()) {
        add("request.body.part-header.required-added", what, id, "optional", "required", oAt, nAt,
            "an old consumer that leaves it out of the part is refused");
      } else if (oh.required() && !nh.required()) {
        add("request.body.part-header.required-removed", what, id, "required", "optional", oAt, nAt,
            "consumers may leave it out");
      }
      if (oh.schema() != null && nh.schema() != null) {
        parts.add(new VersionDiffer.Part(id, what, oh.schema(), nh.schema(), Direction.REQUEST));
      }
    }
    for (Map.Entry<String, Header> h : is.entrySet()) {
      Header nh = h.getValue();
      if (!was.containsKey(h.getKey())) {
        add(nh.required() ? "request.body.part-header.required-added" : "request.body.part-header.added",
            part + " header " + nh.name(), id, "(absent)", nh.name() + (nh.required() ? " (required)" : " (optional)"),
            aAt, bAt + "/headers/" + SourceLocation.escape(nh.name()), nh.required()
                ? "an old consumer does not send it in the part and is refused" : "consumers may send it");
      }
    }
  }

  private void headers(String id, String part, Resp or, Resp nr) {
    for (Map.Entry<String, Header> h : or.headers().entrySet()) {
      Header nh = nr.headers().get(h.getKey());
      Header oh = h.getValue();
      if (nh == null) {
        // A required header's removal is the contract's response.header.expectation-removed.
        if (!(or.exact() && oh.required())) {
          add("response.header.removed", part + " header " + oh.name(), id, oh.name(), "(absent)", or.at() + "/headers",
              nr.at(), "a consumer that reads it may not get it");
        }
        continue;
      }
      if (!or.exact() && oh.required() != nh.required()) {
        // For exact statuses the contract's header expectations judge this; default and ranges are ours.
        String at = "/headers/" + SourceLocation.escape(oh.name());
        add(oh.required() ? "response.header.expectation-removed" : "response.header.expectation-added",
            part + " header " + oh.name(), id, oh.required() ? "required" : "optional",
            nh.required() ? "required" : "optional", or.at() + at, nr.at() + at, oh.required()
                ? "a consumer that relies on it may not get it" : "consumers may rely on it");
      }
      if (oh.schema() != null && nh.schema() != null) {
        parts.add(new VersionDiffer.Part(id, part + " header " + oh.name(), oh.schema(), nh.schema(),
            Direction.RESPONSE));
      }
    }
    for (Map.Entry<String, Header> h : nr.headers().entrySet()) {
      if (!or.headers().containsKey(h.getKey()) && !(nr.exact() && h.getValue().required())) {
        add("response.header.added", part + " header " + h.getValue().name(), id, "(absent)", h.getValue().name(),
            or.at(), nr.at() + "/headers", "consumers may read it");
      }
    }
  }

  private void add(String rule, String part, String id, String was, String is, String oldPointer, String newPointer,
      String meaning) {
    changes.add(VersionDiffer.change(policy, rule, part, new SourceLocation(o.file(), oldPointer),
        new SourceLocation(n.file(), newPointer), id + " " + part, was, is, meaning));
  }
}
