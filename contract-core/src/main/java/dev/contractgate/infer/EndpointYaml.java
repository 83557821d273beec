package dev.contractgate.infer;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.EndpointsYaml;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.SourceLocation;
import tools.jackson.databind.node.ObjectNode;

/** An endpoint of an existing version as an {@code endpoints.yaml} entry, for the version {@code --from} proposes. */
final class EndpointYaml {

  private EndpointYaml() {}

  /**
   * @param versionDir the tree-relative folder of the version, {@code ivanpin/1.2.0/}: schema references are
   *     written relative to it
   * @throws ContractException when a schema lives outside the version's folder
   */
  static ObjectNode of(Endpoint e, String versionDir) {
    ObjectNode o = VersionFiles.NODES.objectNode();
    o.put("id", e.id());
    o.put("method", e.method());
    o.put("path", e.path());
    if (!e.summary().isEmpty()) {
      o.put("summary", e.summary());
    }
    if (e.deprecated()) {
      o.put("deprecated", true);
    }
    e.sunset().ifPresent(d -> o.put("sunset", d.toString()));
    e.featureFlag().ifPresent(f -> {
      if (f.gates().isEmpty() && !f.isEndpoint() && !f.name().startsWith("/")) {
        o.put("featureFlag", f.name());
      } else {
        ObjectNode flag = o.putObject("featureFlag");
        f.pointer().ifPresentOrElse(p -> flag.put("pointer", p), () -> flag.put("endpoint", true));
        if (!f.gates().isEmpty()) {
          f.gates().forEach(flag.putArray("gates")::add);
        }
      }
    });
    EndpointsYaml.requestAndResponses(e, o, s -> relative(s, versionDir));
    e.probe().ifPresent(p -> {
      ObjectNode po = o.putObject("probe");
      if (!p.pathParams().isEmpty()) {
        ObjectNode path = po.putObject("path");
        p.pathParams().forEach(path::put);
      }
      if (!p.query().isEmpty()) {
        ObjectNode q = po.putObject("query");
        p.query().forEach(q::put);
      }
      p.body().ifPresent(b -> po.set("body", b.deepCopy()));
      po.put("expectStatus", p.expectStatus());
      p.state().ifPresent(st -> po.put("state", st));
    });
    return o;
  }

  private static String relative(SourceLocation s, String versionDir) {
    String text = s.toString();
    if (!text.startsWith(versionDir)) {
      throw ContractException.builder("Cannot propose a version", s.file())
          .expected("schemas inside the version's own folder " + versionDir)
          .butWas("a schema of another folder")
          .hint("--from copies one version folder; make the version self-contained first")
          .build();
    }
    return text.substring(versionDir.length());
  }

  /** A {@code namespace.yaml} that loads as the namespace does (for the staging tree only). */
  static String namespaceYaml(Namespace ns) {
    StringBuilder b = new StringBuilder();
    b.append("basePath: ").append(Assembly.quote(ns.basePath())).append('\n');
    ns.auth().ifPresent(a -> {
      b.append("auth:\n  header: ").append(Assembly.quote(a.header())).append('\n');
      b.append("  tokenEnv: ").append(a.tokenEnv()).append('\n');
      b.append("  statusWithoutToken: ").append(a.statusWithoutToken()).append('\n');
    });
    ns.sessionCookie().ifPresent(c -> b.append("sessionCookie: ").append(Assembly.quote(c)).append('\n'));
    return b.toString();
  }

  /** The entry of endpoint {@code id}, or null. */
  static ObjectNode find(Iterable<ObjectNode> entries, String id) {
    for (ObjectNode e : entries) {
      if (e.path("id").asString("").equals(id)) {
        return e;
      }
    }
    return null;
  }
}
