package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * "Did you mean" for names a person typed: the known name at the smallest edit distance, when it is close enough
 * to be a typo rather than a different name (at most 2 edits, or a third of the name's length for long names).
 */
@API(status = INTERNAL, since = "0.1")
public final class Suggestions {

  private Suggestions() {}

  /** The closest of {@code known} to {@code typed}, compared without case; empty when none is close. */
  public static Optional<String> closest(String typed, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String t = typed.toLowerCase(Locale.ROOT);
    for (String k : known) {
      int d = distance(t, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= Math.max(2, typed.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  /** {@code did you mean "x"? } followed by {@code otherwise}, or {@code otherwise} alone when nothing is close. */
  public static String hint(String typed, Collection<String> known, String otherwise) {
    return closest(typed, known).map(c -> "did you mean \"" + c + "\"? Otherwise " + otherwise).orElse(otherwise);
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
