package dev.contractgate.validate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.HeaderExpectation;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.Policy;
import dev.contractgate.registry.SchemaCompiler;
import dev.contractgate.registry.SchemaRegex;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks one response (status, headers, JSON body) against an endpoint of a contract version.
 *
 * <p>The body is checked by networknt against the endpoint's compiled schema; Contract Gate adds the status
 * and header rules, the namespace's cookie rules, body size and depth limits, pointers back into the contract
 * files, and redaction: header and cookie values are never echoed, body values are truncated.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ResponseValidator {

  private static final Pattern SESSION_COOKIE = Pattern.compile("(?i).*sess(ion)?(_?id)?.*");
  private final ContractRegistry registry;
  private final Policy.Limits limits;
  private final JsonMapper mapper;

  private ResponseValidator(ContractRegistry registry, Policy.Limits limits) {
    this.registry = registry;
    this.limits = limits;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxDocumentLength(limits.maxBodyBytes())
            .build();
    this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build()).build();
  }

  /**
   * The validator of a tree, with the tree's limits ({@code contract-gate.yaml}): one shared, thread-safe
   * instance per registry, since it owns a configured JSON mapper and the live gate asks for it per response.
   */
  public static ResponseValidator of(ContractRegistry registry) {
    return registry.shared(ResponseValidator.class, r -> new ResponseValidator(r, r.policy().limits()));
  }

  /** This validator with other body limits. */
  public ResponseValidator withLimits(Policy.Limits limits) {
    return new ResponseValidator(registry, Objects.requireNonNull(limits, "limits"));
  }

  /** Validates against an endpoint named by namespace, version and endpoint id. */
  public ValidationResult validate(String namespace, String version, String endpointId, ObservedResponse response) {
    ContractVersion v = registry.requireVersion(namespace, version);
    return validate(v, registry.requireEndpoint(v, endpointId), response);
  }

  /** Validates against an endpoint of a version. */
  public ValidationResult validate(ContractVersion version, Endpoint endpoint, ObservedResponse response) {
    return validate(version, endpoint, response, null);
  }

  /**
   * As {@link #validate(ContractVersion, Endpoint, ObservedResponse)}, for a caller that parsed the body
   * already (drift reads every recording's body anyway): {@code parsedBody} is used instead of parsing
   * {@code response.body()} again; pass {@code null} when the body did not parse.
   */
  public ValidationResult validate(ContractVersion version, Endpoint endpoint, ObservedResponse response,
      JsonNode parsedBody) {
    Namespace ns = registry.requireNamespace(version.namespace());
    String subject = version.label() + " " + endpoint.id() + " (" + endpoint.method() + " "
        + endpoint.fullPath(ns.basePath()) + ")";
    List<Violation> out = new ArrayList<>();
    Endpoint.Response spec = endpoint.responses().get(response.status());
    if (spec == null) {
      out.add(new Violation("status.undeclared", "status", Optional.of(endpoint.source().child("responses")),
          "one of the declared statuses " + endpoint.responses().keySet(), String.valueOf(response.status()),
          "declare the status in the contract, or fix the backend to answer with a declared one"));
      return new ValidationResult(subject, response.status(), out);
    }
    checkContentType(spec, response, out);
    checkHeaders(ns, spec, response, out);
    checkCookies(ns, spec, response, out);
    spec.schema().ifPresent(schema -> checkBody(schema, response.body(), parsedBody, out));
    return new ValidationResult(subject, response.status(), out);
  }

  /** Validates a JSON body alone against a schema location of the tree. */
  public List<Violation> validateBody(SourceLocation schema, String body) {
    List<Violation> out = new ArrayList<>();
    checkBody(schema, body, null, out);
    out.sort(null);
    return List.copyOf(out);
  }

  private void checkBody(SourceLocation schemaLocation, String body, JsonNode parsed, List<Violation> out) {
    long bytes = body.length() > limits.maxBodyBytes() / 4 ? utf8Length(body) : body.length();
    if (bytes > limits.maxBodyBytes()) {
      out.add(new Violation("body.too-large", "", Optional.empty(),
          "a body of at most " + limits.maxBodyBytes() + " bytes",
          // Readers stop one byte past the limit, so that size only says "more".
          bytes == limits.maxBodyBytes() + 1 ? "more than " + limits.maxBodyBytes() + " bytes" : bytes + " bytes",
          "page the endpoint, or raise limits.maxBodyBytes in contract-gate.yaml"));
      return;
    }
    JsonNode instance;
    try {
      instance = parsed != null ? parsed : mapper.readTree(body);
    } catch (StreamConstraintsException e) {
      out.add(new Violation("body.too-deep", "", Optional.empty(),
          "at most " + limits.maxDepth() + " levels of nesting", "deeper nesting ("
          + Messages.where(e.getLocation()) + ")",
          "flatten the response, or raise limits.maxDepth in contract-gate.yaml"));
      return;
    } catch (JacksonException e) {
      out.add(new Violation("body.not-json", "", Optional.empty(), "a JSON body",
          body.isBlank() ? "an empty body" : "malformed JSON (" + Messages.firstLine(e.getOriginalMessage())
              + ", " + Messages.where(e.getLocation()) + ")",
          "the backend must send well-formed JSON; look for PHP warnings or notices printed before the JSON"));
      return;
    }
    if (instance == null || instance.isMissingNode()) {
      out.add(new Violation("body.not-json", "", Optional.empty(), "a JSON body", "an empty body",
          "the backend must send a JSON document"));
      return;
    }
    Schema schema = registry.compiled(schemaLocation);
    try (SchemaRegex.Meter meter = SchemaRegex.meter()) {
      List<Error> errors;
      try {
        errors = schema.validate(instance);
      } catch (StackOverflowError e) {
        out.add(new Violation("body.too-deep", "", Optional.of(schemaLocation),
            "a body that validation can follow through the schema's chains of $ref and allOf/anyOf/oneOf",
            "nesting that, together with the schema's chains, exhausts the validator's stack",
            "flatten the response, lower limits.maxDepth in contract-gate.yaml, or shorten the schema's chains"
                + " of $ref (docs/limits.md)"));
        return;
      } catch (ContractException e) {
        throw e;
      } catch (RuntimeException e) {
        // networknt compiles subschemas as validation reaches them; what the loader's checks let through
        // fails here, and it is the contract's fault, not the response's.
        throw ContractException.builder("Cannot compile schema", schemaLocation.file())
            .at(schemaLocation.pointer())
            .expected("a valid JSON Schema (2020-12 or draft-07)")
            .butWas(String.valueOf(e.getMessage()))
            .hint("check the keywords below this pointer against the JSON Schema specification")
            .cause(e)
            .build();
      }
      List<Map.Entry<String, SchemaRegex.BudgetExceeded>> exceeded = new ArrayList<>(meter.exceeded());
      for (Error error : errors) {
        SourceLocation at = SchemaCompiler.toSource(error.getSchemaLocation());
        SchemaRegex.BudgetExceeded over = "pattern".equals(error.getKeyword()) ? take(exceeded, error) : null;
        out.add(over != null ? Messages.patternBudget(error, at, over) : Messages.violation(error, at));
      }
      // Over budget on a property name (patternProperties): no pattern error carries it; name it here.
      for (Map.Entry<String, SchemaRegex.BudgetExceeded> e : exceeded) {
        out.add(Messages.patternBudget(Messages.propertyPointer(instance, e.getKey()), schemaLocation,
            "property name " + Messages.describe(JsonNodeFactory.instance.stringNode(e.getKey())),
            e.getValue()));
      }
    }
  }

  /** The over-budget event of a failed pattern check, removed from the list; null when it simply did not match. */
  private static SchemaRegex.BudgetExceeded take(List<Map.Entry<String, SchemaRegex.BudgetExceeded>> exceeded,
      Error error) {
    JsonNode value = error.getInstanceNode();
    JsonNode pattern = error.getSchemaNode();
    if (value == null || !value.isString() || pattern == null || !pattern.isString()) {
      return null;
    }
    for (int i = 0; i < exceeded.size(); i++) {
      Map.Entry<String, SchemaRegex.BudgetExceeded> e = exceeded.get(i);
      if (e.getKey().equals(value.asString()) && e.getValue().pattern().equals(pattern.asString())) {
        exceeded.remove(i);
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * The number of bytes {@code s} takes in UTF-8, as {@code s.getBytes(UTF_8).length} but without encoding:
   * encoding a 1 MB body allocated about three times its size on every validation (benchmarks/, issue #7).
   */
  static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes++; // an unpaired surrogate is encoded as '?'
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static void checkContentType(Endpoint.Response spec, ObservedResponse response, List<Violation> out) {
    if (spec.contentType().isEmpty()) {
      return;
    }
    String expected = spec.contentType().get();
    List<String> values = response.header("Content-Type");
    String actual = values.isEmpty() ? "" : values.get(0);
    if (!mediaType(actual).equals(mediaType(expected))) {
      out.add(new Violation("header.content-type", "header:Content-Type", Optional.empty(), expected,
          actual.isEmpty() ? "absent" : Messages.truncate(actual),
          "send Content-Type: " + expected + " so that clients parse the body as intended"));
    }
  }

  private static String mediaType(String headerValue) {
    int semi = headerValue.indexOf(';');
    return (semi < 0 ? headerValue : headerValue.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  private static void checkHeaders(Namespace ns, Endpoint.Response spec, ObservedResponse response, List<Violation> out) {
    for (HeaderExpectation h : spec.headers()) {
      List<String> values = response.header(h.name());
      String where = "header:" + h.name();
      if (h.kind() == HeaderExpectation.Kind.ABSENT) {
        if (!values.isEmpty()) {
          out.add(new Violation("header.forbidden", where, Optional.empty(), "no " + h.name() + " header",
              "present (value not shown)", "stop sending " + h.name() + " on this endpoint"));
        }
        continue;
      }
      if (values.isEmpty()) {
        out.add(new Violation("header.missing", where, Optional.empty(), h.describe(), "absent",
            "send the " + h.name() + " header" + (h.key().equals("vary")
                ? "; without Vary: Origin a CDN may serve one site's cached answer to the other" : "")));
        continue;
      }
      String joined = String.join(", ", values);
      SchemaRegex.BudgetExceeded budget = null;
      boolean ok = switch (h.kind()) {
        case CONTAINS -> {
          List<String> tokens = new ArrayList<>();
          for (String part : joined.split(",")) {
            tokens.add(part.trim().toLowerCase(Locale.ROOT));
          }
          yield tokens.contains("*") && h.key().equals("vary")
              || h.values().stream().allMatch(t -> tokens.contains(t.toLowerCase(Locale.ROOT)));
        }
        case EQUALS -> values.size() == 1 && values.get(0).equals(h.values().get(0));
        case PATTERN -> {
          try {
            yield SchemaRegex.find(Pattern.compile(h.values().get(0)), joined);
          } catch (SchemaRegex.BudgetExceeded e) {
            budget = e;
            yield true;
          }
        }
        case ABSENT -> true;
      };
      if (budget != null) {
        out.add(new Violation("header.pattern-budget", where, Optional.empty(), h.describe(),
            "not decided: the pattern was stopped after " + budget.steps() + " steps on a value of "
                + budget.length() + " characters (value not shown)",
            "rewrite the pattern without nested quantifiers such as (a+)+ (docs/limits.md)"));
        continue;
      }
      if (!ok) {
        // The header that carries the namespace's token is as secret as Authorization, whatever its name.
        boolean tokenHeader = ns.auth().map(a -> a.header().equalsIgnoreCase(h.name())).orElse(false);
        out.add(new Violation("header.mismatch", where, Optional.empty(), h.describe(),
            tokenHeader ? "(redacted)" : Messages.headerValue(h.name(), joined), "make the backend send " + h.describe()));
      }
    }
  }

  private static void checkCookies(Namespace ns, Endpoint.Response spec, ObservedResponse response, List<Violation> out) {
    List<String> names = new ArrayList<>();
    for (String setCookie : response.header("Set-Cookie")) {
      int eq = setCookie.indexOf('=');
      if (eq > 0) {
        names.add(setCookie.substring(0, eq).trim());
      }
    }
    for (String required : spec.cookies()) {
      if (!names.contains(required)) {
        out.add(new Violation("cookie.missing", "cookie:" + required, Optional.empty(),
            "Set-Cookie " + required, names.isEmpty() ? "no cookie set" : "cookies " + names,
            "set the cookie with session_name('" + required + "') before the session starts"));
      }
    }
    if (ns.sessionCookie().isPresent()) {
      String own = ns.sessionCookie().get();
      for (String name : names) {
        if (!name.equals(own) && SESSION_COOKIE.matcher(name).matches()) {
          out.add(new Violation("cookie.foreign-session", "cookie:" + name, Optional.empty(),
              "session cookie " + own + " (namespace " + ns.id() + ")", "session cookie " + name,
              "name the session per namespace (session_name('" + own + "')); a shared " + name
                  + " lets one site's session leak into the other"));
        }
      }
    }
  }
}
