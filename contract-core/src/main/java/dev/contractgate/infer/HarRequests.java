package dev.contractgate.infer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request side of HAR files, which the recording readers do not keep: the names of the headers that
 * carry credentials (to name the namespace's auth header) and their values and cookie values (to make sure
 * none of them reaches a written file). Streams one entry at a time; values are held in memory only, bounded.
 */
final class HarRequests {

  /** Secret values kept for scrubbing, at most. */
  static final int MAX_SECRETS = 1000;

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Requests under the base path, and per credential-looking header name how many carried it. */
  long requests;
  final TreeMap<String, Long> credentialHeaders = new TreeMap<>();
  final Map<String, String> spelling = new TreeMap<>();
  final Set<String> secrets = new LinkedHashSet<>();

  /** True for header names that carry credentials: Authorization, X-Api-Key, X-WGP-Token, ... */
  static boolean isCredential(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("authorization") || n.equals("proxy-authorization") || n.contains("token")
        || n.contains("api-key") || n.contains("apikey") || n.contains("api_key") || n.contains("secret")
        || n.equals("x-auth") || n.startsWith("x-auth-");
  }

  /** Reads one HAR file; a file that breaks off is read as far as it goes (the main pass reports it). */
  void scan(Path har, String base) {
    try (JsonParser p = MAPPER.createParser(har)) {
      if (!seekEntries(p)) {
        return;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.START_OBJECT; t = p.nextToken()) {
        JsonNode entry = MAPPER.readTree(p);
        entry(entry, base);
      }
    } catch (JacksonException | IllegalArgumentException e) {
      // read what could be read
    }
  }

  private void entry(JsonNode entry, String base) {
    JsonNode request = entry.path("request");
    String url = request.path("url").asString("");
    String path = pathOf(url);
    boolean under = Collector.under(path, base);
    if (under) {
      requests++;
    }
    Set<String> counted = new java.util.HashSet<>();
    for (JsonNode h : request.path("headers")) {
      String name = h.path("name").asString("");
      String value = h.path("value").asString("");
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("cookie")) {
        for (String part : value.split(";")) {
          int eq = part.indexOf('=');
          if (eq > 0) {
            secret(part.substring(eq + 1).trim());
          }
        }
      } else if (isCredential(name)) {
        secret(value);
        int space = value.indexOf(' ');
        if (space > 0) {
          secret(value.substring(space + 1).trim());
        }
        if (under && counted.add(lower)) {
          credentialHeaders.merge(lower, 1L, Long::sum);
          spelling.merge(lower, name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
      }
    }
    for (JsonNode c : request.path("cookies")) {
      secret(c.path("value").asString(""));
    }
    for (JsonNode c : entry.path("response").path("cookies")) {
      secret(c.path("value").asString(""));
    }
    for (JsonNode h : entry.path("response").path("headers")) {
      if (h.path("name").asString("").equalsIgnoreCase("set-cookie")) {
        String v = h.path("value").asString("");
        int eq = v.indexOf('=');
        int semi = v.indexOf(';');
        if (eq > 0) {
          secret(v.substring(eq + 1, semi > eq ? semi : v.length()).trim());
        }
      }
    }
  }

  private void secret(String value) {
    if (value != null && value.length() >= 4 && secrets.size() < MAX_SECRETS) {
      secrets.add(value);
    }
  }

  /**
   * The credential header carried by at least half of the requests under the base path: the most frequent
   * one, and among equally frequent ones a namespace-specific header before {@code Authorization} (which
   * often carries a user's login rather than the site's token), then alphabetical; in its smallest spelling.
   */
  Optional<String> authHeader() {
    List<String> c = candidates();
    return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
  }

  /** Every credential header carried by at least half of the requests, best first. */
  List<String> candidates() {
    List<Map.Entry<String, Long>> all = new ArrayList<>(credentialHeaders.entrySet());
    all.removeIf(e -> e.getValue() * 2 < requests || requests == 0);
    all.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue())
        .thenComparing(e -> e.getKey().endsWith("authorization"))
        .thenComparing(Map.Entry::getKey));
    return all.stream().map(e -> spelling.get(e.getKey())).toList();
  }

  private static boolean seekEntries(JsonParser p) {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return false;
    }
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("log") && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String inner = p.currentName();
          JsonToken v = p.nextToken();
          if (inner.equals("entries") && v == JsonToken.START_ARRAY) {
            return true;
          }
          p.skipChildren();
        }
        return false;
      }
      p.skipChildren();
    }
    return false;
  }

  /** The path of a URL, without scheme, authority, query and fragment. */
  static String pathOf(String url) {
    String s = url;
    int cut = s.indexOf('#');
    if (cut >= 0) {
      s = s.substring(0, cut);
    }
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      int slash = s.indexOf('/', scheme + 3);
      s = slash < 0 ? "/" : s.substring(slash);
    }
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }
}
