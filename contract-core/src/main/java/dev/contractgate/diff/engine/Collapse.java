package dev.contractgate.diff.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One change, one finding (issue 14): findings that describe the same change at the same place collapse into
 * the one that names it best.
 *
 * <ul>
 *   <li>{@code null} added to (removed from) an enum at a place that also became (stopped being) nullable:
 *       the {@code type.nullable-*} finding stays, the {@code enum.value-*} one for {@code null} goes.
 *   <li>A type change between two schemas that both restrict their values with {@code enum}/{@code const},
 *       whose nominal {@code type} did not change: the types are those of the values, and each added or
 *       removed value is reported on its own, so the {@code type.widened/narrowed/changed} finding goes.
 * </ul>
 */
final class Collapse {

  private Collapse() {}

  static List<Finding> sameChange(List<Finding> in) {
    Set<String> nullable = new HashSet<>();
    for (Finding f : in) {
      if (f.kind == Kind.NULLABLE_ADDED || f.kind == Kind.NULLABLE_REMOVED) {
        nullable.add(f.kind + "|" + f.path + "|" + f.at.job());
      }
    }
    List<Finding> out = new ArrayList<>(in.size());
    for (Finding f : in) {
      if (f.kind == Kind.ENUM_VALUE_ADDED && "null".equals(f.subject)
          && nullable.contains(Kind.NULLABLE_ADDED + "|" + f.path + "|" + f.at.job())) {
        continue;
      }
      if (f.kind == Kind.ENUM_VALUE_REMOVED && "null".equals(f.subject)
          && nullable.contains(Kind.NULLABLE_REMOVED + "|" + f.path + "|" + f.at.job())) {
        continue;
      }
      if ((f.kind == Kind.TYPE_WIDENED || f.kind == Kind.TYPE_NARROWED || f.kind == Kind.TYPE_CHANGED)
          && typesOfValuesOnly(f)) {
        continue;
      }
      out.add(f);
    }
    return out;
  }

  private static boolean typesOfValuesOnly(Finding f) {
    Pair p = f.at.pair();
    if (p == null || p.o.mode != Node.Mode.PLAIN && p.o.mode != Node.Mode.REST
        || p.n.mode != Node.Mode.PLAIN && p.n.mode != Node.Mode.REST) {
      return false;
    }
    if (EnumKeywords.valueSet(p.o) == null || EnumKeywords.valueSet(p.n) == null) {
      return false;
    }
    return Types.mask(p.o) == Types.mask(p.n);
  }
}
