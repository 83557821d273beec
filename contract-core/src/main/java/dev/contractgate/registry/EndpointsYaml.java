package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.function.Function;
import org.apiguardian.api.API;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an endpoint's request and responses in the shape {@code endpoints.yaml} reads them, for the packages
 * that write contract versions ({@code openapi} import, {@code infer}), so both write what the loader reads.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class EndpointsYaml {

  private EndpointsYaml() {}

  /**
   * Adds {@code request} (when there is one) and {@code responses} to {@code o}.
   *
   * @param relative a schema location as written in the file, relative to the version folder
   */
  public static void requestAndResponses(Endpoint e, ObjectNode o, Function<SourceLocation, String> relative) {
    if (e.request().query().isPresent() || e.request().body().isPresent()) {
      ObjectNode r = o.putObject("request");
      e.request().query().ifPresent(q -> r.put("query", relative.apply(q)));
      e.request().body().ifPresent(b -> r.put("body", relative.apply(b)));
    }
    ObjectNode rs = o.putObject("responses");
    for (Endpoint.Response r : e.responses().values()) {
      ObjectNode ro = rs.putObject(String.valueOf(r.status()));
      r.schema().ifPresent(s -> ro.put("schema", relative.apply(s)));
      r.contentType().filter(ct -> r.schema().isEmpty() || !ct.equals("application/json"))
          .ifPresent(ct -> ro.put("contentType", ct));
      if (!r.headers().isEmpty()) {
        ObjectNode hs = ro.putObject("headers");
        for (HeaderExpectation h : r.headers()) {
          ObjectNode ho = hs.putObject(h.name());
          switch (h.kind()) {
            case EQUALS -> ho.put("equals", h.values().get(0));
            case PATTERN -> ho.put("pattern", h.values().get(0));
            case CONTAINS -> h.values().forEach(ho.putArray("contains")::add);
            case ABSENT -> ho.put("absent", true);
          }
        }
      }
      if (!r.cookies().isEmpty()) {
        ArrayNode c = ro.putArray("cookies");
        r.cookies().forEach(c::add);
      }
    }
  }
}
