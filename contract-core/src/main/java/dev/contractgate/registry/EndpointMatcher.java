package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Finds the endpoint a recorded request was meant for: the namespace by base path (longest wins), then the
 * endpoint by method and path template. A {@code {name}} segment matches any non-empty segment; literal
 * segments compare after percent-decoding; a trailing slash is not significant; the query is ignored. When
 * several templates match, the one with the most literal segments wins ({@code blog/list.php} before
 * {@code blog/{slug}}).
 */
@API(status = INTERNAL, since = "0.1")
public final class EndpointMatcher {

  /** What a request path segment that is itself a pattern looks like (WireMock {@code urlPathPattern}). */
  public static final String ANY_SEGMENT = "{*}";

  /** A match: the namespace and version searched, and the endpoint if one matched. */
  public record Match(Namespace namespace, ContractVersion version, Optional<Endpoint> endpoint) {}

  private record Template(Endpoint endpoint, String[] segments, int literals) {}

  private record Scope(Namespace namespace, ContractVersion version, String[] base, List<Template> templates) {}

  private final List<Scope> scopes = new ArrayList<>();

  /** Matches against one version per namespace. */
  public EndpointMatcher(List<Namespace> namespaces, List<ContractVersion> versions) {
    for (int i = 0; i < namespaces.size(); i++) {
      Namespace ns = namespaces.get(i);
      ContractVersion v = versions.get(i);
      List<Template> templates = new ArrayList<>();
      for (Endpoint e : v.endpoints()) {
        String[] seg = segments(e.fullPath(ns.basePath()));
        int literals = 0;
        for (String s : seg) {
          if (!isParam(s)) {
            literals++;
          }
        }
        templates.add(new Template(e, seg, literals));
      }
      templates.sort(Comparator.comparingInt((Template t) -> -t.literals));
      scopes.add(new Scope(ns, v, segments(ns.basePath()), templates));
    }
    scopes.sort(Comparator.comparingInt((Scope s) -> -s.base.length));
  }

  /** The namespace whose base path holds the path, and the endpoint if one matches; empty outside every base path. */
  public Optional<Match> match(String method, String target) {
    String[] path = segments(stripQuery(target));
    for (Scope s : scopes) {
      if (!startsWith(path, s.base)) {
        continue;
      }
      for (Template t : s.templates) {
        if ((method.equalsIgnoreCase(t.endpoint.method()) || method.equalsIgnoreCase("ANY")) && matches(path, t.segments)) {
          return Optional.of(new Match(s.namespace, s.version, Optional.of(t.endpoint)));
        }
      }
      return Optional.of(new Match(s.namespace, s.version, Optional.empty()));
    }
    return Optional.empty();
  }

  /** The path pattern of a request that matched nothing: its segments, as recorded. */
  public static String stripQuery(String target) {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  private static boolean startsWith(String[] path, String[] base) {
    if (path.length < base.length) {
      return false;
    }
    for (int i = 0; i < base.length; i++) {
      if (!path[i].equals(base[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(String[] path, String[] template) {
    if (path.length != template.length) {
      return false;
    }
    for (int i = 0; i < path.length; i++) {
      if (isParam(template[i])) {
        if (path[i].isEmpty()) {
          return false;
        }
      } else if (path[i].equals(ANY_SEGMENT) || !path[i].equals(template[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isParam(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  private static String[] segments(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return new String[0];
    }
    String[] out = p.split("/", -1);
    for (int i = 0; i < out.length; i++) {
      if (out[i].indexOf('%') >= 0 && !out[i].equals(ANY_SEGMENT)) {
        try {
          out[i] = URLDecoder.decode(out[i].replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          // a malformed escape stays as written and simply does not match a literal
        }
      }
    }
    return out;
  }
}
