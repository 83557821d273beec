package dev.contractgate.stub;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.HeaderExpectation;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.validate.ResponseValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * The stubs of a contract version: for each endpoint, its success answer (the schema's first {@code examples}
 * value, or a generated instance that validates against the schema) with the headers and cookies the contract
 * expects, and, for a namespace with a token, a refusal for requests without it.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StubPlan {

  private static final Pattern PARAM = Pattern.compile("\\{[^}/]+}");

  private StubPlan() {}

  /** Stubs for one version of one namespace, in endpoint order. */
  public static List<Stub> of(ContractRegistry registry, ContractVersion version) {
    Namespace ns = registry.requireNamespace(version.namespace());
    List<Stub> out = new ArrayList<>();
    for (Endpoint e : version.endpoints()) {
      int status = e.probe().map(Endpoint.Probe::expectStatus)
          .orElse(e.responses().keySet().stream().filter(s -> s >= 200 && s < 300).findFirst()
              .orElse(e.responses().keySet().iterator().next()));
      Endpoint.Response r = e.responses().get(status);
      Map<String, String> headers = new LinkedHashMap<>();
      r.contentType().ifPresent(c -> headers.put("Content-Type", c.contains("json") ? c + "; charset=utf-8" : c));
      for (HeaderExpectation h : r.headers()) {
        switch (h.kind()) {
          case CONTAINS -> headers.put(h.name(), String.join(", ", h.values()));
          case EQUALS -> headers.put(h.name(), h.values().get(0));
          default -> { }
        }
      }
      List<String> cookies = new ArrayList<>(r.cookies());
      if (!cookies.isEmpty()) {
        // One Set-Cookie per stub is what every stub server supports; the contract rarely asks for more.
        headers.put("Set-Cookie", cookies.get(0) + "=stub-session; Path=/; HttpOnly; SameSite=Lax");
      }
      String body = r.schema().map(s -> body(registry, s)).orElse("");
      out.add(new Stub(ns.id(), version.version().toString(), e.id(), e.method(), pathRegex(e.fullPath(ns.basePath())),
          ns.auth().map(Namespace.Auth::header), status, headers, body));
    }
    return List.copyOf(out);
  }

  /** A refusal for requests to a namespace that come without its token. */
  public static Optional<Stub> refusal(ContractRegistry registry, ContractVersion version) {
    Namespace ns = registry.requireNamespace(version.namespace());
    if (ns.auth().isEmpty()) {
      return Optional.empty();
    }
    int status = ns.auth().get().statusWithoutToken().get(0);
    String body = "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"" + ns.auth().get().header() + " required\"}}";
    for (Endpoint e : version.endpoints()) {
      Endpoint.Response r = e.responses().get(status);
      if (r != null && r.schema().isPresent()) {
        body = body(registry, r.schema().get());
        break;
      }
    }
    return Optional.of(new Stub(ns.id(), version.version().toString(), "*", "ANY",
        Pattern.quote(ns.basePath()) + ".*", Optional.empty(), status,
        Map.of("Content-Type", "application/json; charset=utf-8"), body));
  }

  /** The path template as a regex: literal text quoted, each {@code {param}} one segment. */
  public static String pathRegex(String template) {
    StringBuilder b = new StringBuilder();
    Matcher m = PARAM.matcher(template);
    int last = 0;
    while (m.find()) {
      b.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
      last = m.end();
    }
    b.append(Pattern.quote(template.substring(last)));
    return b.toString();
  }

  private static String body(ContractRegistry registry, SourceLocation schema) {
    JsonNode node = registry.schemaDocument(schema.file()).orElseThrow().at(schema.pointer());
    JsonNode examples = node.path("examples");
    if (examples.isArray() && !examples.isEmpty()) {
      return examples.get(0).toString();
    }
    try {
      String body = InstanceGenerator.generate(registry.documents(), schema).toString();
      var violations = ResponseValidator.of(registry).validateBody(schema, body);
      if (!violations.isEmpty()) {
        throw new IllegalStateException("the generated value breaks " + violations.get(0).expected() + " at "
            + violations.get(0).where());
      }
      return body;
    } catch (IllegalStateException e) {
      throw ContractException.builder("Cannot build a stub", schema.file())
          .at(schema.pointer())
          .expected("a schema with \"examples\" or one a valid instance can be generated for")
          .butWas(e.getMessage())
          .hint("add an \"examples\" value to the response schema")
          .build();
    }
  }
}
