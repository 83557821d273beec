package dev.contractgate.openapi;

import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The namespace's auth, from the security schemes: a contract knows only a token sent in a header. */
final class SecuritySchemes {

  private SecuritySchemes() {}

  /** The header that carries an {@code apiKey} token, preferring a scheme the top-level security names. */
  static Optional<Namespace.Auth> auth(Spec spec, String ns, List<String> notes) {
    JsonNode schemes = spec.root().path("components").path("securitySchemes");
    if (!schemes.isObject()) {
      return Optional.empty();
    }
    List<String> order = new ArrayList<>();
    for (JsonNode req : Spec.list(spec.root().path("security"))) {
      req.propertyNames().forEach(order::add);
    }
    schemes.propertyNames().forEach(order::add);
    for (String name : order) {
      JsonNode s = schemes.get(name);
      if (s == null) {
        continue;
      }
      s = spec.resolve(s, "/components/securitySchemes/" + SourceLocation.escape(name));
      if (s.path("type").asString("").equals("apiKey") && s.path("in").asString("").equals("header")
          && s.path("name").isString()) {
        String env = ns.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_TOKEN";
        notes.add("auth: header " + s.get("name").asString() + " from security scheme \"" + name + "\"; the token is"
            + " read from the environment variable " + env + " (derived from the namespace; rename it in"
            + " namespace.yaml if you like)");
        return Optional.of(new Namespace.Auth(s.get("name").asString(), env, List.of(401, 403)));
      }
    }
    return Optional.empty();
  }
}
