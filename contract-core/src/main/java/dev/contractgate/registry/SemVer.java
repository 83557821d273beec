package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A semantic version ({@code 1.4.0}, {@code 2.0.0-rc.1}), ordered by semantic-version precedence.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SemVer(int major, int minor, int patch, String prerelease) implements Comparable<SemVer> {

  // A pre-release identifier: numeric without leading zeros, or alphanumeric (semver.org, item 9).
  private static final String IDENTIFIER = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
  private static final Pattern FORMAT =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-(" + IDENTIFIER + "(?:\\." + IDENTIFIER + ")*))?");

  public SemVer {
    Objects.requireNonNull(prerelease, "prerelease");
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("version numbers must not be negative");
    }
  }

  /** Parses {@code MAJOR.MINOR.PATCH[-PRERELEASE]}; build metadata is not accepted. */
  public static SemVer parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a semantic version: \"" + text + "\" (expected MAJOR.MINOR.PATCH, e.g. 1.4.0)");
    }
    try {
      return new SemVer(
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)),
          m.group(4) == null ? "" : m.group(4));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "not a semantic version: \"" + text + "\" (a number is larger than " + Integer.MAX_VALUE + ")", e);
    }
  }

  /** True when {@code text} is a semantic version that {@link #parse} accepts. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) c = Integer.compare(minor, o.minor);
    if (c == 0) c = Integer.compare(patch, o.patch);
    if (c != 0) return c;
    if (prerelease.equals(o.prerelease)) return 0;
    // A release ranks above any of its pre-releases.
    if (prerelease.isEmpty()) return 1;
    if (o.prerelease.isEmpty()) return -1;
    String[] a = prerelease.split("\\.");
    String[] b = o.prerelease.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      boolean an = a[i].matches("\\d+");
      boolean bn = b[i].matches("\\d+");
      int d;
      if (an && bn) d = new java.math.BigInteger(a[i]).compareTo(new java.math.BigInteger(b[i]));
      else if (an) d = -1;
      else if (bn) d = 1;
      else d = a[i].compareTo(b[i]);
      if (d != 0) return d;
    }
    return Integer.compare(a.length, b.length);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease);
  }
}
