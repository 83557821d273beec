package dev.contractgate.cli;

import dev.contractgate.stub.Stub;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The failure stories of the motivating backend; {@code demo --break STORY} switches the backend into one. */
enum Story {
  FRONTEND_AHEAD(
      "frontend-ahead",
      "the frontend ships first: ivanpin-web needs blog.detail's \"seo\", the backend does not send it yet"),
  SILENT_FORMAT_CHANGE(
      "silent-format-change",
      "blog.list sends publishedAt as \"2025-02-20 09:00\" instead of a date-time: no 500, wrong data"),
  CROSS_SITE_BREAK(
      "cross-site-break",
      "a change made for ivanpin turns the shared author object into a string and breaks wgp's posts"),
  SHARED_SESSION_COOKIE(
      "shared-session-cookie",
      "the backend sets PHPSESSID instead of the namespace's own IVANPIN_SESSID / WGP_SESSID"),
  MISSING_VARY_ORIGIN(
      "missing-vary-origin",
      "list endpoints drop Vary: Origin, so a CDN may serve one site's cached answer to the other"),
  NO_TOKEN_ANSWERED(
      "no-token-answered",
      "the wgp namespace answers requests that carry no X-WGP-Token"),
  ROLLBACK_REMOVES_FIELD(
      "rollback-removes-field",
      "the backend rolls back to ivanpin 1.1.0 and drops fields ivanpin-web already reads (blog.detail \"seo\")"),
  FLAG_ON_WITHOUT_DATA(
      "flag-on-without-data",
      "blog.list says feature_enabled: true but sends no readingTime: the site renders the feature without its data");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** The endpoint the passing run's backend has not shipped yet (see {@link #passing}). */
  static final String AHEAD_ENDPOINT = "services.catalog";
  final String id;
  final String description;

  Story(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The backend's answers after this story happened. */
  List<Stub> apply(List<Stub> stubs) {
    List<Stub> out = new ArrayList<>();
    for (Stub s : stubs) {
      out.add(switch (this) {
        case FRONTEND_AHEAD, ROLLBACK_REMOVES_FIELD -> s.namespace().equals("ivanpin") && s.endpoint().equals("blog.detail")
            ? body(s, b -> remove(b, "seo")) : s;
        case SILENT_FORMAT_CHANGE -> s.namespace().equals("ivanpin") && s.endpoint().equals("blog.list")
            ? body(s, b -> each(b, "items", i -> i.put("publishedAt", "2025-02-20 09:00"))) : s;
        case CROSS_SITE_BREAK -> s.namespace().equals("wgp") && s.endpoint().startsWith("posts.")
            ? body(s, b -> authorToString(b)) : s;
        case SHARED_SESSION_COOKIE -> s.endpoint().equals("*") ? s
            : s.withHeader("Set-Cookie", "PHPSESSID=demo-session; Path=/; HttpOnly");
        case MISSING_VARY_ORIGIN -> s.withHeader("Vary", null);
        case NO_TOKEN_ANSWERED -> s.namespace().equals("wgp") ? s.withoutTokenCheck() : s;
        case FLAG_ON_WITHOUT_DATA -> s.namespace().equals("ivanpin") && s.endpoint().equals("blog.list")
            ? body(s, b -> each(b, "items", i -> i.remove("readingTime"))) : s;
      });
    }
    return out;
  }

  /** What the gate must say for this story: a rule id that appears in the report. */
  String expectedRule() {
    return switch (this) {
      case FRONTEND_AHEAD, ROLLBACK_REMOVES_FIELD -> "body.required";
      case SILENT_FORMAT_CHANGE -> "body.format";
      case CROSS_SITE_BREAK -> "body.type";
      case SHARED_SESSION_COOKIE -> "cookie.foreign-session";
      case MISSING_VARY_ORIGIN -> "header.missing";
      case NO_TOKEN_ANSWERED -> "auth.not-enforced";
      case FLAG_ON_WITHOUT_DATA -> "feature.gated-field-missing";
    };
  }

  /**
   * The passing run's backend: everything the newest contracts say, except that services.catalog is not
   * shipped yet. ivanpin-web reads it behind the endpoint flag (when: endpoint), so the gate accepts the 404 as
   * "feature off": a frontend ahead of its backend, hidden behind a backend-owned flag.
   */
  static List<Stub> passing(List<Stub> stubs) {
    return stubs.stream()
        .filter(s -> !(s.namespace().equals("ivanpin") && s.endpoint().equals(AHEAD_ENDPOINT))).toList();
  }

  private static Stub body(Stub s, UnaryOperator<ObjectNode> change) {
    ObjectNode b = (ObjectNode) JSON.readTree(s.body());
    return s.withBody(change.apply(b).toString());
  }

  private static ObjectNode remove(ObjectNode b, String field) {
    b.remove(field);
    return b;
  }

  private static ObjectNode each(ObjectNode b, String arrayField, java.util.function.Consumer<ObjectNode> change) {
    for (JsonNode item : b.path(arrayField)) {
      if (item.isObject()) {
        change.accept((ObjectNode) item);
      }
    }
    return b;
  }

  private static ObjectNode authorToString(ObjectNode b) {
    // Walk every object: posts sit in items[] for the list and at the root for the detail.
    List<JsonNode> pending = new ArrayList<>(List.of(b));
    while (!pending.isEmpty()) {
      JsonNode n = pending.remove(pending.size() - 1);
      if (n.isObject()) {
        ObjectNode o = (ObjectNode) n;
        JsonNode author = o.get("author");
        if (author != null && author.isObject()) {
          o.put("author", author.path("name").asString("Editorial team"));
        }
        for (Iterator<JsonNode> it = o.values().iterator(); it.hasNext(); ) {
          pending.add(it.next());
        }
      } else if (n.isArray()) {
        n.forEach(pending::add);
      }
    }
    return b;
  }

  static final class Converter implements CommandLine.ITypeConverter<Story> {
    @Override
    public Story convert(String value) {
      for (Story s : values()) {
        if (s.id.equals(value.toLowerCase(Locale.ROOT))) {
          return s;
        }
      }
      throw new CommandLine.TypeConversionException("unknown story '" + value + "': pick one of "
          + Arrays.stream(values()).map(s -> s.id).toList());
    }
  }

  static final class Candidates extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Candidates() {
      super(Arrays.stream(values()).map(s -> s.id).toList());
    }
  }
}
