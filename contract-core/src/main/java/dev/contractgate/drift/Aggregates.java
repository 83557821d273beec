package dev.contractgate.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Bounded counting groups: at most {@code maxGroups} distinct keys (later keys fall into one "(other)"
 * group) and at most {@code maxSamples} examples each, always the earliest recordings, so that the result
 * is the same whatever thread saw which recording.
 */
final class Aggregates {

  /** Most distinct groups kept per kind and endpoint. */
  public static final int MAX_GROUPS = 500;

  /** The pointer of the group that collects what falls beyond {@link #MAX_GROUPS}. */
  public static final String OTHER = "(other patterns)";

  /** One group being counted. */
  public static final class Group {
    final String rule;
    final String pointer;
    final String detail;
    final String schema;
    long count;
    final TreeSet<Sample> samples = new TreeSet<>();

    Group(String rule, String pointer, String detail, String schema) {
      this.rule = rule;
      this.pointer = pointer;
      this.detail = detail;
      this.schema = schema;
    }

    DriftGroup freeze() {
      return new DriftGroup(rule, pointer, detail, schema, count, new ArrayList<>(samples));
    }
  }

  private final Map<String, Group> groups = new HashMap<>();
  private final int maxSamples;

  public Aggregates(int maxSamples) {
    this.maxSamples = maxSamples;
  }

  public void add(String rule, String pointer, String detail, String schema, Sample sample) {
    String key = rule + '\u0000' + pointer + '\u0000' + detail + '\u0000' + schema;
    Group g = groups.get(key);
    if (g == null) {
      if (groups.size() >= MAX_GROUPS) {
        key = rule + '\u0000' + OTHER;
        g = groups.computeIfAbsent(key, k -> new Group(rule, OTHER, "", ""));
      } else {
        g = new Group(rule, pointer, detail, schema);
        groups.put(key, g);
      }
    }
    g.count++;
    offer(g, sample);
  }

  private void offer(Group g, Sample sample) {
    if (maxSamples <= 0 || sample == null) {
      return;
    }
    if (g.samples.size() < maxSamples) {
      g.samples.add(sample);
    } else if (sample.compareTo(g.samples.last()) < 0) {
      g.samples.add(sample);
      g.samples.pollLast();
    }
  }

  /** Adds every group of {@code other} into this one. */
  public void merge(Aggregates other) {
    for (Map.Entry<String, Group> e : other.groups.entrySet()) {
      Group o = e.getValue();
      Group g = groups.get(e.getKey());
      if (g == null) {
        if (groups.size() >= MAX_GROUPS && !o.pointer.equals(OTHER)) {
          g = groups.computeIfAbsent(o.rule + '\u0000' + OTHER, k -> new Group(o.rule, OTHER, "", ""));
        } else {
          g = new Group(o.rule, o.pointer, o.detail, o.schema);
          groups.put(e.getKey(), g);
        }
      }
      g.count += o.count;
      for (Sample s : o.samples) {
        offer(g, s);
      }
    }
  }

  public boolean isEmpty() {
    return groups.isEmpty();
  }

  public long total() {
    long n = 0;
    for (Group g : groups.values()) {
      n += g.count;
    }
    return n;
  }

  /** Most frequent first, then by pointer, rule and detail. */
  public List<DriftGroup> freeze() {
    List<DriftGroup> out = new ArrayList<>();
    for (Group g : groups.values()) {
      out.add(g.freeze());
    }
    out.sort(Comparator.comparingLong(DriftGroup::count).reversed()
        .thenComparing(DriftGroup::pointer).thenComparing(DriftGroup::rule).thenComparing(DriftGroup::detail)
        .thenComparing(DriftGroup::schema));
    return out;
  }
}
