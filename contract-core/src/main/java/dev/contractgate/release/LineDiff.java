package dev.contractgate.release;

import java.util.ArrayList;
import java.util.List;

/** The lines of a text file that an edit removed ({@code -}) and added ({@code +}), by longest common subsequence. */
final class LineDiff {

  static final int MAX_LINES = 2_000;
  static final int MAX_SHOWN = 30;

  private LineDiff() {}

  static List<String> of(String oldText, String newText) {
    String[] a = oldText.replace("\r\n", "\n").split("\n", -1);
    String[] b = newText.replace("\r\n", "\n").split("\n", -1);
    List<String> out = new ArrayList<>();
    if (a.length > MAX_LINES || b.length > MAX_LINES) {
      int i = 0;
      while (i < Math.min(a.length, b.length) && a[i].equals(b[i])) {
        i++;
      }
      out.add("first difference at line " + (i + 1) + " (file too long for a line diff)");
      return out;
    }
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    int hidden = 0;
    while (i < a.length || j < b.length) {
      String line;
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        i++;
        j++;
        continue;
      } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        line = "- " + (i + 1) + ": " + ReleaseLock.clip(a[i]);
        i++;
      } else {
        line = "+ " + (j + 1) + ": " + ReleaseLock.clip(b[j]);
        j++;
      }
      if (out.size() < MAX_SHOWN) {
        out.add(line);
      } else {
        hidden++;
      }
    }
    if (hidden > 0) {
      out.add("... and " + hidden + " more changed lines");
    }
    return out;
  }
}
