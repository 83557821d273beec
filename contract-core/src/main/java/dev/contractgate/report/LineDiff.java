package dev.contractgate.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-level diff of two texts (longest common subsequence), for the HTML report's highlighted old/new view.
 * Quadratic in the line counts, so it gives up ({@link #of} returns empty) beyond {@link #MAX_CELLS}; the report
 * then shows the two fragments side by side.
 */
final class LineDiff {

  /** Lines old × lines new; 4 million cells is a few hundred milliseconds at worst. */
  static final long MAX_CELLS = 4_000_000;

  enum Kind { SAME, REMOVED, ADDED }

  record Line(Kind kind, String text) {}

  private LineDiff() {}

  /** The diff, removed lines before the added lines that replace them; empty when the texts are too large. */
  static List<Line> of(String oldText, String newText) {
    String[] a = oldText.split("\n", -1);
    String[] b = newText.split("\n", -1);
    if ((long) a.length * b.length > MAX_CELLS) {
      return List.of();
    }
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        out.add(new Line(Kind.SAME, a[i++]));
        j++;
      } else if (j >= b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add(new Line(Kind.REMOVED, a[i++]));
      } else {
        out.add(new Line(Kind.ADDED, b[j++]));
      }
    }
    return out;
  }
}
