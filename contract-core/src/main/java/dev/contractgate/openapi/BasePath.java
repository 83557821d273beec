package dev.contractgate.openapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The namespace's base path: given, or taken from the first server. An endpoint's path is the operation's full
 * path (server path + path) after the base path.
 */
final class BasePath {

  private BasePath() {}

  /** The path of the first server URL, with variables at their defaults, without a trailing '/'. */
  static String serverPath(Spec spec) {
    JsonNode server = spec.root().path("servers").path(0);
    String url = server.path("url").asString("");
    if (url.isEmpty()) {
      return "";
    }
    JsonNode vars = server.path("variables");
    for (Map.Entry<String, JsonNode> v : vars.properties()) {
      url = url.replace("{" + v.getKey() + "}", v.getValue().path("default").asString(""));
    }
    String path = url;
    int scheme = url.indexOf("://");
    if (scheme >= 0) {
      try {
        path = new URI(url.replaceAll("[{}]", "")).getRawPath();
      } catch (URISyntaxException e) {
        int slash = url.indexOf('/', scheme + 3);
        path = slash < 0 ? "" : url.substring(slash);
      }
    }
    if (path == null) {
      path = "";
    }
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  static String join(String serverPath, String path) {
    return serverPath + path;
  }

  /** The server path as a base path, shortened while some operation would sit at the base path itself. */
  static String derive(String serverPath, List<Operation> ops) {
    String base = serverPath + "/";
    while (true) {
      boolean fits = true;
      for (Operation op : ops) {
        if (join(serverPath, op.path()).equals(base)) {
          fits = false;
          break;
        }
      }
      if (fits || base.equals("/")) {
        return base;
      }
      String trimmed = base.substring(0, base.length() - 1);
      base = trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
    }
  }

  static String normalise(String given) {
    String b = given.startsWith("/") ? given : "/" + given;
    return b.endsWith("/") ? b : b + "/";
  }
}
