package dev.contractgate.openapi;

import dev.contractgate.openapi.Surface.Header;
import dev.contractgate.openapi.Surface.Media;
import dev.contractgate.openapi.Surface.Op;
import dev.contractgate.openapi.Surface.Param;
import dev.contractgate.openapi.Surface.Resp;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Reads a description's {@link Surface}: everything the diff compares beyond the contract. */
final class Surfaces {

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  /** OpenAPI: these header parameters are ignored; the media type and auth say the same. */
  private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

  private final Spec spec;
  private final SchemaFiles files;
  private final List<String> notes = new ArrayList<>();
  private int links;

  private Surfaces(Spec spec, SchemaFiles files) {
    this.spec = spec;
    this.files = files;
  }

  static Surface.Data read(Spec spec, SchemaFiles files, List<Operation> ops, Map<Operation, String> ids) {
    Surfaces s = new Surfaces(spec, files);
    Map<String, Op> byId = new LinkedHashMap<>();
    int callbacks = 0;
    for (Operation o : ops) {
      Op op = s.op(o, ids.get(o));
      byId.put(op.id(), op);
      callbacks += op.callbacks().size();
    }
    JsonNode root = spec.root();
    List<String> servers = new ArrayList<>();
    Spec.list(root.path("servers")).forEach(x -> servers.add(url(x)));
    Map<String, JsonNode> webhooks = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> w : root.path("webhooks").properties()) {
      JsonNode item = spec.resolve(w.getValue(), "/webhooks/" + SourceLocation.escape(w.getKey()));
      for (String m : METHODS) {
        if (item.path(m).isObject()) {
          webhooks.put(w.getKey() + " " + m.toUpperCase(Locale.ROOT), item.get(m));
        }
      }
    }
    if (callbacks + webhooks.size() > 0) {
      s.notes.add(callbacks + " callback(s) and " + webhooks.size() + " webhook operation(s) are compared as a"
          + " whole: any change is one finding, not compared schema by schema");
    }
    if (s.links > 0) {
      s.notes.add(s.links + " response link(s) are not compared: a changed or removed link is not reported");
    }
    return new Surface.Data(spec.file(), servers, BasePath.serverPath(spec), byId, webhooks, files.sideSchemas(),
        SchemeFlows.read(spec), s.notes);
  }

  private Op op(Operation o, String id) {
    String method = o.method().toUpperCase(Locale.ROOT);
    JsonNode node = o.node();
    String opId = node.path("operationId").asString("");
    String label = method + " " + o.path() + " (" + (opId.isEmpty() ? id : opId) + ")";
    String route = method + " " + Spec.wirePath(o.path());
    // Request body
    JsonNode raw = node.get("requestBody");
    boolean body = raw != null && raw.isObject();
    boolean bodyRequired = false;
    Map<String, Media> bodyMedia = Map.of();
    String bodyPrimary = null;
    if (body) {
      String at = o.pointer() + "/requestBody";
      JsonNode rb = spec.resolve(raw, at);
      if (raw.path("$ref").isString()) {
        at = raw.get("$ref").asString().substring(1);
      }
      bodyRequired = rb.path("required").asBoolean(false);
      Map.Entry<String, JsonNode> primary = JsonMedia.of(rb.path("content"));
      bodyPrimary = primary != null && primary.getValue().has("schema") ? primary.getKey() : null;
      bodyMedia = media(rb.path("content"), at, id + ".request", bodyPrimary, true);
    }
    // Parameters: the path item's, overridden by the operation's with the same name and location.
    Map<String, Param> params = new LinkedHashMap<>();
    List<JsonNode> shared = o.pathParams();
    for (int i = 0; i < shared.size(); i++) {
      param(params, shared.get(i), o.pathParamsPointer() + "/" + i, o.path(), id);
    }
    List<JsonNode> own = Spec.list(node.path("parameters"));
    for (int i = 0; i < own.size(); i++) {
      param(params, own.get(i), o.pointer() + "/parameters/" + i, o.path(), id);
    }
    // Security: the operation's own, else the top-level one; none means anyone may call.
    JsonNode sec = node.has("security") ? node.get("security") : spec.root().path("security");
    List<Map<String, Set<String>>> security = new ArrayList<>();
    Map<String, String> schemes = new LinkedHashMap<>();
    for (JsonNode req : Spec.list(sec)) {
      Map<String, Set<String>> alt = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : req.properties()) {
        Set<String> scopes = new TreeSet<>();
        Spec.list(e.getValue()).forEach(x -> scopes.add(x.asString("")));
        alt.put(e.getKey(), scopes);
        schemes.put(e.getKey(), scheme(e.getKey()));
      }
      security.add(alt);
    }
    if (!sec.isArray()) {
      security.add(Map.of());
    }
    // Responses: every key, ranges and default too.
    Map<String, Resp> responses = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> r : node.path("responses").properties()) {
      String key = r.getKey();
      String at = o.pointer() + "/responses/" + SourceLocation.escape(key);
      JsonNode resp = spec.resolve(r.getValue(), at);
      links += resp.path("links").size();
      boolean exact = Spec.isExactStatus(key);
      Map.Entry<String, JsonNode> primary = JsonMedia.of(resp.path("content"));
      String p = exact ? (primary != null ? primary.getKey() : firstKey(resp.path("content"))) : null;
      String name = id + ".response." + key;
      responses.put(key, new Resp(key, exact, media(resp.path("content"), at, name, p, false), p,
          headers(resp, at, name, false), at));
    }
    Map<String, JsonNode> callbacks = new LinkedHashMap<>();
    // A callback given as a $ref is compared by what it points to: a changed component is a changed callback.
    node.path("callbacks").properties().forEach(e -> callbacks.put(e.getKey(),
        spec.resolve(e.getValue(), o.pointer() + "/callbacks/" + SourceLocation.escape(e.getKey()))));
    List<String> servers = new ArrayList<>();
    // The path item's servers, through its $ref when it is one.
    JsonNode own2 = node.has("servers") ? node.get("servers")
        : spec.resolve(spec.root().path("paths").path(o.path()), "/paths/" + SourceLocation.escape(o.path()))
            .path("servers");
    Spec.list(own2).forEach(x -> servers.add(url(x)));
    return new Op(id, route, label, o.pointer(), body, bodyRequired, bodyMedia, bodyPrimary, params, security,
        schemes, responses, callbacks, servers);
  }

  /**
   * A server URL without user-info (credentials in a URL never reach a report), with its variables' defaults and
   * allowed values: a region a client is configured with that leaves the {@code enum} is a changed server.
   */
  static String url(JsonNode server) {
    String url = withoutUserInfo(server.path("url").asString(""));
    List<String> vars = new ArrayList<>();
    for (Map.Entry<String, JsonNode> v : server.path("variables").properties()) {
      if (!url.contains("{" + v.getKey() + "}")) {
        continue; // unused, or only in the user-info just left out: its value may be the secret
      }
      List<String> allowed = new ArrayList<>();
      Spec.list(v.getValue().path("enum")).forEach(x -> allowed.add(x.asString("")));
      vars.add(v.getKey() + " = " + v.getValue().path("default").asString("") + (allowed.isEmpty() ? ""
          : " of " + String.join(", ", allowed)));
    }
    return vars.isEmpty() ? url : url + " (" + String.join("; ", vars) + ")";
  }

  /**
   * {@code url} without its user-info. Up to the last '@' before the query: a password with an unescaped '@'
   * or '/' must not leave its tail behind (a path with an '@' then loses its host, which only hides more).
   */
  static String withoutUserInfo(String url) {
    return url.replaceFirst("^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)[^?#]*@", "$1");
  }

  private static String firstKey(JsonNode content) {
    return content.isObject() && !content.isEmpty() ? content.propertyNames().iterator().next() : null;
  }

  /** Media types with side schemas for every one but the contract's own ({@code primary}). */
  private Map<String, Media> media(JsonNode content, String at, String name, String primary, boolean request) {
    Map<String, Media> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : content.properties()) {
      String type = e.getKey().toLowerCase(Locale.ROOT);
      String mAt = at + "/content/" + SourceLocation.escape(e.getKey());
      JsonNode m = e.getValue();
      SourceLocation schema = null;
      if (!e.getKey().equals(primary) && m.has("schema")) {
        JsonNode s = request ? files.request(m.get("schema"), mAt + "/schema") : files.response(m.get("schema"),
            mAt + "/schema");
        schema = files.side(name + "." + sideName(type), s);
      }
      Map<String, String> encoding = new LinkedHashMap<>();
      Map<String, Map<String, Header>> partHeaders = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> enc : m.path("encoding").properties()) {
        JsonNode x = enc.getValue();
        String style = x.path("style").asString("form");
        encoding.put(enc.getKey(), "contentType " + x.path("contentType").asString("(default)") + ", style " + style
            + ", explode " + x.path("explode").asBoolean(style.equals("form")) + ", allowReserved "
            + x.path("allowReserved").asBoolean(false));
        if (x.path("headers").isObject() && !x.path("headers").isEmpty()) {
          // The consumer writes a part's headers: they are read like request headers.
          partHeaders.put(enc.getKey(), headers(x, mAt + "/encoding/" + SourceLocation.escape(enc.getKey()),
              name + "." + sideName(type) + ".part." + sideName(enc.getKey().toLowerCase(Locale.ROOT)), request));
        }
      }
      out.put(type, new Media(type, schema, encoding, partHeaders));
    }
    return out;
  }

  private static final java.util.regex.Pattern NOT_IN_NAME = java.util.regex.Pattern.compile("[^a-z0-9+.-]");

  private static String sideName(String mediaType) {
    return NOT_IN_NAME.matcher(mediaType).replaceAll("-");
  }

  private void param(Map<String, Param> params, JsonNode raw, String at, String path, String id) {
    JsonNode p = spec.resolve(raw, at);
    if (!p.isObject()) {
      return;
    }
    if (raw.path("$ref").isString()) {
      at = raw.get("$ref").asString().substring(1);
    }
    String in = p.path("in").asString("");
    String name = p.path("name").asString("");
    if (in.equals("header") && IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      return;
    }
    String key = in + ":" + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name);
    if (in.equals("path")) {
      List<String> names = new ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]*)}").matcher(path);
      while (m.find()) {
        names.add(m.group(1));
      }
      key = "path:#" + (names.contains(name) ? names.indexOf(name) : name);
    }
    JsonNode schema = p.get("schema");
    String schemaAt = at + "/schema";
    if (schema == null && p.path("content").isObject()) {
      Map.Entry<String, JsonNode> media = JsonMedia.of(p.get("content"));
      if (media == null && !p.get("content").isEmpty()) {
        media = p.get("content").properties().iterator().next();
      }
      if (media != null && media.getValue().has("schema")) {
        schema = media.getValue().get("schema");
        schemaAt = at + "/content/" + SourceLocation.escape(media.getKey()) + "/schema";
      }
    }
    SourceLocation side = null;
    // Query parameters are the contract's query schema already; the others have no place in it.
    if (schema != null && !in.equals("query")) {
      side = files.side(id + "." + in + "." + sideName(name.toLowerCase(Locale.ROOT)), files.request(schema, schemaAt));
    }
    String defStyle = switch (in) {
      case "query", "cookie" -> "form";
      default -> "simple";
    };
    String style = p.path("style").asString(defStyle);
    String serialization = p.has("content") ? "content " + firstKey(p.get("content"))
        : "style " + style + ", explode " + p.path("explode").asBoolean(style.equals("form"))
            + (in.equals("query") ? ", allowReserved " + p.path("allowReserved").asBoolean(false) : "");
    params.put(key, new Param(key, in, name, in.equals("path") || p.path("required").asBoolean(false), side,
        serialization, p.path("deprecated").asBoolean(false), p.path("allowEmptyValue").asBoolean(false), at));
  }

  /**
   * The headers of a response, or of a multipart part ({@code request}); a header described by {@code content}
   * instead of {@code schema} is compared by that media type's schema.
   */
  private Map<String, Header> headers(JsonNode owner, String at, String name, boolean request) {
    Map<String, Header> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> h : owner.path("headers").properties()) {
      if (h.getKey().equalsIgnoreCase("content-type")) {
        continue; // OpenAPI ignores it: the media type (or the part's contentType) says it
      }
      String hAt = at + "/headers/" + SourceLocation.escape(h.getKey());
      JsonNode header = spec.resolve(h.getValue(), hAt);
      JsonNode raw = header.get("schema");
      String schemaAt = hAt + "/schema";
      if (raw == null && header.path("content").isObject() && !header.get("content").isEmpty()) {
        Map.Entry<String, JsonNode> media = header.get("content").properties().iterator().next();
        raw = media.getValue().get("schema");
        schemaAt = hAt + "/content/" + SourceLocation.escape(media.getKey()) + "/schema";
      }
      SourceLocation schema = null;
      if (raw != null && raw.isObject()) {
        schema = files.side(name + ".header." + sideName(h.getKey().toLowerCase(Locale.ROOT)),
            request ? files.request(raw, schemaAt) : files.response(raw, schemaAt));
      }
      out.put(h.getKey().toLowerCase(Locale.ROOT), new Header(h.getKey(), header.path("required").asBoolean(false),
          schema));
    }
    return out;
  }

  /**
   * A scheme's definition in one line; a changed line is a changed scheme. OAuth2 flows and the OpenID Connect
   * URL are compared once per scheme ({@link SchemeFlows}), not on every operation that uses it.
   */
  private String scheme(String name) {
    JsonNode s = spec.root().path("components").path("securitySchemes").path(name);
    if (s.isMissingNode()) {
      return "(undefined)";
    }
    s = spec.resolve(s, "/components/securitySchemes/" + SourceLocation.escape(name));
    String type = s.path("type").asString("");
    return switch (type) {
      case "apiKey" -> "apiKey in " + s.path("in").asString("") + " " + s.path("name").asString("");
      case "http" -> "http " + s.path("scheme").asString("").toLowerCase(Locale.ROOT);
      default -> type;
    };
  }
}
