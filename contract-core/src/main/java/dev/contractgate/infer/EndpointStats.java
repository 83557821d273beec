package dev.contractgate.infer;

import dev.contractgate.registry.EndpointMatcher;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Everything seen for one method on one path template: requests, queries, and the responses by status. */
final class EndpointStats {

  long count;
  /** Requests whose path ended with '/'. */
  long trailingSlash;
  final TreeMap<Integer, StatusStats> statuses = new TreeMap<>();
  /** The query parameters of every request, as one object of strings per request. */
  final Shape query = new Shape();
  /** Requests that had a query. */
  long withQuery;
  /** The earliest successful request: the probe is built from it. */
  long probeSeq = Long.MAX_VALUE;
  String probeTarget;
  int probeStatus;

  StatusStats status(int status) {
    return statuses.computeIfAbsent(status, s -> new StatusStats());
  }

  void request(long seq, String target, boolean slash, int status, InferOptions o, long[] stamps) {
    count++;
    if (slash) {
      trailingSlash++;
    }
    // A WireMock mapping's path pattern ({*}) is not a request a probe could repeat.
    if (status >= 200 && status < 300 && seq < probeSeq && !target.contains(EndpointMatcher.ANY_SEGMENT)) {
      probeSeq = seq;
      probeTarget = target;
      probeStatus = status;
    }
    ObjectNode q = queryObject(target);
    if (!q.isEmpty()) {
      withQuery++;
    }
    query.fold(q, seq, o, stamps);
  }

  void merge(EndpointStats other, InferOptions o) {
    count += other.count;
    trailingSlash += other.trailingSlash;
    withQuery += other.withQuery;
    other.statuses.forEach((s, st) -> status(s).merge(st, o));
    query.merge(other.query, o);
    if (other.probeSeq < probeSeq) {
      probeSeq = other.probeSeq;
      probeTarget = other.probeTarget;
      probeStatus = other.probeStatus;
    }
  }

  /** The query of a target as an object of strings: the first value of each parameter, decoded. */
  static ObjectNode queryObject(String target) {
    ObjectNode q = JsonNodeFactory.instance.objectNode();
    int at = target.indexOf('?');
    if (at < 0 || at == target.length() - 1) {
      return q;
    }
    for (String pair : target.substring(at + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!name.isEmpty() && !q.has(name)) {
        q.put(name, value);
      }
    }
    return q;
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
