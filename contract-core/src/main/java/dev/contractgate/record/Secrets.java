package dev.contractgate.record;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secret values: learning them from what a request carries, and scrubbing their echoes from a response. The
 * readers, the recorder and the live gate learn the secrets of each request (with the header and field names
 * of a {@link Redaction}: {@link Redaction#learnHeader}, {@link Redaction#learnUrl}) and mask every echo of
 * them ({@link Redaction#scrubEchoes}, {@link #scrubBody}) before anything else sees the response.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Secrets {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Secrets() {}

  /**
   * The forms a secret takes where it is printed encoded: JSON-escaped (also with {@code \/} and
   * {@code \u00e9} escapes, as PHP writes), HTML/XML-escaped, URL-encoded (with {@code +} and with
   * {@code %20} for a space), and Markdown-escaped. The secret itself first; every form once.
   */
  public static Set<String> encodings(String secret) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    out.add(secret);
    StringBuilder json = new StringBuilder();
    StringBuilder php = new StringBuilder();
    StringBuilder html = new StringBuilder();
    StringBuilder md = new StringBuilder();
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      switch (c) {
        case '"' -> { json.append("\\\""); php.append("\\\""); }
        case '\\' -> { json.append("\\\\"); php.append("\\\\"); }
        case '/' -> { json.append('/'); php.append("\\/"); }
        case '\n' -> { json.append("\\n"); php.append("\\n"); }
        case '\r' -> { json.append("\\r"); php.append("\\r"); }
        case '\t' -> { json.append("\\t"); php.append("\\t"); }
        default -> {
          if (c < 0x20 || c > 0x7e) {
            String u = String.format("\\u%04x", (int) c);
            json.append(c < 0x20 ? u : String.valueOf(c));
            php.append(u);
          } else {
            json.append(c);
            php.append(c);
          }
        }
      }
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
      if ("\\`*_[]|~#!$".indexOf(c) >= 0) {
        md.append('\\');
      }
      md.append(c);
    }
    out.add(json.toString());
    out.add(php.toString());
    out.add(html.toString());
    out.add(md.toString());
    String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    out.add(url);
    out.add(url.replace("+", "%20"));
    return out;
  }

  /** A credential of any length: the whole value, the part after the scheme, a Basic pair decoded. */
  public static void learnCredential(String value, Collection<String> into) {
    String v = value == null ? "" : value.trim();
    if (v.isEmpty() || masked(v)) {
      return;
    }
    into.add(v);
    int space = v.indexOf(' ');
    if (space > 0) {
      String credential = v.substring(space + 1).trim();
      if (!credential.isEmpty() && !masked(credential)) {
        into.add(credential);
        if (v.regionMatches(true, 0, "basic ", 0, 6)) {
          try {
            learnUserInfo(new String(Base64.getMimeDecoder().decode(credential),
                StandardCharsets.UTF_8), into);
          } catch (IllegalArgumentException e) {
            // not base64: the value itself is masked
          }
        }
      }
    }
  }

  /** One cookie's value (quotes dropped, percent-decoded too), from {@value Redaction#MIN_LEARNED} characters. */
  public static void learnCookie(String value, Collection<String> into) {
    String v = value == null ? "" : value.trim();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    if (v.length() < Redaction.MIN_LEARNED || masked(v)) {
      return;
    }
    into.add(v);
    String decoded = decode(v);
    if (!decoded.equals(v)) {
      into.add(decoded);
    }
  }

  /**
   * The user-info of a URL ({@code user:password}), the password, and the user when there is no password
   * (a token given as user name), each also percent-decoded; any length.
   */
  public static void learnUserInfo(String userInfo, Collection<String> into) {
    if (userInfo == null || userInfo.isEmpty() || masked(userInfo)) {
      return;
    }
    for (String form : new LinkedHashSet<>(List.of(userInfo, decode(userInfo)))) {
      into.add(form);
      int colon = form.indexOf(':');
      String part = colon < 0 ? form : form.substring(colon + 1);
      if (!part.isEmpty()) {
        into.add(part);
      }
    }
  }

  /** The user-info part of an absolute URL ({@code scheme://USERINFO@host}), if it has one. */
  public static Optional<String> userInfo(String url) {
    int scheme = url.indexOf("://");
    if (scheme <= 0) {
      return Optional.empty();
    }
    int start = scheme + 3;
    int end = url.length();
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    int at = url.lastIndexOf('@', end - 1);
    return at >= start ? Optional.of(url.substring(start, at)) : Optional.empty();
  }

  /** Every secret with its {@link #encodings}. */
  public static List<String> withEncodings(Collection<String> secrets) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String s : secrets) {
      if (s != null && !s.isEmpty()) {
        out.addAll(encodings(s));
      }
    }
    return List.copyOf(out);
  }

  /**
   * A body with every echo of the secrets masked ({@link Redaction#scrub}); a JSON body value by value, so that it
   * stays JSON. The same text when nothing was found.
   */
  public static String scrubBody(String body, Collection<String> secrets) {
    if (body.isEmpty() || secrets.isEmpty()) {
      return body;
    }
    List<String> all = withEncodings(secrets);
    String text = Redaction.scrub(body, all);
    if (text.equals(body)) {
      return body;
    }
    int k = 0;
    while (k < body.length() && Character.isWhitespace(body.charAt(k))) {
      k++;
    }
    if (k < body.length() && (body.charAt(k) == '{' || body.charAt(k) == '[')) {
      try {
        // The shared mapper, built on first use (see Redaction#body).
        JsonNode tree = JsonMapper.shared().readTree(body);
        if (tree != null && tree.isContainer()) {
          JsonNode scrubbed = scrubTree(tree, all);
          String json = JsonMapper.shared().writeValueAsString(scrubbed);
          // Anything the values did not hold (a secret across JSON syntax) is masked in the text after all.
          String again = Redaction.scrub(json, all);
          return again.equals(json) ? json : again;
        }
      } catch (JacksonException e) {
        // not JSON after all: masked as text
      }
    }
    return text;
  }

  private static JsonNode scrubTree(JsonNode node, List<String> secrets) {
    if (node instanceof ObjectNode o) {
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        out.set(Redaction.scrub(e.getKey(), secrets), scrubTree(e.getValue(), secrets));
      }
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = NODES.arrayNode();
      for (JsonNode child : a) {
        out.add(scrubTree(child, secrets));
      }
      return out;
    }
    if (node.isString()) {
      String v = node.stringValue();
      String m = Redaction.scrub(v, secrets);
      return m.equals(v) ? node : NODES.stringNode(m);
    }
    if (node.isNumber() && secrets.contains(node.toString())) {
      return NODES.stringNode(Redaction.MASK);
    }
    return node;
  }

  static boolean masked(String v) {
    return v.equals(Redaction.MASK) || v.equals("%5Bredacted%5D") || v.equals("***") || v.equals("(redacted)");
  }

  static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
