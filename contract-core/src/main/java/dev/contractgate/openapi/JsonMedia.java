package dev.contractgate.openapi;

import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Which entry of a {@code content} map the contract describes: parameters, request and response bodies agree. */
final class JsonMedia {

  private JsonMedia() {}

  /** {@code application/json} first, then any {@code +json} media type, or null. */
  static Map.Entry<String, JsonNode> of(JsonNode content) {
    if (!content.isObject()) {
      return null;
    }
    Map.Entry<String, JsonNode> fallback = null;
    for (Map.Entry<String, JsonNode> e : content.properties()) {
      String media = e.getKey().toLowerCase(Locale.ROOT);
      int semi = media.indexOf(';');
      String bare = (semi < 0 ? media : media.substring(0, semi)).trim();
      if (bare.equals("application/json")) {
        return e;
      }
      if (fallback == null && (bare.endsWith("+json") || bare.equals("*/*") || bare.equals("application/*"))) {
        fallback = e;
      }
    }
    return fallback;
  }
}
