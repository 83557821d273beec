package dev.contractgate.report;

import java.util.Comparator;

/**
 * The order people expect of paths and locations: segment by segment ({@code /}), with runs of digits
 * compared as numbers, so {@code /items8/{id}} comes before {@code /items10/{id}} and {@code /items/3} before
 * {@code /items/10}. Ties that only differ in how a number is written ({@code 07} and {@code 7}) fall back to
 * the plain string order: the order is total, so reports stay deterministic.
 */
final class NaturalOrder {

  static final Comparator<String> STRINGS = NaturalOrder::compare;

  /** Findings by the operation they change (path, then method), then location. */
  static final Comparator<Report.Finding> FINDINGS = Comparator.comparing(Report.Finding::level)
      .thenComparing(NaturalOrder::operationPath, STRINGS)
      .thenComparing(NaturalOrder::operation, STRINGS)
      .thenComparing(Report.Finding::where, STRINGS)
      .thenComparing(Report.Finding::rule);

  /**
   * Operation labels ({@code GET /pets/{id} (getPet)}) by path, then method: the one order of a changelog's
   * operations, whether they have one finding or several, and whatever their severity.
   */
  static final Comparator<String> OPERATIONS =
      Comparator.comparing(NaturalOrder::pathOf, STRINGS).thenComparing(STRINGS);

  private NaturalOrder() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ei = end(a, i);
      int ej = end(b, j);
      int c = segment(a, i, ei, b, j, ej);
      if (c != 0) {
        return c;
      }
      i = ei + 1;
      j = ej + 1;
    }
    // The one with segments left is the longer path: /items before /items/{id}.
    boolean aLeft = i < a.length();
    boolean bLeft = j < b.length();
    if (aLeft != bLeft) {
      return aLeft ? 1 : -1;
    }
    return a.compareTo(b);
  }

  private static int end(String s, int from) {
    int slash = s.indexOf('/', from);
    return slash < 0 ? s.length() : slash;
  }

  /** Two segments, chunk by chunk: digit runs by value, the rest by character. */
  private static int segment(String a, int i, int ei, String b, int j, int ej) {
    while (i < ei && j < ej) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int ni = i;
        while (ni < ei && isDigit(a.charAt(ni))) {
          ni++;
        }
        int nj = j;
        while (nj < ej && isDigit(b.charAt(nj))) {
          nj++;
        }
        int c = number(a, i, ni, b, j, nj);
        if (c != 0) {
          return c;
        }
        i = ni;
        j = nj;
        continue;
      }
      if (ca != cb) {
        return Character.compare(ca, cb);
      }
      i++;
      j++;
    }
    return Integer.compare(ei - i, ej - j);
  }

  /** Digit runs of any length by value, without parsing (ids may carry 30 digits). */
  private static int number(String a, int i, int ei, String b, int j, int ej) {
    while (i < ei - 1 && a.charAt(i) == '0') {
      i++;
    }
    while (j < ej - 1 && b.charAt(j) == '0') {
      j++;
    }
    if (ei - i != ej - j) {
      return Integer.compare(ei - i, ej - j);
    }
    for (; i < ei; i++, j++) {
      if (a.charAt(i) != b.charAt(j)) {
        return Character.compare(a.charAt(i), b.charAt(j));
      }
    }
    return 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code GET /pets/{id} (getPet)}: the operation a diff finding groups under, or empty. */
  private static String operation(Report.Finding f) {
    for (Report.Fact x : f.facts()) {
      if (x.key().equals("operation")) {
        return x.value();
      }
    }
    return "";
  }

  private static String operationPath(Report.Finding f) {
    return pathOf(operation(f));
  }

  /** The path of {@code METHOD /path (id)}, or the whole label when it has another shape. */
  static String pathOf(String op) {
    int space = op.indexOf(' ');
    if (space < 0 || space + 1 >= op.length() || op.charAt(space + 1) != '/') {
      return op;
    }
    int end = op.indexOf(' ', space + 1);
    return op.substring(space + 1, end < 0 ? op.length() : end);
  }
}
