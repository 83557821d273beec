package dev.contractgate.openapi;

import dev.contractgate.openapi.Surface.Flow;
import dev.contractgate.openapi.Surface.Scheme;
import dev.contractgate.registry.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * How clients obtain credentials, from {@code components.securitySchemes}: the OAuth2 flows (their URLs and
 * scopes) and the OpenID Connect discovery URL. Compared once per scheme, so a moved token URL is one finding
 * however many operations use the scheme. URLs lose their user-info when read: nothing after this class sees it.
 */
final class SchemeFlows {

  private static final List<String> URLS = List.of("authorizationUrl", "tokenUrl", "refreshUrl");

  /** Receives one change: rule, what, old, new, old pointer, new pointer, meaning. */
  interface Sink {
    void add(String rule, String part, String was, String is, String oldAt, String newAt, String meaning);
  }

  private SchemeFlows() {}

  static Map<String, Scheme> read(Spec spec) {
    Map<String, Scheme> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : spec.root().path("components").path("securitySchemes").properties()) {
      String at = "/components/securitySchemes/" + SourceLocation.escape(e.getKey());
      JsonNode s = spec.resolve(e.getValue(), at);
      if (e.getValue().path("$ref").isString()) {
        at = e.getValue().get("$ref").asString().substring(1);
      }
      Map<String, Flow> flows = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> f : s.path("flows").properties()) {
        JsonNode flow = f.getValue();
        Set<String> scopes = new TreeSet<>();
        flow.path("scopes").propertyNames().forEach(scopes::add);
        flows.put(f.getKey(), new Flow(url(flow, "authorizationUrl"), url(flow, "tokenUrl"), url(flow, "refreshUrl"),
            scopes));
      }
      out.put(e.getKey(), new Scheme(e.getKey(), s.path("type").asString(""), flows, url(s, "openIdConnectUrl"), at));
    }
    return out;
  }

  private static String url(JsonNode owner, String key) {
    return Surfaces.withoutUserInfo(owner.path(key).asString(""));
  }

  /** Schemes in both descriptions; a scheme added or removed shows where operations name it. */
  static void compare(Map<String, Scheme> was, Map<String, Scheme> is, Sink sink) {
    for (Scheme a : was.values()) {
      Scheme b = is.get(a.name());
      if (b == null) {
        continue;
      }
      if (!a.openIdConnectUrl().equals(b.openIdConnectUrl())) {
        sink.add("request.security.url-changed", "security scheme " + a.name() + " openIdConnectUrl",
            shown(a.openIdConnectUrl()), shown(b.openIdConnectUrl()), a.at() + "/openIdConnectUrl",
            b.at() + "/openIdConnectUrl", "clients configured with the old discovery URL must move to the new one");
      }
      for (Map.Entry<String, Flow> f : a.flows().entrySet()) {
        String name = f.getKey();
        String part = "security scheme " + a.name() + " flow " + name;
        String oldAt = a.at() + "/flows/" + SourceLocation.escape(name);
        String newAt = b.at() + "/flows/" + SourceLocation.escape(name);
        Flow nf = b.flows().get(name);
        if (nf == null) {
          sink.add("request.security.flow-removed", part, name, "(absent)", oldAt, b.at() + "/flows",
              "a client that obtains its token with the " + name + " flow can no longer");
          continue;
        }
        flow(sink, part, f.getValue(), nf, oldAt, newAt);
      }
      for (String name : b.flows().keySet()) {
        if (!a.flows().containsKey(name)) {
          sink.add("request.security.flow-added", "security scheme " + a.name() + " flow " + name, "(absent)", name,
              a.at() + "/flows", b.at() + "/flows/" + SourceLocation.escape(name),
              "clients may obtain tokens with the " + name + " flow too");
        }
      }
    }
  }

  private static void flow(Sink sink, String part, Flow a, Flow b, String oldAt, String newAt) {
    List<String> was = List.of(a.authorizationUrl(), a.tokenUrl(), a.refreshUrl());
    List<String> is = List.of(b.authorizationUrl(), b.tokenUrl(), b.refreshUrl());
    for (int i = 0; i < URLS.size(); i++) {
      if (!was.get(i).equals(is.get(i))) {
        String key = URLS.get(i);
        sink.add("request.security.url-changed", part + " " + key, shown(was.get(i)), shown(is.get(i)),
            oldAt + "/" + key, newAt + "/" + key, "clients configured with the old " + key + " must move to the new"
                + " one; the API still accepts the same credentials");
      }
    }
    Set<String> removed = new TreeSet<>(a.scopes());
    removed.removeAll(b.scopes());
    Set<String> added = new TreeSet<>(b.scopes());
    added.removeAll(a.scopes());
    // One finding per flow and direction, with the list: N scopes dropped at once are one change.
    if (!removed.isEmpty()) {
      sink.add("request.security.scope-removed", part + " scopes", String.join(", ", a.scopes()),
          String.join(", ", b.scopes()), oldAt + "/scopes", newAt + "/scopes", "a client that requests "
              + String.join(", ", removed) + " is refused a token");
    }
    if (!added.isEmpty()) {
      sink.add("request.security.scope-added", part + " scopes", String.join(", ", a.scopes()),
          String.join(", ", b.scopes()), oldAt + "/scopes", newAt + "/scopes", "clients may request "
              + String.join(", ", added));
    }
  }

  private static String shown(String url) {
    return url.isEmpty() ? "(absent)" : url;
  }
}
