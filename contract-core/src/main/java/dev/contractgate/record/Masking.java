package dev.contractgate.record;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The masking of secret values in text, behind {@link Redaction#maskSecrets} (the command's output, the JUnit
 * messages) and {@link Redaction#scrub} (echoes in recordings). The rules are on {@link Redaction#maskSecrets}.
 */
final class Masking {

  private Masking() {}

  /** Masks with {@code mask}; values cut before an ellipsis count from {@code minCut} characters of a secret. */
  static String mask(String text, Collection<String> secrets, String mask, int minCut) {
    if (text == null || text.isEmpty() || secrets == null || secrets.isEmpty()) {
      return text;
    }
    List<String> list = normalize(secrets);
    if (list.isEmpty()) {
      return text;
    }
    int n = text.length();
    BitSet hit = null;
    for (String s : list) {
      int len = s.length();
      boolean whole = len < Redaction.MIN_SECRET;
      for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
        if (whole && !(boundary(text, i - 1) && boundary(text, i + len))) {
          continue;
        }
        if (hit == null) {
          hit = new BitSet(n);
        }
        hit.set(i, i + len);
      }
    }
    int snippet = Math.max(minCut, Redaction.MIN_SNIPPET);
    for (int a = ellipsis(text, 0); a >= 0; ) {
      int b = a + (text.charAt(a) == '\u2026' ? 1 : 3);
      int from = -1;
      int to = -1;
      // a value cut after the first characters of a secret: "eyJhbGci..."
      int k = prefixEndingAt(text, a, list);
      if (k >= minCut) {
        from = a - k;
        to = b;
      } else if (a > 0 && text.charAt(a - 1) == ' ' && (k = prefixEndingAt(text, a - 1, list)) >= snippet) {
        from = a - 1 - k;
        to = b;
      }
      // a snippet that starts inside a secret: "... bGciOiJIUz", or a piece between two ellipses
      int[] starts = b < n && text.charAt(b) == ' ' ? new int[] {b, b + 1} : new int[] {b};
      for (int q : starts) {
        int j = suffixStartingAt(text, q, list);
        if (j >= snippet) {
          from = from < 0 ? a : from;
          to = Math.max(to, q + j);
        }
        int next = ellipsis(text, q);
        int line = text.indexOf('\n', q);
        if (next > q && (line < 0 || line > next)) {
          int end = text.charAt(next - 1) == ' ' && next - 1 > q ? next - 1 : next;
          String piece = text.substring(q, end);
          if (piece.length() >= snippet && inside(piece, list)) {
            from = from < 0 ? a : from;
            to = Math.max(to, next + (text.charAt(next) == '\u2026' ? 1 : 3));
          }
        }
      }
      if (from >= 0) {
        if (hit == null) {
          hit = new BitSet(n);
        }
        hit.set(from, to);
      }
      a = ellipsis(text, b);
    }
    if (hit == null) {
      return text;
    }
    StringBuilder out = new StringBuilder(n);
    int i = 0;
    while (i < n) {
      int start = hit.nextSetBit(i);
      if (start < 0) {
        out.append(text, i, n);
        break;
      }
      out.append(text, i, start).append(mask);
      i = hit.nextClearBit(start);
    }
    return out.toString();
  }

  /** Distinct non-empty secrets, longest first, and the lines of those that span several. */
  private static List<String> normalize(Collection<String> secrets) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String s : secrets) {
      if (s == null || s.isEmpty()) {
        continue;
      }
      out.add(s);
      if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        for (String line : s.split("\r\n|\r|\n")) {
          if (!line.isBlank()) {
            out.add(line);
          }
        }
      }
    }
    List<String> list = new ArrayList<>(out);
    list.sort(Comparator.comparingInt(String::length).reversed());
    return list;
  }

  private static boolean boundary(String text, int i) {
    return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
  }

  /** The next {@code ...} or {@code …} at or after {@code from}, or -1. */
  private static int ellipsis(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u2026' || (c == '.' && text.startsWith("...", i))) {
        return i;
      }
    }
    return -1;
  }

  /** The most characters that end at {@code end} and start some secret (up to its whole length). */
  private static int prefixEndingAt(String text, int end, List<String> secrets) {
    int best = 0;
    for (String s : secrets) {
      for (int k = Math.min(s.length(), end); k > best; k--) {
        if (text.regionMatches(end - k, s, 0, k)) {
          best = k;
          break;
        }
      }
    }
    return best;
  }

  /** The most characters that start at {@code start} and end some secret. */
  private static int suffixStartingAt(String text, int start, List<String> secrets) {
    int best = 0;
    for (String s : secrets) {
      for (int k = Math.min(s.length(), text.length() - start); k > best; k--) {
        if (text.regionMatches(start, s, s.length() - k, k)) {
          best = k;
          break;
        }
      }
    }
    return best;
  }

  private static boolean inside(String piece, List<String> secrets) {
    for (String s : secrets) {
      if (s.contains(piece)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code chars[0, length)} may hold a secret for {@link #mask}: one of them occurs, or an ellipsis
   * does (a cut one may end there). A quick look, without a string, for a body kept aside as characters.
   */
  static boolean mayHold(char[] chars, int length, List<String> secrets) {
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c == '\u2026' || (c == '.' && i + 2 < length && chars[i + 1] == '.' && chars[i + 2] == '.')) {
        return true;
      }
      for (String s : secrets) {
        if (s.charAt(0) == c && i + s.length() <= length && matches(chars, i, s)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(char[] chars, int at, String s) {
    for (int k = 1; k < s.length(); k++) {
      if (chars[at + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
