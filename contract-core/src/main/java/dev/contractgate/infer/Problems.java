package dev.contractgate.infer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Recordings that could not be used, counted by kind, with the earliest few kept as examples. */
final class Problems {

  static final int EXAMPLES = 20;

  /** One example: the exchange's sequence number decides which are kept. */
  record Example(long seq, String kind, String where, String detail) {}

  final TreeMap<String, Long> counts = new TreeMap<>();
  final List<Example> examples = new ArrayList<>();

  void add(long seq, String kind, String where, String detail) {
    counts.merge(kind, 1L, Long::sum);
    if (examples.size() < EXAMPLES || seq < examples.get(examples.size() - 1).seq()) {
      examples.add(new Example(seq, kind, where, detail));
      trim();
    }
  }

  void merge(Problems o) {
    o.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
    examples.addAll(o.examples);
    trim();
  }

  long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  Map<String, Long> counts() {
    return counts;
  }

  private void trim() {
    examples.sort(Comparator.comparingLong(Example::seq).thenComparing(Example::where));
    while (examples.size() > EXAMPLES) {
      examples.remove(examples.size() - 1);
    }
  }
}
