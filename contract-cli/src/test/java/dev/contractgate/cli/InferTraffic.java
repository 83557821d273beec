package dev.contractgate.cli;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubPlan;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The traffic a stub of an example contract version answers, as recordings: per endpoint its stub answer
 * (the schema's example, the headers the contract expects) for {@link #REPEAT} requests, the path values
 * cycling through those the examples name, the query through the languages; a refusal without the token for
 * every endpoint; and the 404 example for endpoints that declare one.
 */
final class InferTraffic {

  static final int REPEAT = 6;
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** One recorded exchange before it is written in a format. */
  record Exchange(String method, String target, int status, Map<String, String> headers, String body, boolean token) {}

  private InferTraffic() {}

  static List<Exchange> of(ContractRegistry registry, String namespace) {
    ContractVersion v = registry.latest(namespace);
    Namespace ns = registry.requireNamespace(namespace);
    List<Exchange> out = new ArrayList<>();
    List<Stub> stubs = StubPlan.of(registry, v);
    Stub refusal = StubPlan.refusal(registry, v).orElseThrow();
    for (int i = 0; i < v.endpoints().size(); i++) {
      Endpoint e = v.endpoints().get(i);
      Stub stub = stubs.get(i);
      Endpoint.Probe probe = e.probe().orElseThrow();
      List<String> values = pathValues(registry, namespace, e);
      for (int n = 0; n < REPEAT; n++) {
        Map<String, String> params = new LinkedHashMap<>(probe.pathParams());
        if (!values.isEmpty()) {
          String value = values.get(n % values.size());
          params.replaceAll((k, x) -> value);
        }
        Map<String, String> query = new LinkedHashMap<>(probe.query());
        if (query.containsKey("lang")) {
          query.put("lang", n % 2 == 0 ? "ru" : "en");
        }
        out.add(new Exchange(e.method(), target(ns, e, params, query), stub.status(), stub.headers(), stub.body(), true));
      }
      Map<String, String> params = new LinkedHashMap<>(probe.pathParams());
      out.add(new Exchange(e.method(), target(ns, e, params, probe.query()), refusal.status(), refusal.headers(),
          refusal.body(), false));
      out.add(new Exchange(e.method(), target(ns, e, params, probe.query()), refusal.status(), refusal.headers(),
          refusal.body(), false));
      // Every other declared status once, with its example: the 404 of a detail endpoint, a 422 ...
      for (Endpoint.Response r : e.responses().values()) {
        if (r.status() == stub.status() || r.status() == refusal.status() || r.schema().isEmpty()) {
          continue;
        }
        Map<String, String> missing = new LinkedHashMap<>(params);
        missing.replaceAll((k, x) -> x.matches("[0-9]+") ? "999999" : "no-such-" + k);
        out.add(new Exchange(e.method(), target(ns, e, missing, probe.query()), r.status(),
            Map.of("Content-Type", "application/json; charset=utf-8"), example(registry, r.schema().get()), true));
      }
    }
    return out;
  }

  /** Path values the examples name: slugs of the list example for blog posts, codes of services. */
  private static List<String> pathValues(ContractRegistry registry, String namespace, Endpoint e) {
    List<String> out = new ArrayList<>();
    if (e.id().equals("blog.detail")) {
      JsonNode list = registry.schemaDocument(namespace + "/1.2.0/schemas/blog-list.schema.json").orElseThrow()
          .path("examples").get(0).path("items");
      list.forEach(item -> out.add(item.path("slug").asString()));
    } else if (e.id().equals("services.detail")) {
      JsonNode list = registry.schemaDocument(namespace + "/1.2.0/schemas/services-list.schema.json").orElseThrow()
          .path("examples").get(0).path("items");
      list.forEach(item -> out.add(item.path("code").asString()));
    } else if (e.id().equals("posts.detail")) {
      out.addAll(List.of("512", "498", "377"));
    }
    return out;
  }

  private static String example(ContractRegistry registry, SourceLocation schema) {
    return registry.schemaDocument(schema.file()).orElseThrow().at(schema.pointer()).path("examples").get(0).toString();
  }

  private static String target(Namespace ns, Endpoint e, Map<String, String> params, Map<String, String> query) {
    String path = e.fullPath(ns.basePath());
    for (Map.Entry<String, String> p : params.entrySet()) {
      path = path.replace("{" + p.getKey() + "}", p.getValue());
    }
    StringBuilder q = new StringBuilder();
    query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return path + q;
  }

  /** As {@code ContractRecorder} writes them: response headers by lower-case name. */
  static Path ndjson(Path file, List<Exchange> exchanges) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Exchange x : exchanges) {
      ObjectNode o = MAPPER.createObjectNode();
      o.put("time", "2026-11-22T10:00:00Z");
      o.put("method", x.method());
      o.put("target", x.target());
      o.put("status", x.status());
      ObjectNode h = o.putObject("headers");
      x.headers().forEach((k, v) -> h.putArray(k.toLowerCase(java.util.Locale.ROOT)).add(v));
      o.put("body", x.body());
      lines.add(o.toString());
    }
    Files.write(file, lines);
    return file;
  }

  /** A HAR 1.2 file as a browser saves it: request headers with the token and cookie, response content. */
  static Path har(Path file, List<Exchange> exchanges, String tokenHeader, String token, String cookie)
      throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode log = root.putObject("log");
    log.put("version", "1.2");
    log.putObject("creator").put("name", "InferTraffic").put("version", "1");
    ArrayNode entries = log.putArray("entries");
    for (Exchange x : exchanges) {
      ObjectNode e = entries.addObject();
      e.put("startedDateTime", "2026-11-22T10:00:00.000Z");
      ObjectNode req = e.putObject("request");
      req.put("method", x.method());
      req.put("url", "https://backend.example" + x.target());
      ArrayNode rh = req.putArray("headers");
      rh.addObject().put("name", "Accept").put("value", "application/json");
      if (x.token()) {
        rh.addObject().put("name", tokenHeader).put("value", token);
        rh.addObject().put("name", "Cookie").put("value", cookie);
      }
      ObjectNode res = e.putObject("response");
      res.put("status", x.status());
      ArrayNode h = res.putArray("headers");
      x.headers().forEach((k, v) -> h.addObject().put("name", k).put("value", v));
      ObjectNode content = res.putObject("content");
      content.put("mimeType", x.headers().getOrDefault("Content-Type", "application/json"));
      content.put("text", x.body());
    }
    Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    return file;
  }
}
