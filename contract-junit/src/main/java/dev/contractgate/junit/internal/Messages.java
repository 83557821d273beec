package dev.contractgate.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.contractgate.report.Facts;
import org.apiguardian.api.API;
/** Setup and misuse messages in the shape of STYLE §4: a headline, then aligned facts, the hint last. */
@API(status = INTERNAL, since = "0.1")
public final class Messages {

  /** Where every configuration message points for the full table of settings. */
  public static final String DOCS = "docs/junit.md#configuration";

  private Messages() {}

  public static String of(String headline, String expected, String actual, String hint) {
    StringBuilder b = new StringBuilder(headline);
    fact(b, "expected", expected);
    fact(b, "but was ", actual);
    fact(b, "hint    ", hint);
    return b.toString();
  }

  private static void fact(StringBuilder b, String key, String value) {
    Facts.append(b, key.strip(), value);
  }

  /** A value quoted for a message, or {@code not set}. */
  public static String quote(String value) {
    return value == null ? "not set" : "\"" + value + "\"";
  }
}
