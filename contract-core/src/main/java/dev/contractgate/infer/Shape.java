package dev.contractgate.infer;

import dev.contractgate.record.Redaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Everything inference remembers about the values seen at one place of a body ({@code /items/*}/author):
 * counts per JSON type, string statistics, and one child per property (or one for all values of a map) and
 * one for all array items. Its size depends on the places, never on the number of values folded in.
 */
final class Shape {

  /** One property of an object place. */
  static final class Prop {
    final Shape shape = new Shape();
    /** Objects that had the key. */
    long present;
    /** The exchange and the position in its object where the key was first seen: the output order. */
    long firstSeq = Long.MAX_VALUE;
    int firstPos = Integer.MAX_VALUE;
    /** The object instance that last counted this key, so a duplicate key counts once. */
    long stamp = -1;

    boolean before(long seq, int pos) {
      return seq < firstSeq || seq == firstSeq && pos < firstPos;
    }
  }

  static final Comparator<Map.Entry<String, Prop>> ORDER = Comparator
      .comparingLong((Map.Entry<String, Prop> e) -> e.getValue().firstSeq)
      .thenComparingInt(e -> e.getValue().firstPos)
      .thenComparing(Map.Entry::getKey);

  long count;
  long nulls;
  long booleans;
  long integers;
  long numbers;
  long strings;
  long objects;
  long arrays;
  /** Values replaced by {@link Redaction#MASK}: their type is unknown. */
  long redacted;
  StringStats text;
  LinkedHashMap<String, Prop> props;
  /** Set when this place is a map: the shape of all its values. */
  Shape values;
  /** Keys seen that are not ids (integers, UUIDs): such an object is not a map by its keys. */
  boolean nonIdKey;
  /** Keys in a map (counted once per object and key). */
  long mapKeys;
  Shape items;

  /** Folds one parsed value in; {@code stamps} hands out object instance ids. */
  void fold(JsonNode n, long seq, InferOptions o, long[] stamps) {
    count++;
    if (n.isNull()) {
      nulls++;
    } else if (n.isBoolean()) {
      booleans++;
    } else if (n.isIntegralNumber()) {
      integers++;
    } else if (n.isNumber()) {
      numbers++;
    } else if (n.isString()) {
      String s = n.stringValue();
      if (Redaction.MASK.equals(s)) {
        redacted++;
      } else {
        strings++;
        if (text == null) {
          text = new StringStats();
        }
        text.add(s, o.maxEnumValues());
      }
    } else if (n.isArray()) {
      arrays++;
      if (!n.isEmpty() && items == null) {
        items = new Shape();
      }
      for (JsonNode item : n) {
        items.fold(item, seq, o, stamps);
      }
    } else if (n.isObject()) {
      objects++;
      long stamp = stamps[0]++;
      int pos = 0;
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        String key = e.getKey();
        if (!nonIdKey && !Segments.isIdLike(key)) {
          nonIdKey = true;
        }
        if (values != null) {
          mapKeys++;
          values.fold(e.getValue(), seq, o, stamps);
          continue;
        }
        if (props == null) {
          props = new LinkedHashMap<>();
        }
        Prop p = props.computeIfAbsent(key, k -> new Prop());
        if (p.before(seq, pos)) {
          p.firstSeq = seq;
          p.firstPos = pos;
        }
        pos++;
        if (p.stamp != stamp) {
          p.stamp = stamp;
          p.present++;
        }
        p.shape.fold(e.getValue(), seq, o, stamps);
        if (props.size() > o.maxProperties()) {
          toMap(o);
        }
      }
    }
  }

  /** From now on every key's value goes into one shape ({@code additionalProperties}). */
  void toMap(InferOptions o) {
    if (values != null) {
      return;
    }
    values = new Shape();
    if (props != null) {
      for (Prop p : props.values()) {
        mapKeys += p.present;
        values.merge(p.shape, o);
      }
    }
    props = null;
  }

  /** Adds everything {@code other} saw; {@code other} is not changed and never shared. */
  void merge(Shape other, InferOptions o) {
    count += other.count;
    nulls += other.nulls;
    booleans += other.booleans;
    integers += other.integers;
    numbers += other.numbers;
    strings += other.strings;
    objects += other.objects;
    arrays += other.arrays;
    redacted += other.redacted;
    nonIdKey |= other.nonIdKey;
    mapKeys += other.mapKeys;
    if (other.text != null) {
      if (text == null) {
        text = other.text.copy();
      } else {
        text.merge(other.text, o.maxEnumValues());
      }
    }
    if (other.values != null) {
      toMap(o);
    }
    if (other.props != null) {
      for (Map.Entry<String, Prop> e : other.props.entrySet()) {
        Prop theirs = e.getValue();
        if (values != null) {
          mapKeys += theirs.present;
          values.merge(theirs.shape, o);
          continue;
        }
        if (props == null) {
          props = new LinkedHashMap<>();
        }
        Prop mine = props.computeIfAbsent(e.getKey(), k -> new Prop());
        mine.present += theirs.present;
        if (mine.before(theirs.firstSeq, theirs.firstPos)) {
          mine.firstSeq = theirs.firstSeq;
          mine.firstPos = theirs.firstPos;
        }
        mine.shape.merge(theirs.shape, o);
      }
      if (props != null && props.size() > o.maxProperties()) {
        toMap(o);
      }
    }
    if (other.values != null) {
      values.merge(other.values, o);
    }
    if (other.items != null) {
      if (items == null) {
        items = new Shape();
      }
      items.merge(other.items, o);
    }
  }

  /** A deep copy that shares nothing. */
  Shape copy(InferOptions o) {
    Shape c = new Shape();
    c.merge(this, o);
    return c;
  }

  /** The properties in output order: first seen first. */
  List<Map.Entry<String, Prop>> orderedProps() {
    if (props == null) {
      return List.of();
    }
    List<Map.Entry<String, Prop>> out = new ArrayList<>(props.entrySet());
    out.sort(ORDER);
    return out;
  }

  /** Values of a known type (not null, not redacted). */
  long typed() {
    return booleans + integers + numbers + strings + objects + arrays;
  }
}
