package dev.contractgate.infer;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What the responses of one endpoint with one status had in common: body shape, media type, headers. */
final class StatusStats {

  private static final int MAX_MEDIA_TYPES = 16;

  long count;
  final Shape body = new Shape();
  /** Bodies folded into {@link #body}. */
  long json;
  long empty;
  /** Bodies of another media type (HTML, images): not JSON, not a problem. */
  long other;
  /** Bodies that could not be used (not JSON despite the media type, binary, too large, too deep, truncated). */
  long bad;
  /** Media types seen (lower case, without parameters), bounded. */
  final Map<String, Long> mediaTypes = new TreeMap<>();
  long noMediaType;
  /** {@code Vary} tokens sent with every response: lower case to first spelling; null before the first. */
  TreeMap<String, String> vary;
  /** Cookie names set by every response; null before the first. */
  TreeMap<String, String> cookies;

  void headers(Map<String, java.util.List<String>> headers) {
    java.util.List<String> ct = headers.getOrDefault("content-type", java.util.List.of());
    if (ct.isEmpty()) {
      noMediaType++;
    } else {
      String media = mediaType(ct.get(0));
      if (mediaTypes.containsKey(media) || mediaTypes.size() < MAX_MEDIA_TYPES) {
        mediaTypes.merge(media, 1L, Long::sum);
      }
    }
    if (vary == null || !vary.isEmpty()) {
      TreeMap<String, String> tokens = new TreeMap<>();
      for (String v : headers.getOrDefault("vary", java.util.List.of())) {
        for (String t : v.split(",")) {
          String token = t.trim();
          if (!token.isEmpty()) {
            tokens.merge(token.toLowerCase(Locale.ROOT), token, (a, b) -> a.compareTo(b) <= 0 ? a : b);
          }
        }
      }
      vary = intersect(vary, tokens);
    }
    if (cookies == null || !cookies.isEmpty()) {
      TreeMap<String, String> names = new TreeMap<>();
      for (String c : headers.getOrDefault("set-cookie", java.util.List.of())) {
        String name = cookieName(c);
        if (!name.isEmpty()) {
          names.putIfAbsent(name, name);
        }
      }
      cookies = intersect(cookies, names);
    }
  }

  void merge(StatusStats o, InferOptions options) {
    if (o.count == 0) {
      return;
    }
    boolean first = count == 0;
    body.merge(o.body, options);
    count += o.count;
    json += o.json;
    empty += o.empty;
    other += o.other;
    bad += o.bad;
    noMediaType += o.noMediaType;
    o.mediaTypes.forEach((k, v) -> {
      if (mediaTypes.containsKey(k) || mediaTypes.size() < MAX_MEDIA_TYPES) {
        mediaTypes.merge(k, v, Long::sum);
      }
    });
    vary = first ? copy(o.vary) : intersect(vary, o.vary);
    cookies = first ? copy(o.cookies) : intersect(cookies, o.cookies);
  }

  /** The media type every response had, or the most frequent one (ties: alphabetical), or null. */
  String mediaType() {
    String best = null;
    long n = -1;
    for (Map.Entry<String, Long> e : mediaTypes.entrySet()) {
      if (e.getValue() > n) {
        best = e.getKey();
        n = e.getValue();
      }
    }
    return best;
  }

  /** True when every response had the same media type. */
  boolean oneMediaType() {
    return mediaTypes.size() == 1 && noMediaType == 0;
  }

  static String mediaType(String value) {
    int semi = value.indexOf(';');
    return (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  static String cookieName(String setCookie) {
    int eq = setCookie.indexOf('=');
    int semi = setCookie.indexOf(';');
    int end = eq < 0 ? (semi < 0 ? setCookie.length() : semi) : (semi >= 0 && semi < eq ? semi : eq);
    return setCookie.substring(0, end).trim();
  }

  private static TreeMap<String, String> intersect(TreeMap<String, String> mine, Map<String, String> theirs) {
    if (theirs == null) {
      return mine;
    }
    if (mine == null) {
      return new TreeMap<>(theirs);
    }
    mine.keySet().retainAll(theirs.keySet());
    // The smallest spelling wins, so the result does not depend on the order responses were folded in.
    mine.replaceAll((k, v) -> v.compareTo(theirs.get(k)) <= 0 ? v : theirs.get(k));
    return mine;
  }

  private static TreeMap<String, String> copy(TreeMap<String, String> m) {
    return m == null ? null : new TreeMap<>(m);
  }
}
