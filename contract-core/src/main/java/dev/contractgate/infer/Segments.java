package dev.contractgate.infer;

import java.util.regex.Pattern;

/** What a path segment or an object key looks like: an id, a slug, or a plain word. */
final class Segments {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  /** Hex of a hash or object id: 16+ hex digits with at least one digit and one letter. */
  private static final Pattern HEX = Pattern.compile("(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{16,}");
  /** An opaque token: 20+ URL-safe characters mixing upper case, lower case and digits. */
  private static final Pattern OPAQUE = Pattern.compile(
      "(?=[A-Za-z0-9_=-]*[A-Z])(?=[A-Za-z0-9_=-]*[a-z])(?=[A-Za-z0-9_=-]*[0-9])[A-Za-z0-9_=-]{20,}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)+|(?=[a-z]*[0-9])[a-z0-9]*[a-z][a-z0-9]*");

  private Segments() {}

  /** An integer or a UUID: object keys like these make a map. */
  static boolean isIdLike(String s) {
    return !s.isEmpty() && s.length() <= 36 && (INTEGER.matcher(s).matches() || UUID.matcher(s).matches());
  }

  /** A path segment that is a parameter whatever its siblings: an integer, a UUID, a hash, an opaque token. */
  static boolean isId(String s) {
    return isIdLike(s) || s.length() >= 16 && (HEX.matcher(s).matches() || OPAQUE.matcher(s).matches());
  }

  /**
   * A segment that reads like a slug: lower-case words joined by {@code -} or {@code _}
   * ({@code one-bitrix-two-nextjs}), or letters mixed with digits ({@code post42}). Never a file name
   * ({@code list.php}).
   */
  static boolean isSlug(String s) {
    return s.length() <= 200 && SLUG.matcher(s).matches();
  }

  /** A segment without a dot: one that may stand for a value (a file name such as {@code list.php} never does). */
  static boolean mayBeValue(String s) {
    return s.indexOf('.') < 0;
  }
}
