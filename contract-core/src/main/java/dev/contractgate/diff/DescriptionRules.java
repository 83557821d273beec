package dev.contractgate.diff;

import java.util.List;

/**
 * The endpoint rules for what an OpenAPI description says beyond the contract (body presence, media types,
 * parameters outside the query, security, response headers, servers, callbacks, webhooks). Kept apart from
 * {@link Rules} so the catalogue stays readable; {@code docs/rules.md} lists them with the others.
 */
final class DescriptionRules {

  private DescriptionRules() {}

  static void add(List<Rule> rules) {
    rule(rules, "response.body.added", Severity.INFO,
        "a response now has a body where it had none: a consumer that read none cannot break on it",
        "(no body) → application/json", "response.body.removed");
    rule(rules, "response.body.removed", Severity.BREAKING,
        "a response no longer has a body: a consumer that reads it gets none", "application/json → (no body)",
        "response.body.added");
    rule(rules, "request.body.optional-added", Severity.INFO,
        "an optional request body was added (requestBody.required false): old requests without one still pass",
        "(no body) → optional body", "request.body.optional-added");
    rule(rules, "request.body.required-added", Severity.BREAKING,
        "the request body became required (requestBody.required false or absent → true)",
        "required: false → required: true", "request.body.required-removed");
    rule(rules, "request.body.required-removed", Severity.INFO,
        "the request body is no longer required", "required: true → required: false",
        "request.body.required-added");
    rule(rules, "request.media-type.removed", Severity.BREAKING,
        "a request body media type is no longer accepted", "application/x-www-form-urlencoded, application/json"
            + " → application/json", "request.media-type.added");
    rule(rules, "request.media-type.added", Severity.INFO, "a request body media type is now accepted too",
        "application/json → application/json, multipart/form-data", "request.media-type.removed");
    rule(rules, "response.media-type.removed", Severity.BREAKING,
        "a response media type is no longer sent: a consumer that asks for it gets another or an error",
        "application/json, text/csv → application/json", "response.media-type.added");
    rule(rules, "response.media-type.added", Severity.INFO, "a response media type was added",
        "application/json → application/json, text/csv", "response.media-type.removed");
    rule(rules, "request.body.encoding-changed", Severity.BREAKING,
        "the encoding of a form body property changed (contentType, style, explode): old requests are read"
            + " differently", "tags: style form, explode true → style form, explode false",
        "request.body.encoding-changed");
    rule(rules, "request.parameter.required-added", Severity.BREAKING,
        "a path, query, header or cookie parameter is now required (added as required, or was optional)",
        "header X-Tenant (absent) → required", "request.parameter.required-removed");
    rule(rules, "request.parameter.required-removed", Severity.INFO, "a parameter is no longer required",
        "cookie session: required → optional", "request.parameter.required-added");
    rule(rules, "request.parameter.added", Severity.INFO, "an optional parameter was added",
        "(absent) → query limit (optional)", "request.parameter.removed");
    rule(rules, "request.parameter.removed", Severity.WARNING,
        "a parameter is no longer described: the backend may ignore or refuse what old consumers send",
        "header X-Trace → (absent)", "request.parameter.added");
    rule(rules, "request.parameter.location-changed", Severity.BREAKING,
        "a parameter moved between path, query, header and cookie: old consumers send it in the old place",
        "query api_key → header api_key", "request.parameter.location-changed");
    rule(rules, "request.parameter.style-changed", Severity.BREAKING,
        "a parameter's serialization (style, explode) changed: old consumers encode it the old way",
        "ids: style form, explode true → style form, explode false", "request.parameter.style-changed");
    rule(rules, "request.parameter.empty-value-refused", Severity.BREAKING,
        "a parameter no longer allows an empty value (allowEmptyValue true → false)",
        "allowEmptyValue: true → false", "request.parameter.empty-value-allowed");
    rule(rules, "request.parameter.empty-value-allowed", Severity.INFO,
        "a parameter now allows an empty value", "allowEmptyValue: false → true",
        "request.parameter.empty-value-refused");
    rule(rules, "request.parameter.deprecated", Severity.INFO, "a parameter was marked deprecated",
        "deprecated: false → true", "request.parameter.deprecated");
    rule(rules, "request.security.tightened", Severity.BREAKING,
        "the operation requires authentication it did not, or another scheme or more scopes: a caller with"
            + " the old credentials is refused", "(none) → bearerAuth; oauth [read] → oauth [read, write]",
        "request.security.relaxed");
    rule(rules, "request.security.relaxed", Severity.INFO,
        "the operation accepts every caller it accepted, and more (fewer scopes, an extra scheme)",
        "oauth [read, write] → oauth [read]", "request.security.tightened");
    rule(rules, "request.security.scheme-changed", Severity.BREAKING,
        "a security scheme the operation uses is defined differently (type, header or query name, HTTP scheme;"
            + " OAuth2 flows and URLs have their own rules)",
        "apiKey in header X-Key → apiKey in header X-Api-Key", "request.security.scheme-changed");
    rule(rules, "request.security.url-changed", Severity.WARNING,
        "a URL where clients get credentials changed (an OAuth2 flow's authorizationUrl, tokenUrl or refreshUrl;"
            + " an openIdConnectUrl): clients configured with the old one must change their configuration. A"
            + " warning like api.servers.changed, not breaking: the API accepts the same credentials and the"
            + " description cannot tell whether the old URL still answers; raise it with a severity override",
        "tokenUrl https://auth.example/token → https://login.example/token", "request.security.url-changed");
    rule(rules, "request.security.flow-removed", Severity.BREAKING,
        "an OAuth2 flow of a security scheme was removed: a client that obtains its token with it can no longer",
        "clientCredentials → (absent)", "request.security.flow-added");
    rule(rules, "request.security.flow-added", Severity.INFO, "an OAuth2 flow was added to a security scheme",
        "(absent) → authorizationCode", "request.security.flow-removed");
    rule(rules, "request.security.scope-removed", Severity.BREAKING,
        "a scope was removed from an OAuth2 flow: a client that requests it is refused a token (one finding per"
            + " flow, listing the scopes)", "read, write → read", "request.security.scope-added");
    rule(rules, "request.security.scope-added", Severity.INFO, "a scope was added to an OAuth2 flow",
        "read → read, admin", "request.security.scope-removed");
    rule(rules, "request.body.part-header.required-added", Severity.BREAKING,
        "a header of a multipart part (its encoding headers) was added as required, or became required: an old"
            + " consumer does not send it and is refused", "part file header X-Checksum (absent) → required",
        "request.body.part-header.required-removed");
    rule(rules, "request.body.part-header.required-removed", Severity.INFO,
        "a multipart part header is no longer required", "X-Checksum: required → optional",
        "request.body.part-header.required-added");
    rule(rules, "request.body.part-header.added", Severity.INFO, "an optional multipart part header was added",
        "(absent) → X-Checksum (optional)", "request.body.part-header.removed");
    rule(rules, "request.body.part-header.removed", Severity.WARNING,
        "a multipart part header is no longer described: the backend may ignore or refuse what old consumers send",
        "X-Checksum (optional) → (absent)", "request.body.part-header.added");
    rule(rules, "response.header.removed", Severity.WARNING,
        "a response header is no longer described: a consumer that reads it may not get it",
        "X-Rate-Limit → (absent)", "response.header.added");
    rule(rules, "response.header.added", Severity.INFO, "a response header is now described",
        "(absent) → X-Rate-Limit", "response.header.removed");
    rule(rules, "api.servers.changed", Severity.WARNING,
        "the servers changed: consumers configured with an old URL must move",
        "https://api.example.com/v1 → https://api.example.org/v1", "api.servers.changed");
    rule(rules, "api.servers.path-changed", Severity.BREAKING,
        "the path prefix of the servers changed: every operation moved", "/v1 → /v2", "api.servers.path-changed");
    rule(rules, "callback.added", Severity.INFO, "an operation declares a new callback", "(absent) → onEvent",
        "callback.removed");
    rule(rules, "callback.removed", Severity.WARNING,
        "a callback is no longer declared: a consumer that waits for it gets nothing", "onEvent → (absent)",
        "callback.added");
    rule(rules, "callback.changed", Severity.WARNING,
        "a callback's description changed; it is reported, not compared in detail", "onEvent (changed)",
        "callback.changed");
    rule(rules, "webhook.added", Severity.INFO, "a webhook (OpenAPI 3.1 webhooks) was added",
        "(absent) → POST newPet", "webhook.removed");
    rule(rules, "webhook.removed", Severity.WARNING,
        "a webhook is no longer declared: a consumer that handles it gets nothing", "POST newPet → (absent)",
        "webhook.added");
    rule(rules, "webhook.changed", Severity.WARNING,
        "a webhook's description changed; it is reported, not compared in detail", "POST newPet (changed)",
        "webhook.changed");
  }

  private static void rule(List<Rule> rules, String id, Severity severity, String description, String example,
      String mirror) {
    rules.add(new Rule(id, RuleCategory.ENDPOINT, Direction.BOTH, severity, Relation.EQUAL, description, example,
        mirror));
  }
}
