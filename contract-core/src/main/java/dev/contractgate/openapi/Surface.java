package dev.contractgate.openapi;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.contractgate.registry.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * What a description says beyond the contract it converts to, read for the diff only: every media type of
 * bodies with its schema and form encoding, whether the request body is required, parameters in every
 * location with their serialization, security requirements, response headers, servers, callbacks and
 * webhooks. Read with the import (see {@code OpenApiConverter}), holding only what the diff compares.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Surface {

  static final Surface EMPTY = new Surface(() -> new Data("", List.of(), "", Map.of(), Map.of(), Map.of(), Map.of(),
      List.of()));

  private final Supplier<Data> read;
  private Data data;

  Surface(Supplier<Data> read) {
    this.read = read;
  }

  synchronized Data data() {
    if (data == null) {
      data = read.get();
    }
    return data;
  }

  /** The side schema documents by path (the diff reads them like the version's own). */
  Map<String, JsonNode> schemas() {
    return data().schemas();
  }

  /**
   * @param file the description, for locations
   * @param servers the top-level server URLs
   * @param serverPath the path of the first server URL
   * @param ops by endpoint id
   * @param webhooks {@code name METHOD} → the operation node
   * @param schemas the side schemas
   * @param securitySchemes {@code components.securitySchemes} by name: where clients get their credentials
   * @param notes what the diff reads only in part, one sentence each
   */
  record Data(String file, List<String> servers, String serverPath, Map<String, Op> ops,
      Map<String, JsonNode> webhooks, Map<String, JsonNode> schemas, Map<String, Scheme> securitySchemes,
      List<String> notes) {}

  /**
   * One operation.
   *
   * @param route method and path with parameter names dropped, how operations are matched across versions
   * @param label {@code GET /pets/{id} (getPet)}
   * @param body whether there is a request body
   * @param bodyPrimary the media type the contract's request body comes from, or null
   * @param security alternatives, each scheme → scopes; {@code [{}]} when anyone may call
   * @param schemes scheme name → its definition in one line, for the schemes the operation names
   * @param servers the path item's or operation's own server URLs (empty when it uses the top level ones)
   */
  record Op(String id, String route, String label, String at, boolean body, boolean bodyRequired,
      Map<String, Media> bodyMedia, String bodyPrimary, Map<String, Param> params,
      List<Map<String, Set<String>>> security, Map<String, String> schemes, Map<String, Resp> responses,
      Map<String, JsonNode> callbacks, List<String> servers) {}

  /**
   * @param schema the side schema, or null when the contract compares this one or it has none
   * @param encoding form property → {@code contentType, style, explode} in one line
   * @param partHeaders multipart part → its headers ({@code encoding.<part>.headers}) by lower-case name
   */
  record Media(String type, SourceLocation schema, Map<String, String> encoding,
      Map<String, Map<String, Header>> partHeaders) {}

  /** @param key {@code in:name} ({@code path:#0} for the first path parameter: names do not reach the wire) */
  record Param(String key, String in, String name, boolean required, SourceLocation schema, String serialization,
      boolean deprecated, boolean allowEmpty, String at) {}

  record Header(String name, boolean required, SourceLocation schema) {}

  /**
   * A security scheme as far as a client configures it: the OAuth2 flows, or the OpenID Connect discovery URL.
   * URLs are kept without user-info (they reach reports).
   *
   * @param type {@code oauth2}, {@code openIdConnect}, {@code apiKey}, {@code http}
   * @param flows flow name ({@code clientCredentials}, {@code authorizationCode} ...) → flow; empty for others
   * @param openIdConnectUrl the discovery URL, or empty
   * @param at the JSON pointer of the definition
   */
  record Scheme(String name, String type, Map<String, Flow> flows, String openIdConnectUrl, String at) {}

  /** One OAuth2 flow: its URLs (empty when absent) and the names of its scopes, sorted. */
  record Flow(String authorizationUrl, String tokenUrl, String refreshUrl, Set<String> scopes) {}

  /** @param exact whether the contract has this response (an exact status) */
  record Resp(String key, boolean exact, Map<String, Media> media, String primary, Map<String, Header> headers,
      String at) {}
}
