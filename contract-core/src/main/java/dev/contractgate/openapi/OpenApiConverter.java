package dev.contractgate.openapi;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.LocatedDocument;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.SemVer;
import dev.contractgate.registry.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Converts one OpenAPI 3.0 or 3.1 description into a contract version (see {@code docs/openapi.md}): the
 * namespace, one endpoint per operation, and the schema files, all in memory.
 *
 * <p>The steps share one list of notes and one map of schema files and run in a fixed order (components,
 * operations and their ids, endpoint by endpoint, auth), so that notes and files come out in document order.
 */
final class OpenApiConverter {

  private static final Pattern NAMESPACE_ID = Pattern.compile("[a-z][a-z0-9-]*");

  private final Spec spec;
  private final String ns;
  private final String version;
  private final String versionDir;
  private final List<String> notes = new ArrayList<>();
  private final SchemaFiles files;

  private OpenApiConverter(Spec spec, boolean v30, String ns, String version) {
    this.spec = spec;
    this.ns = ns;
    this.version = version;
    this.versionDir = ns + "/" + version;
    this.files = new SchemaFiles(spec, v30, versionDir);
  }

  /**
   * Converts a description.
   *
   * @param basePath the namespace's base path, or empty to derive it from {@code servers}
   */
  static ImportedVersion convert(LocatedDocument doc, String ns, String version, Optional<String> basePath) {
    if (!NAMESPACE_ID.matcher(ns).matches()) {
      throw new IllegalArgumentException("namespace id must match " + NAMESPACE_ID.pattern() + ": " + ns);
    }
    if (!SemVer.isValid(version)) {
      throw new IllegalArgumentException("version must be a semantic version such as 1.0.0: " + version);
    }
    JsonNode root = doc.root();
    if (!root.isObject()) {
      throw ContractException.builder(Spec.HEADLINE, doc.file())
          .expected("an OpenAPI 3.0 or 3.1 description (an object)")
          .butWas("a " + root.getNodeType().name().toLowerCase(Locale.ROOT))
          .hint("pass the OpenAPI document itself")
          .build();
    }
    if (root.has("swagger")) {
      throw ContractException.builder(Spec.HEADLINE, doc.file())
          .at(doc.position("/swagger"))
          .expected("an OpenAPI 3.0 or 3.1 description")
          .butWas("Swagger " + root.get("swagger").asString(""))
          .hint("convert it to OpenAPI 3 first (for example with swagger2openapi)")
          .build();
    }
    String oas = root.path("openapi").asString("");
    boolean v30 = oas.startsWith("3.0");
    if (!v30 && !oas.startsWith("3.1")) {
      throw ContractException.builder(Spec.HEADLINE, doc.file())
          .at(root.has("openapi") ? doc.position("/openapi") : "")
          .expected("\"openapi\": \"3.0.x\" or \"3.1.x\"")
          .butWas(root.has("openapi") ? "\"" + oas + "\"" : "no \"openapi\" key")
          .hint("Contract Gate imports OpenAPI 3.0 and 3.1 descriptions")
          .build();
    }
    OpenApiConverter c = new OpenApiConverter(new Spec(doc), v30, ns, version);
    return c.run(basePath, oas);
  }

  private ImportedVersion run(Optional<String> givenBase, String oas) {
    files.components();
    List<Operation> ops = Operations.read(spec, notes);
    Map<Operation, String> ids = Operations.assignIds(ops, notes);
    String serverPath = BasePath.serverPath(spec);
    String base = givenBase.map(BasePath::normalise).orElseGet(() -> BasePath.derive(serverPath, ops));
    String endpointsFile = versionDir + "/endpoints.yaml";
    List<Endpoint> endpoints = endpoints(ops, ids, givenBase.isPresent(), serverPath, base, endpointsFile);
    JsonNode info = spec.root().path("info");
    String description = "Imported from " + Path.of(spec.file()).getFileName() + " (OpenAPI " + oas
        + (info.path("version").isString() ? ", info.version " + info.get("version").asString() : "") + ")";
    ContractVersion cv = new ContractVersion(ns, SemVer.parse(version), description, endpoints, endpointsFile);
    List<String> owners = info.path("contact").path("email").isString()
        ? List.of(info.path("contact").path("email").asString()) : List.of();
    Namespace namespace = new Namespace(ns, info.path("title").asString(""), base,
        SecuritySchemes.auth(spec, ns, notes), Optional.empty(), owners, ns + "/namespace.yaml");
    // Read now, not on first use: a lazy reader would keep the whole parsed description alive through the
    // diff (hundreds of MB for a 12 MB description). Reading it costs about 2 % of the import.
    Surface.Data data = Surfaces.read(spec, files, ops, ids);
    Surface surface = new Surface(() -> data);
    return new ImportedVersion(namespace, cv, files.all(), notes, surface);
  }

  /**
   * One endpoint per operation below the base path. A derived base path is above every operation, but one can
   * sit at the base path itself, and an endpoint path is never empty: that operation is skipped with a note.
   * Against a given base path, such an operation is an error, as is one outside it.
   */
  private List<Endpoint> endpoints(List<Operation> ops, Map<Operation, String> ids, boolean baseGiven,
      String serverPath, String base, String endpointsFile) {
    EndpointBuilder builder = new EndpointBuilder(spec, files, notes);
    List<Endpoint> endpoints = new ArrayList<>();
    Map<String, String> routes = new HashMap<>();
    for (Operation op : ops) {
      String id = ids.get(op);
      String full = BasePath.join(serverPath, op.path());
      if (!full.startsWith(base) || full.length() == base.length()) {
        if (baseGiven) {
          throw spec.error(op.pointer(), "an operation path below the base path " + base,
              op.method().toUpperCase(Locale.ROOT) + " " + full,
              "pass a --base-path that every operation's path starts with (servers[0] path + path)");
        }
        notes.add(op.method().toUpperCase(Locale.ROOT) + " " + full + ": skipped, it is the base path itself"
            + " (an endpoint path cannot be empty); pass a shorter --base-path to keep it");
        continue;
      }
      String rel = full.substring(base.length());
      Optional<Endpoint> e = builder.endpoint(op, id, rel,
          new SourceLocation(endpointsFile, "/endpoints/" + endpoints.size()));
      if (e.isEmpty()) {
        continue;
      }
      String route = e.get().method() + " " + Spec.wirePath(rel);
      String prev = routes.put(route, op.pointer());
      if (prev != null) {
        throw spec.error(op.pointer(), "one operation per method and path (templates compared without names)",
            e.get().method() + " " + full + " is also " + prev,
            "OpenAPI treats paths that differ only in parameter names as the same path; merge them");
      }
      endpoints.add(e.get());
    }
    if (endpoints.isEmpty()) {
      throw ContractException.builder(Spec.HEADLINE, spec.file())
          .at("/paths")
          .expected("at least one operation with a response"
              + " status from 100 to 599")
          .butWas("none" + (notes.isEmpty() ? "" : " (" + notes.get(0) + ")"))
          .hint("describe the operations under paths: with their responses")
          .build();
    }
    return endpoints;
  }
}
