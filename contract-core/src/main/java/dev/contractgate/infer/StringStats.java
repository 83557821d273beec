package dev.contractgate.infer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the strings seen at one place have in common: the formats every one of them matches, and their
 * distinct values while there are few (bounded: past the limit only "many" is remembered). A value matches a
 * format when a quick pattern says so and then the validator's own format check (networknt, as the registry
 * compiles schemas with format assertions on) agrees: an inferred format never rejects a sample.
 */
final class StringStats {

  /** Formats in the order of preference when a value matches several. */
  enum Format {
    UUID("uuid"), DATE_TIME("date-time"), DATE("date"), EMAIL("email"), URI("uri");

    final String keyword;

    Format(String keyword) {
      this.keyword = keyword;
    }
  }

  /** Longer values are never enum members (free text, not a code). */
  static final int MAX_ENUM_VALUE_CHARS = 64;

  private static final int ALL = (1 << Format.values().length) - 1;
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DATE_TIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9_%+-]+(\\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
          + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");
  private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+");

  private static final Map<String, com.networknt.schema.format.Format> VALIDATOR_FORMATS = validatorFormats();

  long count;
  /** Formats every value so far matched. */
  int formats = ALL;
  /** Distinct values and how often, while at most the limit; {@code null} once there were more. */
  LinkedHashMap<String, Long> values = new LinkedHashMap<>();

  void add(String s, int maxValues) {
    count++;
    if (formats != 0) {
      formats &= formatsOf(s, formats);
    }
    if (values != null) {
      if (s.length() > MAX_ENUM_VALUE_CHARS) {
        values = null;
      } else {
        values.merge(s, 1L, Long::sum);
        if (values.size() > maxValues) {
          values = null;
        }
      }
    }
  }

  void merge(StringStats o, int maxValues) {
    count += o.count;
    formats &= o.formats;
    if (values != null && o.values != null) {
      o.values.forEach((k, v) -> values.merge(k, v, Long::sum));
      if (values.size() > maxValues) {
        values = null;
      }
    } else {
      values = null;
    }
  }

  StringStats copy() {
    StringStats c = new StringStats();
    c.count = count;
    c.formats = formats;
    c.values = values == null ? null : new LinkedHashMap<>(values);
    return c;
  }

  /** The format every value matched, when there were enough values. */
  Format format(int minSamples) {
    if (count < minSamples || count == 0) {
      return null;
    }
    for (Format f : Format.values()) {
      if ((formats & (1 << f.ordinal())) != 0) {
        return f;
      }
    }
    return null;
  }

  /** The sorted distinct values, when they are few enough and seen often enough to be an enum. */
  List<String> enumValues(int minSamples, int maxValues) {
    if (values == null || values.size() < 2 || count < minSamples || values.size() > maxValues) {
      return null;
    }
    List<String> out = new ArrayList<>(values.keySet());
    out.sort(null);
    return out;
  }

  Map<String, Long> valueCounts() {
    return values;
  }

  static int formatsOf(String s) {
    return formatsOf(s, ALL);
  }

  /** The formats of {@code mask} that {@code s} matches: only those are checked. */
  static int formatsOf(String s, int mask) {
    int m = candidates(s) & mask;
    for (Format f : Format.values()) {
      if ((m & (1 << f.ordinal())) != 0 && !validatorAccepts(f, s)) {
        m &= ~(1 << f.ordinal());
      }
    }
    return m;
  }

  private static boolean validatorAccepts(Format f, String s) {
    com.networknt.schema.format.Format check = VALIDATOR_FORMATS.get(f.keyword);
    try {
      return check != null && check.matches(null, s);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Map<String, com.networknt.schema.format.Format> validatorFormats() {
    Map<String, com.networknt.schema.format.Format> m = new java.util.HashMap<>();
    for (com.networknt.schema.format.Format f : com.networknt.schema.format.Formats.DEFAULT) {
      m.put(f.getName(), f);
    }
    return m;
  }

  /** The formats a quick look allows; the validator has the last word. */
  private static int candidates(String s) {
    int m = 0;
    if (s.length() == 36 && UUID.matcher(s).matches()) {
      m |= 1 << Format.UUID.ordinal();
    }
    if (s.length() >= 20 && s.length() <= 40 && DATE_TIME.matcher(s).matches() && parses(s, true)) {
      m |= 1 << Format.DATE_TIME.ordinal();
    }
    if (s.length() == 10 && DATE.matcher(s).matches() && parses(s, false)) {
      m |= 1 << Format.DATE.ordinal();
    }
    if (s.length() <= 254 && s.indexOf('@') > 0 && EMAIL.matcher(s).matches() && s.indexOf('@') <= 64) {
      m |= 1 << Format.EMAIL.ordinal();
    }
    if (s.length() <= 2048 && s.indexOf("://") > 0 && URI.matcher(s).matches() && isUri(s)) {
      m |= 1 << Format.URI.ordinal();
    }
    return m;
  }

  private static boolean parses(String s, boolean dateTime) {
    try {
      if (dateTime) {
        OffsetDateTime.parse(s);
      } else {
        LocalDate.parse(s);
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isUri(String s) {
    try {
      java.net.URI u = new java.net.URI(s);
      return u.isAbsolute() && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
